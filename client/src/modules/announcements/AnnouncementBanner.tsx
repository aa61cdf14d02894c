import type { Announcement } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
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

/** How many undismissed announcements the banner shows at once (the newest). */
const SHOWN = 3;

/**
 * The coordinators' announcements, on every screen of an operation: a new one
 * appears at once, prominent, until dismissed; on return after a lost
 * connection the ones not yet seen (not dismissed on this device) show.
 */
export function AnnouncementBanner({ operationId, timeZone }: { operationId: string; timeZone?: string }) {
  const { t } = useTranslation();
  useAnnouncementsLive(operationId);
  const announcements = useAnnouncements(operationId);
  const dismissed = useDismissedAnnouncements(operationId);
  const waiting = (announcements.data ?? []).filter((a) => !dismissed.has(a.id));
  if (waiting.length === 0) return null;
  const shown = waiting.slice(0, SHOWN);
  const more = waiting.length - shown.length;

  return (
    <section className={styles.banner} aria-label={t('announcements.region')} data-testid="announcement-banner">
      <div role="alert" className={styles.list}>
        {shown.map((announcement) => (
          <AnnouncementItem
            key={announcement.id}
            announcement={announcement}
            timeZone={timeZone}
            onDismiss={() => dismissAnnouncements(operationId, [announcement.id])}
          />
        ))}
      </div>
      {(more > 0 || shown.length > 1) && (
        <div className={styles.footer}>
          {more > 0 && <span>{t('announcements.more', { count: more })}</span>}
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
        </div>
      )}
    </section>
  );
}

function AnnouncementItem({
  announcement,
  timeZone,
  onDismiss,
}: {
  announcement: Announcement;
  timeZone?: string | undefined;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article className={styles.announcement} data-testid="announcement" data-announcement-id={announcement.id}>
      <MegaphoneIcon className={styles.icon} />
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
      <Button
        size="xs"
        className={styles.dismiss}
        onClick={onDismiss}
        aria-label={t('announcements.dismissOne', { message: announcement.message.slice(0, 60) })}
      >
        {t('common.dismiss')}
      </Button>
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
