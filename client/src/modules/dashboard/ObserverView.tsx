import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../app/ui/Button';
import { Page } from '../../app/ui/Page';
import { Panel } from '../../app/ui/Panel';
import { QueryView } from '../../app/ui/QueryView';
import type { OperationDetail } from '../operations/operations.api';
import { TimeWindow } from '../operations/TimeWindow';
import { PlatformSummary } from '../platforms/PlatformSummary';
import { CountryTable } from './CountryTable';
import { FigureGrid, LiveLabel, ProgressBar, useLiveness } from './Figures';
import { useDashboardLive, usePresenceCounts } from './live';
import { OperationClock } from './OperationClock';
import { useTallies } from './tallies';
import styles from './DashboardPage.module.css';

/**
 * What an observer sees of an operation: aggregates only — the key figures,
 * the progress of the board, counts per country, the board as counts by
 * category and verdict, and the clock; no board, no platform, no names (the
 * server sends none), small counts of persons as "<N".
 */
export function ObserverView({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  useDashboardLive(operation.id);
  const tallies = useTallies(operation.id);
  const counts = usePresenceCounts(operation.id);
  const liveness = useLiveness(tallies.data);

  return (
    <Page title={operation.name}>
      <header className={styles.head}>
        <div>
          <p className="eyebrow">{t('dashboard.observer.eyebrow')}</p>
          <h1>{operation.name}</h1>
          <p className="muted">
            <TimeWindow startsAt={operation.startsAt} endsAt={operation.endsAt} timeZone={operation.timeZone} compact />
          </p>
        </div>
        <div className={styles.side}>
          <OperationClock operation={operation} />
          <ButtonLink to={`/operations/${operation.id}/wall`}>{t('dashboard.openWall')}</ButtonLink>
        </div>
      </header>
      <p className="muted">
        {t('dashboard.observer.note')}{' '}
        <Link to={`/operations/${operation.id}/report`} data-testid="report-link">
          {t('reports.link')} →
        </Link>
      </p>
      <section className={styles.section} aria-labelledby="figures-title" data-testid="observer-view">
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
      <Panel title={t('dashboard.countries.title')}>
        {tallies.data && (
          <CountryTable
            byCountry={tallies.data.byCountry}
            online={counts.data?.onlineByCountry}
            suppressedBelow={tallies.data.suppressedBelow}
          />
        )}
      </Panel>
      <Panel title={t('reports.byCategory')}>
        <PlatformSummary operationId={operation.id} />
      </Panel>
    </Page>
  );
}
