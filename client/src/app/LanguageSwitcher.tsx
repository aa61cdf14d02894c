import type { LanguageChoice } from '@actionday/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { chooseLanguage, isLanguage, languageCodes, languages } from './i18n';
import { useMe } from './session';
import { Field, Select } from './ui/Field';

/** Remembers the choice for the account, so every device it signs in on speaks the same language. */
async function rememberForAccount(language: LanguageChoice['language']): Promise<void> {
  await api<LanguageChoice>('/api/me/language', { method: 'PUT', body: { language } });
}

/**
 * Switches the interface language at any time; remembered on this device and, when signed in, for the
 * account. When the account's remembered language differs from this device's, the account's wins once it
 * is known.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const applied = useRef<string | null>(null);

  useEffect(() => {
    const remembered = user?.language;
    if (!user || !remembered || applied.current === user.id) return;
    applied.current = user.id;
    if (remembered !== i18n.resolvedLanguage) void chooseLanguage(remembered);
  }, [user, i18n]);

  return (
    <Field label={t('language.label')} hideLabel>
      <Select
        compact
        value={current}
        data-testid="language-switcher"
        onChange={(event) => {
          const language = event.target.value;
          if (!isLanguage(language)) return;
          void chooseLanguage(language);
          if (user) void rememberForAccount(language).then(() => me.refetch());
        }}
      >
        {languageCodes.map((code) => (
          <option key={code} value={code} lang={code}>
            {languages[code]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
