import { Navigate, Outlet, useLocation } from 'react-router';
import { signInPathFor } from './redirect';
import { useMe } from './session';
import { ErrorNotice } from './ui/Notice';
import { Loading } from './ui/Loading';

/** Renders the child routes for signed-in people; sends the others to sign in. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <div className="page page--narrow">
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) return <Navigate to={signInPathFor(location)} replace />;
  return <Outlet />;
}
