import type { Announcement } from '@actionday/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { cx } from '../../app/ui/cx';
import { Dialog } from '../../app/ui/Dialog';
import { useMe } from '../../app/session';
import {
  dismissAnnouncements,
  useAnnouncements,
  useAnnouncementsLive,
  useDismissedAnnouncements,
} from './announcements.api';
import { useOperation } from '../operations/operations.api';
import { MegaphoneIcon } from './MegaphoneIcon';
import styles from './AnnouncementBanner.module.css';

/**
 * The coordinators' announcements, on every screen of an operation, in a fixed
 * strip in the page's flow below the header (never over content): the newest
 * one not dismissed on this device, prominent, with how many more wait; a new
 * one appears at once; History lists them all, dismissed ones included.
 */
export function AnnouncementBanner({ operationId, timeZone }: { operationId: string; timeZone?: string }) {
  const { t } = useTranslation();
  useAnnouncementsLive(operationId);
  const announcements = useAnnouncements(operationId);
  const dismissed = useDismissedAnnouncements(operationId);
  const format = useFormat();
  const [history, setHistory] = useState(false);
  const all = announcements.data ?? [];
  if (all.length === 0) return null;
  const waiting = all.filter((a) => !dismissed.has(a.id));
  const newest = waiting[0];
  const more = waiting.length - 1;
  const historyButton = (
    <Button size="xs" className={styles.dismiss} onClick={() => setHistory(true)} data-testid="announcements-history">
      {t('announcements.history', { n: format.number(all.length) })}
    </Button>
  );

  return (
    <section
      className={cx(styles.banner, !newest && styles.quiet)}
      aria-label={t('announcements.region')}
      data-testid="announcement-banner"
    >
      {newest ? (
        <div role="alert" className={styles.list}>
          <AnnouncementItem
            key={newest.id}
            announcement={newest}
            timeZone={timeZone}
            onDismiss={() => dismissAnnouncements(operationId, [newest.id])}
          >
            {more > 0 && (
              <>
                <span data-testid="announcements-more">{t('announcements.more', { count: more })}</span>
                <Button
                  size="xs"
                  className={styles.dismiss}
                  onClick={() =>
                    dismissAnnouncements(
                      operationId,
                      waiting.map((a) => a.id),
                    )
                  }
                >
                  {t('announcements.dismissAll')}
                </Button>
              </>
            )}
            {historyButton}
          </AnnouncementItem>
        </div>
      ) : (
        <>
          <MegaphoneIcon className={styles.quietIcon} />
          {historyButton}
        </>
      )}
      <Dialog
        open={history}
        onClose={() => setHistory(false)}
        title={t('announcements.historyTitle')}
        closeLabel={t('board.keys.done')}
        data-testid="announcements-history-dialog"
      >
        <ol className={styles.history}>
          {all.map((announcement) => (
            <li key={announcement.id}>
              <AnnouncementText announcement={announcement} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      </Dialog>
    </section>
  );
}

/** An announcement's message and who sent it when, to whom. */
function AnnouncementText({ announcement, timeZone }: { announcement: Announcement; timeZone?: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div>
      <p className={styles.message}>{announcement.message}</p>
      <p className={styles.meta}>
        {t('announcements.from', { name: announcement.authorName })} ·{' '}
        <time dateTime={announcement.createdAt}>{format.time(announcement.createdAt, timeZone)}</time>
        {announcement.country && (
          <> · {t('announcements.toCountry', { country: format.country(announcement.country) })}</>
        )}
      </p>
    </div>
  );
}

function AnnouncementItem({
  announcement,
  timeZone,
  onDismiss,
  children,
}: {
  announcement: Announcement;
  timeZone?: string | undefined;
  onDismiss: () => void;
  /** More controls beside Dismiss (how many more wait, the history). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <article className={styles.announcement} data-testid="announcement" data-announcement-id={announcement.id}>
      <MegaphoneIcon className={styles.icon} />
      <AnnouncementText announcement={announcement} timeZone={timeZone} />
      <div className={styles.controls}>
        <Button
          size="xs"
          className={styles.dismiss}
          onClick={onDismiss}
          aria-label={t('announcements.dismissOne', { message: announcement.message.slice(0, 60) })}
        >
          {t('common.dismiss')}
        </Button>
        {children}
      </div>
    </article>
  );
}

/** For the app shell: the banner on every screen of an operation, for signed-in people. */
export function AnnouncementSlot() {
  const match = useMatch('/operations/:operationId/*');
  const me = useMe();
  const operationId = match?.params.operationId;
  if (!operationId || !me.data) return null;
  return <OperationAnnouncements key={operationId} operationId={operationId} />;
}

/** The header's banner in the operation's zone, like every other time on the page (the header sits outside its room). */
function OperationAnnouncements({ operationId }: { operationId: string }) {
  const operation = useOperation(operationId);
  return <AnnouncementBanner operationId={operationId} timeZone={operation.data?.timeZone} />;
}
