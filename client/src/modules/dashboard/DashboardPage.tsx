import { type Presence, can } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../app/ui/Notice';
import { Loading } from '../../app/ui/Loading';
import { Page } from '../../app/ui/Page';
import { AnnouncementForm } from '../announcements/AnnouncementForm';
import { useHits, useHitsLive } from '../hits/hits.api';
import { OperationGate } from '../operations/OperationGate';
import type { OperationDetail } from '../operations/operations.api';
import { usePlatforms } from '../platforms/platforms.api';
import { usePlatformsLive } from '../platforms/usePlatformsLive';
import { RoomNotice } from '../operations/RoomNotice';
import { ActivityFeed, platformNamer } from './ActivityFeed';
import { CountryTable } from './CountryTable';
import { useActivity, useTimeline } from './dashboard.api';
import { FigureGrid, LiveLabel, ProgressBar, useLiveness } from './Figures';
import { FiguresEditor } from './FiguresEditor';
import { useDashboardLive, usePresence } from './live';
import { ObserverView } from './ObserverView';
import { OnlineList } from './OnlineList';
import { OpenHits } from './OpenHits';
import { OperationClock } from './OperationClock';
import { PhaseControl } from './PhaseControl';
import { SettingsForm } from './SettingsForm';
import { StaleClaims } from './StaleClaims';
import { TimelineChart } from './TimelineChart';
import { useNow } from './clock';
import { useTallies } from './tallies';
import './dashboard.css';

/** `/operations/:operationId/dashboard`: the coordinators' command centre (observers get the aggregates). */
export function DashboardPage() {
  return (
    <OperationGate>
      {(detail) =>
        detail.me.role === 'observer' ? <ObserverView operation={detail} /> : <Dashboard operation={detail} />
      }
    </OperationGate>
  );
}

/** Online participants per country, from who is online now. */
function onlineByCountry(
  presence: Presence | undefined,
  operation: OperationDetail,
): Record<string, number> | undefined {
  if (!presence) return undefined;
  const countryOf = new Map(operation.participants.map((p) => [p.id, p.country]));
  const counts: Record<string, number> = {};
  for (const entry of presence.online) {
    const country = countryOf.get(entry.participantId);
    if (country) counts[country] = (counts[country] ?? 0) + 1;
  }
  return counts;
}

function Dashboard({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const role = operation.me.role;
  const canManage = can(role, 'operation.manage');
  const seesHits = can(role, 'hit.read_all');
  usePlatformsLive(operation.id);
  useDashboardLive(operation.id);
  useHitsLive(operation.id);
  const tallies = useTallies(operation.id);
  // heartbeats are not pushed: the list is asked again now and then, so "stale" means stale
  const platforms = usePlatforms(operation.id, { refetchInterval: 60_000 });
  const presence = usePresence(operation.id);
  const activity = useActivity(operation.id);
  const timeline = useTimeline(operation.id);
  const hits = useHits(operation.id, seesHits);
  const now = useNow(15_000);
  const liveness = useLiveness(tallies.data);
  const platformName = useMemo(() => platformNamer(platforms.data), [platforms.data]);
  const online = useMemo(() => onlineByCountry(presence.data, operation), [presence.data, operation]);

  return (
    <Page title={t('dashboard.pageTitle', { name: operation.name })}>
      <header className="dash-head">
        <div>
          <p className="eyebrow">{t('dashboard.title')}</p>
          <h1>{operation.name}</h1>
        </div>
        <div className="dash-head__side">
          <OperationClock operation={operation} />
          <Link className="button" to={`/operations/${operation.id}/wall`}>
            {t('dashboard.openWall')}
          </Link>
        </div>
      </header>
      <RoomNotice />

      <section className="dash-section" aria-labelledby="figures-title">
        <div className="dash-section__head">
          <h2 id="figures-title">{t('dashboard.figuresTitle')}</h2>
          <LiveLabel liveness={liveness} asOf={tallies.data?.asOf} />
        </div>
        {tallies.isPending ? (
          <Loading />
        ) : tallies.isError ? (
          <ErrorNotice error={tallies.error} onRetry={() => void tallies.refetch()} />
        ) : (
          <FigureGrid tally={tallies.data} liveness={liveness} />
        )}
        {tallies.data && <ProgressBar progress={tallies.data.progress} liveness={liveness} />}
      </section>

      {canManage && (
        <section className="dash-grid dash-grid--tools" aria-label={t('dashboard.tools')}>
          <article className="dash-card">
            <h2>{t('announcements.title')}</h2>
            <AnnouncementForm operation={operation} />
          </article>
          <article className="dash-card">
            <h2>{t('phase.title')}</h2>
            <PhaseControl operation={operation} />
          </article>
        </section>
      )}

      <div className="dash-grid">
        <section className="dash-card dash-card--wide" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('dashboard.timeline.title')}</h2>
          {timeline.data ? (
            <TimelineChart
              timeline={timeline.data}
              startsAt={operation.startsAt}
              endsAt={operation.endsAt}
              timeZone={operation.timeZone}
              now={now}
            />
          ) : timeline.isError ? (
            <ErrorNotice error={timeline.error} onRetry={() => void timeline.refetch()} />
          ) : (
            <Loading />
          )}
        </section>
        <section className="dash-card dash-card--attention" aria-labelledby="stale-title">
          <h2 id="stale-title">{t('dashboard.stale.title')}</h2>
          {platforms.data ? (
            <StaleClaims
              operationId={operation.id}
              platforms={platforms.data}
              participants={operation.participants}
              claimTimeoutMinutes={operation.claimTimeoutMinutes}
              now={now}
              canManage={can(role, 'platform.manage_claims')}
            />
          ) : (
            <Loading />
          )}
        </section>
        <section className="dash-card dash-card--wide" aria-labelledby="countries-title">
          <h2 id="countries-title">{t('dashboard.countries.title')}</h2>
          {tallies.data && <CountryTable byCountry={tallies.data.byCountry} online={online} />}
        </section>
        {seesHits && (
          <section className="dash-card dash-card--attention" aria-labelledby="hits-title">
            <h2 id="hits-title">{t('dashboard.hits.title')}</h2>
            {hits.data ? (
              <OpenHits operationId={operation.id} hits={hits.data} now={now} />
            ) : hits.isError ? (
              <ErrorNotice error={hits.error} />
            ) : (
              <Loading />
            )}
          </section>
        )}
        <section className="dash-card" aria-labelledby="online-title">
          <h2 id="online-title">
            {t('dashboard.online.title')}{' '}
            {presence.data && <span className="muted dash-card__count">{presence.data.online.length}</span>}
          </h2>
          <OnlineList presence={presence.data} participants={operation.participants} platformName={platformName} />
        </section>
        <section className="dash-card" aria-labelledby="activity-title">
          <h2 id="activity-title">{t('dashboard.activity.title')}</h2>
          {activity.data ? (
            <ActivityFeed activity={activity.data} platformName={platformName} />
          ) : activity.isError ? (
            <ErrorNotice error={activity.error} />
          ) : (
            <Loading />
          )}
        </section>
      </div>

      {canManage && (
        <section className="tools dash-settings" aria-label={t('dashboard.setup')}>
          <details className="panel">
            <summary>{t('dashboard.settings.title')}</summary>
            <SettingsForm operation={operation} />
          </details>
          <details className="panel panel--wide">
            <summary>{t('dashboard.definitions.title')}</summary>
            <FiguresEditor operationId={operation.id} closed={operation.status === 'closed'} />
          </details>
        </section>
      )}
    </Page>
  );
}
