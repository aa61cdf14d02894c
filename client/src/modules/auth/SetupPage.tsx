import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice, Notice } from '../../app/ui/Notice';
import { Button } from '../../app/ui/Button';
import { formClass } from '../../app/ui/Field';
import { Loading } from '../../app/ui/Loading';
import { Panel } from '../../app/ui/Panel';
import { Page } from '../../app/ui/Page';
import { AccountFields } from './AccountFields';
import { formValues } from '../../app/forms';
import { useCompleteSetup, useSetupState } from './auth.api';

/** First run: the one-time link from the console creates the first coordinator. */
export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const state = useSetupState();
  const setup = useCompleteSetup();
  const navigate = useNavigate();

  let content;
  if (state.isPending) content = <Loading />;
  else if (state.isError) content = <ErrorNotice error={state.error} />;
  else if (!state.data.open && !setup.isSuccess) content = <Notice tone="info">{t('setup.closed')}</Notice>;
  else if (!token) content = <Notice tone="error">{t('setup.missingToken')}</Notice>;
  else {
    content = (
      <form
        className={formClass()}
        onSubmit={(event) => {
          event.preventDefault();
          const account = formValues(event.currentTarget, ['name', 'email', 'password'] as const);
          setup.mutate({ ...account, token }, { onSuccess: () => void navigate('/', { replace: true }) });
        }}
      >
        <AccountFields />
        <ErrorNotice error={setup.error} />
        <Button type="submit" variant="primary" pending={setup.isPending} pendingLabel={t('setup.submitting')}>
          {t('setup.submit')}
        </Button>
      </form>
    );
  }

  return (
    <Page title={t('setup.title')} narrow>
      <Panel roomy>
        <h1>{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        {content}
        {state.data && !state.data.open && (
          <p>
            <Link to="/signin">{t('setup.toSignIn')}</Link>
          </p>
        )}
      </Panel>
    </Page>
  );
}
