import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../app/redirect';
import { useMe } from '../../app/session';
import { TextField } from '../../app/ui/Field';
import { ErrorNotice } from '../../app/ui/Notice';
import { Page } from '../../app/ui/Page';
import { formValues } from '../../app/forms';
import { useSignIn } from './auth.api';

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  return (
    <Page title={t('signIn.title')} narrow>
      <section className="card">
        <h1>{t('signIn.title')}</h1>
        <p className="lead">{t('signIn.intro')}</p>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            const body = formValues(event.currentTarget, ['email', 'password'] as const);
            signIn.mutate(body, { onSuccess: () => void navigate(next, { replace: true }) });
          }}
        >
          <TextField label={t('field.email')} name="email" type="email" autoComplete="username" required autoFocus />
          <TextField label={t('field.password')} name="password" type="password" autoComplete="current-password" required />
          <ErrorNotice error={signIn.error} />
          <button type="submit" className="button button--primary" disabled={signIn.isPending} aria-busy={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        <p className="muted">{t('signIn.noAccount')}</p>
      </section>
    </Page>
  );
}
