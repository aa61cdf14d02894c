import { type Announcement, can } from '@actionday/shared';
import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useFormat } from '../../app/format';
import { errorMessage } from '../../app/errors';
import { OperationTimeZone } from '../../app/timezone';
import { useAnnouncements, useAnnouncementsLive } from '../announcements/announcements.api';
import { MegaphoneIcon } from '../announcements/MegaphoneIcon';
import { useMatches, useMatchesLive } from '../matches/matches.api';
import { type OperationDetail, useOperation } from '../operations/operations.api';
import { useNow } from './clock';
import { useTimeline } from './dashboard.api';
import { LiveLabel, ProgressBar, useLiveness } from './Figures';
import { useDashboardLive } from './live';
import { WallClock } from './OperationClock';
import { openMatches } from './OpenMatches';
import { useTallies } from './tallies';
import { WallFigures } from './WallFigures';
import styles from './WallPage.module.css';

// the charts come with recharts, after the numbers
const ProgressOverTime = lazy(async () => ({ default: (await import('./WallCharts')).ProgressOverTime }));
const CheckedByCountry = lazy(async () => ({ default: (await import('./WallCharts')).CheckedByCountry }));

/**
 * `/operations/:operationId/wall`: for a projector. Full screen, large type,
 * high contrast, no controls: the key figures with their breakdowns (scaled
 * to fit however many there are), how the day grew (platforms checked and
 * findings over time, for those who may read the timeline), platforms checked
 * per country, the progress of the board, the clock and the latest
 * announcement. Key F toggles the browser's full screen.
 */
export function WallPage() {
  const { t } = useTranslation();
  const { operationId = '' } = useParams();
  const operation = useOperation(operationId);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'f' && event.key !== 'F') return;
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen().catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (operation.isPending) {
    return (
      <div className={`${styles.wall} ${styles.message}`} role="status">
        <p>{t('common.loading')}</p>
      </div>
    );
  }
  if (operation.isError) {
    return (
      <div className={`${styles.wall} ${styles.message}`} role="alert">
        <p>{errorMessage(t, operation.error)}</p>
      </div>
    );
  }
  return (
    <OperationTimeZone zone={operation.data.timeZone} forced>
      <Wall operation={operation.data} />
    </OperationTimeZone>
  );
}

function Wall({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  useDashboardLive(operation.id);
  useAnnouncementsLive(operation.id);
  const tallies = useTallies(operation.id);
  const announcements = useAnnouncements(operation.id);
  const liveness = useLiveness(tallies.data);
  const latest = announcements.data?.[0];

  return (
    <div className={styles.wall} data-testid="wall" data-liveness={liveness}>
      <title>{`${t('wall.title')} · ${operation.name} · Actionday`}</title>
      <header className={styles.head}>
        <div className={styles.title}>
          <h1 className={styles.name}>{operation.name}</h1>
          <LiveLabel liveness={liveness} asOf={tallies.data?.asOf} variant="wall" />
          {can(operation.me.role, 'match.read_all') && <WallOpenMatches operationId={operation.id} />}
        </div>
        <WallClock operation={operation} />
      </header>
      <main className={styles.main}>
        {tallies.data ? (
          <>
            <WallFigures tally={tallies.data} liveness={liveness} />
            <div className={styles.charts}>
              <Suspense fallback={null}>
                {can(operation.me.role, 'activity.read') && <WallTimeline operation={operation} />}
                <CheckedByCountry byCountry={tallies.data.byCountry} />
              </Suspense>
            </div>
            <div className={styles.progress}>
              <ProgressBar progress={tallies.data.progress} liveness={liveness} variant="wall" />
            </div>
          </>
        ) : tallies.isError ? (
          <p className={styles.status} role="alert">
            {errorMessage(t, tallies.error)}
          </p>
        ) : (
          <p className={styles.status}>{t('common.loading')}</p>
        )}
      </main>
      {latest && <WallAnnouncement key={latest.id} announcement={latest} timeZone={operation.timeZone} />}
    </div>
  );
}

/** The day's progress over time, once the timeline has arrived (it follows the tallies, throttled). */
function WallTimeline({ operation }: { operation: OperationDetail }) {
  const timeline = useTimeline(operation.id);
  const now = useNow(60_000);
  if (!timeline.data) return null;
  return (
    <ProgressOverTime
      timeline={timeline.data}
      startsAt={operation.startsAt}
      endsAt={operation.endsAt}
      timeZone={operation.timeZone}
      now={now}
    />
  );
}

/** The matches waiting for an analyst, as a number across the room (those the viewer sees). */
function WallOpenMatches({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const matches = useMatches(operationId);
  useMatchesLive(operationId);
  if (!matches.data) return null;
  const open = openMatches(matches.data).length;
  return (
    <p className={styles.openMatches} data-testid="wall-open-matches">
      {t('wall.openMatches', { count: open, open: format.number(open) })}
    </p>
  );
}

function WallAnnouncement({ announcement, timeZone }: { announcement: Announcement; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <footer className={styles.announcement} data-testid="wall-announcement" data-announcement-id={announcement.id}>
      <MegaphoneIcon className={styles.icon} />
      <p className={styles.announcementMessage} role="status">
        {announcement.message}
      </p>
      <p className={styles.announcementMeta}>
        {format.time(announcement.createdAt, timeZone)} · {announcement.authorName}
        {announcement.country && (
          <> · {t('announcements.toCountry', { country: format.country(announcement.country) })}</>
        )}
      </p>
    </footer>
  );
}
