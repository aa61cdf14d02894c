import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { viewerTimeZone } from '../../app/format';
import { knownTimeZones, localValue, zonedLocalToUtc } from '../../app/time';
import { CountrySelect } from '../../app/ui/CountrySelect';
import { Button } from '../../app/ui/Button';
import { FormRow, SelectField, TextField, formClass } from '../../app/ui/Field';
import { Panel } from '../../app/ui/Panel';
import { ErrorNotice } from '../../app/ui/Notice';
import { formValues } from '../../app/forms';
import { parseError } from '../../app/errors';
import { useCreateOperation } from './operations.api';
import { ThemesFieldset, themesOf } from './ThemesFieldset';

const tagPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** Splits "Ukraine, minors" into valid tags, or null if one is not valid. */
function parseTags(text: string): string[] | null {
  const tags = text
    .split(/[,\s]+/)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  return tags.every((tag) => tagPattern.test(tag)) ? [...new Set(tags)] : null;
}

const fields = [
  'name',
  'startsAt',
  'endsAt',
  'timeZone',
  'focusTags',
  'coordinatorCountry',
  'coordinatorAgency',
] as const;

/** For instance administrators: a new operation, read in the chosen time zone. */
export function CreateOperationForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOperation();
  const [tagError, setTagError] = useState(false);
  const zones = useMemo(knownTimeZones, []);
  const tomorrow = useMemo(() => new Date(Date.now() + 24 * 3600_000), []);

  return (
    <Panel roomy title={t('newOperation.title')}>
      <p className="muted">{t('newOperation.intro')}</p>
      <form
        className={formClass()}
        onSubmit={(event) => {
          event.preventDefault();
          const values = formValues(event.currentTarget, fields);
          const themes = themesOf(event.currentTarget);
          const focusTags = parseTags(values.focusTags);
          setTagError(focusTags === null);
          const startsAt = zonedLocalToUtc(values.startsAt, values.timeZone);
          const endsAt = zonedLocalToUtc(values.endsAt, values.timeZone);
          if (!focusTags || !startsAt || !endsAt) return;
          create.mutate(
            {
              name: values.name,
              startsAt: startsAt.toISOString(),
              endsAt: endsAt.toISOString(),
              timeZone: values.timeZone,
              focusTags,
              themes,
              coordinatorCountry: values.coordinatorCountry,
              coordinatorAgency: values.coordinatorAgency,
            },
            { onSuccess: (operation) => void navigate(`/operations/${operation.id}`) },
          );
        }}
      >
        <TextField label={t('newOperation.name')} name="name" required maxLength={200} />
        <FormRow>
          <TextField
            label={t('newOperation.startsAt')}
            name="startsAt"
            type="datetime-local"
            required
            defaultValue={localValue(tomorrow, '08:00')}
          />
          <TextField
            label={t('newOperation.endsAt')}
            name="endsAt"
            type="datetime-local"
            required
            defaultValue={localValue(tomorrow, '20:00')}
          />
        </FormRow>
        <SelectField
          label={t('newOperation.timeZone')}
          hint={t('newOperation.timeZoneHint')}
          name="timeZone"
          defaultValue={viewerTimeZone()}
          required
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
        <ThemesFieldset
          themes={['sexual', 'labour']}
          error={create.error ? parseError(create.error).fieldErrors.themes : undefined}
        />
        <TextField
          label={t('newOperation.focusTags')}
          hint={t('newOperation.focusTagsHint')}
          error={tagError ? t('newOperation.invalidTags') : undefined}
          name="focusTags"
          autoCapitalize="none"
          spellCheck={false}
        />
        <FormRow>
          <CountrySelect label={t('newOperation.country')} name="coordinatorCountry" defaultValue="NL" />
          <TextField
            label={t('newOperation.agency')}
            name="coordinatorAgency"
            required
            maxLength={120}
            defaultValue="Europol"
          />
        </FormRow>
        <ErrorNotice error={create.error} />
        <Button type="submit" variant="primary" pending={create.isPending} pendingLabel={t('newOperation.submitting')}>
          {t('newOperation.submit')}
        </Button>
      </form>
    </Panel>
  );
}
