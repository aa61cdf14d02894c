import { suspectRoles } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../app/ui/Checkbox';
import { FormRow, SelectField, TextField } from '../../../app/ui/Field';
import { NationalitySelect, oneOf, textOf } from '../fields';
import type { KindFieldsProps, KindForm } from './kindForm';

/** "Ivan K, Vanya" → ['Ivan K', 'Vanya'] (commas, semicolons or lines). */
const aliasesOf = (data: FormData) =>
  (textOf(data, 'aliases') ?? '')
    .split(/[,;\n]/)
    .map((alias) => alias.trim())
    .filter(Boolean);

/** A suspect: aliases or names, identity established or not, nationality, a guess at their role. */
function SuspectFields({ finding, messages }: KindFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormRow>
        <TextField
          label={t('findings.field.aliases')}
          hint={t('findings.field.aliasesHint')}
          name="aliases"
          required
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          data-first=""
          defaultValue={(finding?.aliases ?? []).join(', ')}
          error={messages.forField('aliases')}
        />
        <NationalitySelect
          label={t('findings.field.nationality')}
          defaultValue={finding?.nationality}
          error={messages.forField('nationality')}
        />
        <SelectField
          label={t('findings.field.role')}
          name="role"
          defaultValue={finding?.role ?? ''}
          error={messages.forField('role')}
        >
          <option value="">{t('findings.field.unknown')}</option>
          {suspectRoles
            .filter((role) => role !== 'unknown')
            .map((role) => (
              <option key={role} value={role}>
                {t(`findings.suspectRole.${role}`)}
              </option>
            ))}
        </SelectField>
      </FormRow>
      <Checkbox
        label={t('findings.field.identified')}
        name="identified"
        defaultChecked={finding?.identified ?? false}
      />
    </>
  );
}

export const suspectForm: KindForm = {
  kind: 'suspect',
  Fields: SuspectFields,
  create: (data) => {
    const aliases = aliasesOf(data);
    if (aliases.length === 0) return null;
    return {
      kind: 'suspect',
      aliases,
      identified: data.get('identified') === 'on',
      nationality: textOf(data, 'nationality'),
      role: oneOf(suspectRoles, textOf(data, 'role')),
    };
  },
  patch: (data) => ({
    aliases: aliasesOf(data),
    identified: data.get('identified') === 'on',
    nationality: textOf(data, 'nationality') ?? null,
    role: oneOf(suspectRoles, textOf(data, 'role')) ?? null,
  }),
  summary: (t, body) => t('findings.logged.suspect', { name: body.kind === 'suspect' ? body.aliases.join(', ') : '' }),
};
