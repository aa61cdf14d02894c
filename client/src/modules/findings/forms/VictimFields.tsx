import { exploitationTypes, referralStatuses } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { FormRow, SelectField, TextField } from '../../../app/ui/Field';
import { NationalitySelect, oneOf, textOf } from '../fields';
import type { KindFieldsProps, KindForm } from './kindForm';

const minorChoices = ['', 'yes', 'no'] as const;

const minorOf = (data: FormData) => {
  const minor = textOf(data, 'minor');
  return minor === 'yes' ? true : minor === 'no' ? false : null;
};
const ageOf = (data: FormData) => {
  const age = textOf(data, 'ageEstimate');
  return age === undefined ? null : Number(age);
};

/**
 * A possible victim, pseudonymous: the server gives the reference ("V-NL-007", per country; nothing to type, so no
 * name can go in), then nationality, minor or age, exploitation, referral.
 */
function VictimFields({ mode, finding, messages }: KindFieldsProps) {
  const { t } = useTranslation();
  const minor = finding?.minor === true ? 'yes' : finding?.minor === false ? 'no' : '';
  return (
    <>
      {mode === 'create' && <p className="muted">{t('findings.field.referenceGiven')}</p>}
      <FormRow>
        <NationalitySelect
          label={t('findings.field.nationality')}
          defaultValue={finding?.nationality}
          error={messages.forField('nationality')}
        />
        <SelectField
          label={t('findings.field.exploitation')}
          name="exploitation"
          required
          data-first=""
          defaultValue={finding?.exploitation ?? ''}
          error={messages.forField('exploitation')}
        >
          <option value="" disabled>
            {t('findings.field.choose')}
          </option>
          {exploitationTypes.map((type) => (
            <option key={type} value={type}>
              {t(`findings.exploitation.${type}`)}
            </option>
          ))}
        </SelectField>
      </FormRow>
      <FormRow>
        <SelectField
          label={t('findings.field.minor')}
          name="minor"
          defaultValue={minor}
          error={messages.forField('minor')}
        >
          {minorChoices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`findings.minor.${choice || 'unknown'}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('findings.field.ageEstimate')}
          name="ageEstimate"
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          step={1}
          defaultValue={finding?.ageEstimate ?? ''}
          error={messages.forField('ageEstimate')}
        />
        <SelectField
          label={t('findings.field.referral')}
          name="referral"
          defaultValue={finding?.referral ?? 'not_referred'}
          error={messages.forField('referral')}
        >
          {referralStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`findings.referral.${status}`)}
            </option>
          ))}
        </SelectField>
      </FormRow>
    </>
  );
}

export const victimForm: KindForm = {
  kind: 'victim',
  Fields: VictimFields,
  create: (data) => {
    const exploitation = oneOf(exploitationTypes, textOf(data, 'exploitation'));
    if (!exploitation) return null;
    return {
      kind: 'victim',
      nationality: textOf(data, 'nationality'),
      minor: minorOf(data) ?? undefined,
      ageEstimate: ageOf(data) ?? undefined,
      exploitation,
      referral: oneOf(referralStatuses, textOf(data, 'referral')),
    };
  },
  patch: (data) => ({
    nationality: textOf(data, 'nationality') ?? null,
    minor: minorOf(data),
    ageEstimate: ageOf(data),
    exploitation: oneOf(exploitationTypes, textOf(data, 'exploitation')),
    referral: oneOf(referralStatuses, textOf(data, 'referral')),
  }),
  // the server gives the reference: a victim still in the outbox has none yet
  summary: (t, _body, logged) =>
    logged?.reference
      ? t('findings.logged.victim', { reference: logged.reference })
      : t('findings.logged.victimPending'),
};
