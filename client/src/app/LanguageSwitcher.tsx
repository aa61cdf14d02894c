import { useTranslation } from 'react-i18next';
import { chooseLanguage, isLanguage, languages } from './i18n';
import { Field, Select } from './ui/Field';

/** Switches the interface language; the choice is remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <Field label={t('language.label')} hideLabel>
      <Select
        compact
        value={current}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void chooseLanguage(event.target.value);
        }}
      >
        {Object.entries(languages).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
