import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../app/ui/Notice';
import { Loading } from '../../app/ui/Loading';
import { Page } from '../../app/ui/Page';
import type { OperationDetail } from '../operations/operations.api';
import { TimeWindow } from '../operations/TimeWindow';
import { CountryTable } from './CountryTable';
import { FigureGrid, LiveLabel, ProgressBar, useLiveness } from './Figures';
import { useDashboardLive, usePresenceCounts } from './live';
import { OperationClock } from './OperationClock';
import { useTallies } from './tallies';
import './dashboard.css';

/**
 * What an observer sees of an operation: aggregates only — the key figures,
 * the progress of the board, counts per country and the clock; no board, no
 * names (the server sends none).
 */
export function ObserverView({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  useDashboardLive(operation.id);
  const tallies = useTallies(operation.id);
  const counts = usePresenceCounts(operation.id);
  const liveness = useLiveness(tallies.data);

  return (
    <Page title={operation.name}>
      <header className="dash-head">
        <div>
          <p className="eyebrow">{t('dashboard.observer.eyebrow')}</p>
          <h1>{operation.name}</h1>
          <p className="muted">
            <TimeWindow startsAt={operation.startsAt} endsAt={operation.endsAt} timeZone={operation.timeZone} compact />
          </p>
        </div>
        <div className="dash-head__side">
          <OperationClock operation={operation} />
          <Link className="button" to={`/operations/${operation.id}/wall`}>
            {t('dashboard.openWall')}
          </Link>
        </div>
      </header>
      <p className="muted">
        {t('dashboard.observer.note')}{' '}
        <Link to={`/operations/${operation.id}/report`} data-testid="report-link">
          {t('reports.link')} →
        </Link>
      </p>
      <section className="dash-section" aria-labelledby="figures-title" data-testid="observer-view">
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
      <section className="dash-card" aria-labelledby="countries-title">
        <h2 id="countries-title">{t('dashboard.countries.title')}</h2>
        {tallies.data && <CountryTable byCountry={tallies.data.byCountry} online={counts.data?.onlineByCountry} />}
      </section>
    </Page>
  );
}
