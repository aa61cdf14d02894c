import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../app/redirect';
import { useMe } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { TextField, formClass } from '../../app/ui/Field';
import { Panel } from '../../app/ui/Panel';
import { ErrorNotice } from '../../app/ui/Notice';
import { Page } from '../../app/ui/Page';
import { formValues } from '../../app/forms';
import { isApiError } from '../../app/api';
import { useSignIn } from './auth.api';

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  // accounts with a second factor are asked for the code after the password was accepted
  const needsCode = isApiError(signIn.error, 'auth.totp_required') || !!signIn.variables?.code;

  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  return (
    <Page title={t('signIn.title')} narrow>
      <Panel roomy>
        <h1>{t('signIn.title')}</h1>
        <p className="lead">{t('signIn.intro')}</p>
        <form
          className={formClass()}
          onSubmit={(event) => {
            event.preventDefault();
            const { code, ...credentials } = formValues(event.currentTarget, ['email', 'password', 'code'] as const);
            signIn.mutate(code ? { ...credentials, code } : credentials, {
              onSuccess: () => void navigate(next, { replace: true }),
            });
          }}
        >
          <TextField label={t('field.email')} name="email" type="email" autoComplete="username" required autoFocus />
          <TextField
            label={t('field.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          {needsCode && (
            <TextField
              label={t('signIn.code')}
              hint={t('signIn.codeHint')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              autoFocus
            />
          )}
          {!isApiError(signIn.error, 'auth.totp_required') && <ErrorNotice error={signIn.error} />}
          <Button type="submit" variant="primary" pending={signIn.isPending} pendingLabel={t('signIn.submitting')}>
            {t('signIn.submit')}
          </Button>
        </form>
        <p className="muted">{t('signIn.noAccount')}</p>
      </Panel>
    </Page>
  );
}
