import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { AnnouncementSlot } from '../modules/announcements/AnnouncementBanner';
import { OperationHeaderSlot } from '../modules/dashboard/OperationClock';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useMe, useSignOut } from './session';
import { ConnectionIndicator } from './socket/ConnectionIndicator';

/** The header on every page, and the page below it. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = me.data?.user;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand" aria-label={t('app.home')}>
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <div className="app-header__tools">
          <OperationHeaderSlot />
          {user && <ConnectionIndicator />}
          <LanguageSwitcher />
          {user && (
            <>
              <Link className="app-header__user" to="/account" title={`${user.email} — ${t('nav.account')}`}>
                {user.name}
              </Link>
              <button
                type="button"
                className="button button--ghost"
                disabled={signOut.isPending}
                onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/signin') })}
              >
                {signOut.isPending ? t('nav.signingOut') : t('nav.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <AnnouncementSlot />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
