import { useTranslation } from 'react-i18next';
import { TextField } from '../../app/ui/Field';

/** Name, e-mail and a new password, for setup and for accepting an invite. */
export function AccountFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('field.name')} name="name" autoComplete="name" required maxLength={120} />
      <TextField label={t('field.email')} name="email" type="email" autoComplete="email" required maxLength={254} />
      <TextField
        label={t('field.newPassword')}
        hint={t('field.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={256}
      />
    </>
  );
}
