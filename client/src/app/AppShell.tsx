import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { AnnouncementSlot } from '../modules/announcements/AnnouncementBanner';
import { OperationHeaderSlot } from '../modules/dashboard/OperationClock';
import styles from './AppShell.module.css';
import { KeyMap } from './KeyMap';
import { LanguageSwitcher } from './LanguageSwitcher';
import { OutboxIndicator } from './outbox/OutboxIndicator';
import { useOutboxSender } from './outbox/useOutbox';
import { useMe, useSignOut } from './session';
import { ConnectionIndicator } from './socket/ConnectionIndicator';
import { Button } from './ui/Button';
import { PageLoading } from './ui/Loading';
import { ToastProvider } from './ui/Toast';

/** The header on every page, the page below it, and the one place toasts appear. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = me.data?.user;
  useOutboxSender();

  return (
    <ToastProvider label={t('app.toasts')}>
      <a className={styles.skipLink} href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={styles.header}>
        <Link to="/" className={styles.brand} title={t('app.home')}>
          <span className={styles.mark} aria-hidden="true" />
          <span className={styles.name}>{t('app.name')}</span>
          <span className={styles.tagline}>{t('app.tagline')}</span>
        </Link>
        <div className={styles.tools}>
          <OperationHeaderSlot />
          {user && <ConnectionIndicator />}
          {user && <OutboxIndicator />}
          <LanguageSwitcher />
          {user && (
            <>
              <Link className={styles.user} to="/account" title={`${user.email} — ${t('nav.account')}`}>
                {user.name}
              </Link>
              <Button
                variant="onDark"
                pending={signOut.isPending}
                pendingLabel={t('nav.signingOut')}
                onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/signin') })}
              >
                {t('nav.signOut')}
              </Button>
            </>
          )}
        </div>
      </header>
      <AnnouncementSlot />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <KeyMap />
    </ToastProvider>
  );
}
