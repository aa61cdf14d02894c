import { type Presence, can } from '@actionday/shared';
import { Suspense, lazy, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../app/ui/Button';
import { Loading } from '../../app/ui/Loading';
import { Page } from '../../app/ui/Page';
import { Panel, PanelGrid } from '../../app/ui/Panel';
import { QueryView } from '../../app/ui/QueryView';
import { AnnouncementForm } from '../announcements/AnnouncementForm';
import { useMatches, useMatchesLive } from '../matches/matches.api';
import { OperationGate } from '../operations/OperationGate';
import { ParticipantsPanel } from '../operations/ParticipantsPanel';
import { RoomNotice } from '../operations/RoomNotice';
import type { OperationDetail } from '../operations/operations.api';
import { usePlatforms } from '../platforms/platforms.api';
import { usePlatformsLive } from '../platforms/usePlatformsLive';
import { ActivityFeed, platformNamer } from './ActivityFeed';
import { useNow } from './clock';
import { CountryTable } from './CountryTable';
import { useActivity, useTimeline } from './dashboard.api';
import styles from './DashboardPage.module.css';
import { FigureGrid, LiveLabel, ProgressBar, useLiveness } from './Figures';
import { FiguresEditor } from './FiguresEditor';
import { useDashboardLive, usePresence } from './live';
import { ObserverView } from './ObserverView';
import { OnlineList } from './OnlineList';
import { OpenMatches, openMatches } from './OpenMatches';
import { OperationClock } from './OperationClock';
import { PhaseControl } from './PhaseControl';
import { SettingsForm } from './SettingsForm';
import { StaleClaims } from './StaleClaims';
import { useTallies } from './tallies';

// the chart library is the heaviest part of the page: the numbers show first, the chart when it has arrived
const TimelineChart = lazy(async () => ({ default: (await import('./TimelineChart')).TimelineChart }));

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
  const seesMatches = can(role, 'match.read_all');
  usePlatformsLive(operation.id);
  useDashboardLive(operation.id);
  useMatchesLive(operation.id);
  const tallies = useTallies(operation.id);
  // heartbeats are not pushed: the list is asked again now and then, so "stale" means stale
  const platforms = usePlatforms(operation.id, { refetchInterval: 60_000 });
  const presence = usePresence(operation.id);
  const activity = useActivity(operation.id);
  const timeline = useTimeline(operation.id);
  const matches = useMatches(operation.id, {}, seesMatches);
  const now = useNow(15_000);
  const liveness = useLiveness(tallies.data);
  const platformName = useMemo(() => platformNamer(platforms.data), [platforms.data]);
  const online = useMemo(() => onlineByCountry(presence.data, operation), [presence.data, operation]);

  return (
    <Page title={t('dashboard.pageTitle', { name: operation.name })}>
      <header className={styles.head}>
        <div>
          <p className="eyebrow">{t('dashboard.title')}</p>
          <h1>{operation.name}</h1>
        </div>
        <div className={styles.side}>
          <OperationClock operation={operation} />
          <ButtonLink to={`/operations/${operation.id}/wall`}>{t('dashboard.openWall')}</ButtonLink>
        </div>
      </header>
      <RoomNotice />

      <section className={styles.section} aria-labelledby="figures-title">
        <div className={styles.sectionHead}>
          <h2 id="figures-title">{t('dashboard.figuresTitle')}</h2>
          <LiveLabel liveness={liveness} asOf={tallies.data?.asOf} />
        </div>
        <QueryView query={tallies}>
          {(tally) => (
            <>
              <FigureGrid tally={tally} liveness={liveness} />
              <ProgressBar progress={tally.progress} liveness={liveness} />
            </>
          )}
        </QueryView>
      </section>

      {canManage && (
        <PanelGrid min="26rem" label={t('dashboard.tools')}>
          <Panel as="article" title={t('announcements.title')}>
            <AnnouncementForm operation={operation} />
          </Panel>
          <Panel as="article" title={t('phase.title')}>
            <PhaseControl operation={operation} />
          </Panel>
        </PanelGrid>
      )}

      <PanelGrid min="26rem">
        <Panel span="two" title={t('dashboard.timeline.title')}>
          <QueryView query={timeline}>
            {(data) => (
              <Suspense fallback={<Loading />}>
                <TimelineChart
                  timeline={data}
                  startsAt={operation.startsAt}
                  endsAt={operation.endsAt}
                  timeZone={operation.timeZone}
                  now={now}
                />
              </Suspense>
            )}
          </QueryView>
        </Panel>
        <Panel tone="attention" title={t('dashboard.stale.title')}>
          <QueryView query={platforms}>
            {(list) => (
              <StaleClaims
                operationId={operation.id}
                platforms={list}
                participants={operation.participants}
                claimTimeoutMinutes={operation.claimTimeoutMinutes}
                now={now}
                canManage={can(role, 'platform.manage_claims')}
              />
            )}
          </QueryView>
        </Panel>
        <Panel span="two" title={t('dashboard.countries.title')}>
          {tallies.data && <CountryTable byCountry={tallies.data.byCountry} online={online} />}
        </Panel>
        {seesMatches && (
          <Panel
            tone="attention"
            title={
              <>
                {t('dashboard.matches.title')}{' '}
                {matches.data && (
                  <span className={`muted ${styles.count}`} data-testid="open-matches-count">
                    {openMatches(matches.data).length}
                  </span>
                )}
              </>
            }
          >
            <QueryView query={matches}>
              {(list) => <OpenMatches operationId={operation.id} matches={list} now={now} />}
            </QueryView>
          </Panel>
        )}
        <Panel
          title={
            <>
              {t('dashboard.online.title')}{' '}
              {presence.data && <span className={`muted ${styles.count}`}>{presence.data.online.length}</span>}
            </>
          }
        >
          <OnlineList presence={presence.data} participants={operation.participants} platformName={platformName} />
        </Panel>
        <Panel title={t('dashboard.activity.title')}>
          <QueryView query={activity}>
            {(items) => <ActivityFeed activity={items} platformName={platformName} />}
          </QueryView>
        </Panel>
      </PanelGrid>

      {canManage && (
        <PanelGrid label={t('dashboard.setup')}>
          <Panel collapsible title={t('dashboard.settings.title')}>
            <SettingsForm operation={operation} />
          </Panel>
          <Panel collapsible title={t('participants.title')}>
            <ParticipantsPanel operation={operation} />
          </Panel>
          <Panel collapsible span="row" title={t('dashboard.definitions.title')}>
            <FiguresEditor operationId={operation.id} closed={operation.status === 'closed'} />
          </Panel>
        </PanelGrid>
      )}
    </Page>
  );
}
