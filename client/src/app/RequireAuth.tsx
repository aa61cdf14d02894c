import { Navigate, Outlet, useLocation } from 'react-router';
import { signInPathFor } from './redirect';
import { useMe } from './session';
import { ErrorNotice } from './ui/Notice';
import { Loading } from './ui/Loading';
import { Page } from './ui/Page';
import { useTranslation } from 'react-i18next';

/** Renders the child routes for signed-in people; sends the others to sign in. */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <Page title={t('error.title')} narrow>
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />
      </Page>
    );
  }
  if (!me.data) return <Navigate to={signInPathFor(location)} replace />;
  return <Outlet />;
}
