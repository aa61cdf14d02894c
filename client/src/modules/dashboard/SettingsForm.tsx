import { type Operation, type UpdateOperation, handlingCodes } from '@actionday/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseError } from '../../app/errors';
import { formValues } from '../../app/forms';
import { Button } from '../../app/ui/Button';
import { Checkbox } from '../../app/ui/Checkbox';
import { Fieldset, SelectField, TextField, formClass } from '../../app/ui/Field';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { ThemesFieldset, themesOf } from '../operations/ThemesFieldset';
import { useUpdateSettings } from './dashboard.api';
import styles from './SettingsForm.module.css';

const list = (text: string, upper = false) =>
  text
    .split(/[\s,;]+/)
    .map((item) => (upper ? item.trim().toUpperCase() : item.trim().toLowerCase()))
    .filter(Boolean);

const fields = ['focusTags', 'focusNationalities', 'claimLimit', 'claimTimeoutMinutes', 'defaultHandling'] as const;

/** The settings a coordinator tunes before or during the day (frozen once closed). */
export function SettingsForm({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const update = useUpdateSettings(operation.id);
  const [allowLate, setAllowLate] = useState(operation.allowLateEntries);
  const [requireTotp, setRequireTotp] = useState(operation.requireTotp);
  const [saved, setSaved] = useState(false);
  const closed = operation.status === 'closed';
  // the themes are set once the day is live
  const themesLocked = operation.status !== 'planned' && operation.status !== 'briefing';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, fields);
    const body: UpdateOperation = {
      focusTags: list(values.focusTags),
      focusNationalities: list(values.focusNationalities, true),
      claimLimit: Number(values.claimLimit),
      claimTimeoutMinutes: Number(values.claimTimeoutMinutes),
      defaultHandling: values.defaultHandling as Operation['defaultHandling'],
      allowLateEntries: allowLate,
      requireTotp,
      ...(themesLocked ? {} : { themes: themesOf(event.currentTarget) }),
    };
    setSaved(false);
    update.mutate(body, { onSuccess: () => setSaved(true) });
  };
  const refusal = update.error ? parseError(update.error) : null;
  const blamed = (field: string) => refusal?.fieldErrors[field];

  return (
    <form className={formClass()} onSubmit={submit} data-testid="settings-form" key={operation.id}>
      <Fieldset
        legend={t('dashboard.settings.title')}
        hideLegend
        plain
        className={styles.fields}
        disabled={closed || update.isPending}
      >
        <ThemesFieldset themes={operation.themes} locked={themesLocked} error={blamed('themes')} />
        <TextField
          label={t('dashboard.settings.focusTags')}
          name="focusTags"
          defaultValue={operation.focusTags.join(', ')}
          hint={t('dashboard.settings.focusTagsHint')}
          error={blamed('focusTags')}
        />
        <TextField
          label={t('dashboard.settings.focusNationalities')}
          name="focusNationalities"
          defaultValue={operation.focusNationalities.join(', ')}
          hint={t('dashboard.settings.focusNationalitiesHint')}
          error={blamed('focusNationalities')}
        />
        <TextField
          label={t('dashboard.settings.claimLimit')}
          name="claimLimit"
          type="number"
          min={1}
          max={20}
          required
          defaultValue={operation.claimLimit}
          error={blamed('claimLimit')}
        />
        <TextField
          label={t('dashboard.settings.claimTimeout')}
          name="claimTimeoutMinutes"
          type="number"
          min={1}
          max={1440}
          required
          defaultValue={operation.claimTimeoutMinutes}
          hint={t('dashboard.settings.claimTimeoutHint')}
          error={blamed('claimTimeoutMinutes')}
        />
        <SelectField
          label={t('dashboard.settings.defaultHandling')}
          name="defaultHandling"
          defaultValue={operation.defaultHandling}
        >
          {handlingCodes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <Checkbox
          label={t('dashboard.settings.allowLate')}
          checked={allowLate}
          onChange={(event) => setAllowLate(event.target.checked)}
        />
        <Checkbox
          label={t('dashboard.settings.requireTotp')}
          checked={requireTotp}
          onChange={(event) => setRequireTotp(event.target.checked)}
        />
      </Fieldset>
      {closed ? (
        <Notice tone="info">{t('dashboard.settings.closed')}</Notice>
      ) : (
        <Button
          type="submit"
          variant="primary"
          pending={update.isPending}
          pendingLabel={t('dashboard.settings.saving')}
        >
          {t('dashboard.settings.save')}
        </Button>
      )}
      <ErrorNotice error={update.error} />
      {saved && !update.error && <Notice tone="success">{t('dashboard.settings.saved')}</Notice>}
    </form>
  );
}
