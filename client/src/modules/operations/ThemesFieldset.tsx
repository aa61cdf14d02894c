import { type OperationTheme, operationThemes } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../app/ui/Checkbox';
import { Fieldset } from '../../app/ui/Field';

/** The themes ticked in a form (`name="themes"`), in the catalogue's order. */
export function themesOf(form: HTMLFormElement): OperationTheme[] {
  const ticked = new FormData(form).getAll('themes');
  return operationThemes.filter((theme) => ticked.includes(theme));
}

/**
 * What the day is about: trafficking for sexual or labour exploitation, migrant smuggling. Forms and the key
 * figures follow; the choice is fixed once the day is live.
 */
export function ThemesFieldset({
  themes,
  locked = false,
  error,
}: {
  themes: readonly string[];
  locked?: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('operations.themes.legend')} compact error={error} disabled={locked}>
      {operationThemes.map((theme) => (
        <Checkbox
          key={theme}
          compact
          label={t(`operations.themes.${theme}`)}
          name="themes"
          value={theme}
          defaultChecked={themes.includes(theme)}
        />
      ))}
      <p className="muted">{t(locked ? 'operations.themes.locked' : 'operations.themes.hint')}</p>
    </Fieldset>
  );
}
