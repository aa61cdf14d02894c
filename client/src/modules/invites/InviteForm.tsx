import { roles } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { formValues } from '../../app/forms';
import { useFormat } from '../../app/format';
import { CountrySelect } from '../../app/ui/CountrySelect';
import { Button } from '../../app/ui/Button';
import { FormRow, SelectField, TextField, formClass } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import type { OperationDetail } from '../operations/operations.api';
import { CopyField } from './CopyField';
import { useCreateInvite } from './invites.api';
import styles from './invites.module.css';

const validDays = [1, 3, 7, 14] as const;

/** For coordinators: a one-time invite link for one participant, to copy and send. */
export function InviteForm({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invite = useCreateInvite(operation.id);
  const created = invite.data;
  const sent = invite.variables;

  return (
    <div>
      <p className="muted">{t('inviteForm.intro')}</p>
      <form
        className={formClass()}
        onSubmit={(event) => {
          event.preventDefault();
          const values = formValues(event.currentTarget, ['role', 'country', 'agency', 'days'] as const);
          const role = roles.find((r) => r === values.role) ?? 'investigator';
          invite.mutate({
            role,
            country: values.country,
            agency: values.agency.trim(),
            expiresInHours: Number(values.days) * 24,
          });
        }}
      >
        <FormRow>
          <SelectField label={t('inviteForm.role')} name="role" defaultValue="investigator">
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </SelectField>
          <CountrySelect label={t('inviteForm.country')} name="country" defaultValue={operation.me.country} />
        </FormRow>
        <FormRow>
          <TextField label={t('inviteForm.agency')} name="agency" required maxLength={120} />
          <SelectField label={t('inviteForm.validFor')} name="days" defaultValue="3">
            {validDays.map((days) => (
              <option key={days} value={days}>
                {t('inviteForm.days', { count: days })}
              </option>
            ))}
          </SelectField>
        </FormRow>
        <ErrorNotice error={invite.error} />
        <Button type="submit" variant="primary" pending={invite.isPending} pendingLabel={t('inviteForm.submitting')}>
          {t('inviteForm.submit')}
        </Button>
      </form>
      {created && sent && (
        <div className={styles.result} role="status">
          <p>
            <strong>
              {t('inviteForm.result', {
                role: t(`role.${sent.role}`),
                country: format.country(sent.country),
                agency: sent.agency,
              })}
            </strong>
          </p>
          <CopyField key={created.code} label={t('inviteForm.link')} value={created.url} />
          <p className="muted">
            {t('inviteForm.expires', { time: format.dateTime(created.expiresAt, operation.timeZone) })}
          </p>
        </div>
      )}
    </div>
  );
}
