import { type HitView, can, hitStatuses } from '@actionday/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { Notice } from '../../app/ui/Notice';
import { Page, Split } from '../../app/ui/Page';
import { Panel } from '../../app/ui/Panel';
import { Pill, Pills } from '../../app/ui/Pills';
import { QueryView } from '../../app/ui/QueryView';
import { cx } from '../../app/ui/cx';
import { OperationGate } from '../operations/OperationGate';
import type { OperationDetail } from '../operations/operations.api';
import { RoomNotice } from '../operations/RoomNotice';
import { HitCard } from './HitCard';
import { ReferenceListUpload } from './ReferenceListUpload';
import { useHits, useHitsLive } from './hits.api';
import styles from './hits.module.css';

/** `/operations/:operationId/hits`: the cross-hits, live; analysts and coordinators see all and answer them. */
export function HitsPage() {
  return <OperationGate>{(detail) => <HitsForOperation operation={detail} />}</OperationGate>;
}

function HitsForOperation({ operation: detail }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  if (!can(detail.me.role, 'finding.read')) {
    return (
      <Page title={t('hits.title')}>
        <BackLink operation={detail} />
        <Notice tone="info">{t('hits.notForRole')}</Notice>
      </Page>
    );
  }
  return <AllowedHitsPage operation={detail} />;
}

function BackLink({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.main')} className={styles.breadcrumb}>
      <Link to={`/operations/${operation.id}`}>← {operation.name}</Link>
    </nav>
  );
}

type Filter = 'open' | 'all';

function AllowedHitsPage({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const role = operation.me.role;
  const seesAll = can(role, 'hit.read_all');
  const canResolve = can(role, 'hit.resolve');
  const hits = useHits(operation.id);
  useHitsLive(operation.id);
  const [filter, setFilter] = useState<Filter>('all');

  const counts = useMemo(() => {
    const byStatus: Record<HitView['status'], number> = { open: 0, confirmed: 0, dismissed: 0 };
    for (const hit of hits.data ?? []) byStatus[hit.status] += 1;
    return byStatus;
  }, [hits.data]);
  const shown = useMemo(
    () => (hits.data ?? []).filter((hit) => filter === 'all' || hit.status === 'open'),
    [hits.data, filter],
  );

  return (
    <Page title={t('hits.title')}>
      <header className={styles.header}>
        <BackLink operation={operation} />
        <h1>{seesAll ? t('hits.title') : t('hits.titleMine')}</h1>
        <p className="lead">{seesAll ? t('hits.intro') : t('hits.introMine')}</p>
      </header>
      <RoomNotice />
      <Split side={can(role, 'reference.import') && <ReferenceListUpload operationId={operation.id} />}>
        <Panel
          roomy
          title={t('hits.listTitle')}
          aside={
            <ul className={styles.counts} aria-label={t('hits.countsLabel')}>
              {hitStatuses.map((status) => (
                <li
                  key={status}
                  className={cx(status === 'open' && styles.countOpenNumber)}
                  data-testid={`hits-count-${status}`}
                >
                  <span className={styles.number}>{format.number(counts[status])}</span> {t(`hits.status.${status}`)}
                </li>
              ))}
            </ul>
          }
        >
          <Pills label={t('hits.filterLabel')} className={styles.filter}>
            {(['all', 'open'] as const).map((f) => (
              <Pill key={f} aria-pressed={filter === f} onClick={() => setFilter(f)}>
                {t(`hits.filter.${f}`)}
              </Pill>
            ))}
          </Pills>
          <QueryView
            query={hits}
            loading={t('hits.loading')}
            isEmpty={() => shown.length === 0}
            empty={filter === 'open' && (hits.data?.length ?? 0) > 0 ? t('hits.noneOpen') : t('hits.none')}
          >
            {() => (
              <ul className={styles.list} aria-live="polite" data-testid="hit-list">
                {shown.map((hit) => (
                  <HitCard key={hit.id} hit={hit} canResolve={canResolve && !hit.redacted} />
                ))}
              </ul>
            )}
          </QueryView>
        </Panel>
      </Split>
    </Page>
  );
}
