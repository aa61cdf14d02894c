import { type Match, type MatchStatus, type MatchesQuery, can, matchStatuses } from '@actionday/shared';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../app/format';
import { Kbd } from '../../app/ui/Kbd';
import { Notice } from '../../app/ui/Notice';
import { Page, Split } from '../../app/ui/Page';
import { Panel } from '../../app/ui/Panel';
import { QueryView } from '../../app/ui/QueryView';
import { cx } from '../../app/ui/cx';
import { OperationGate } from '../operations/OperationGate';
import { RoomNotice } from '../operations/RoomNotice';
import type { OperationDetail } from '../operations/operations.api';
import { BulkBar } from './BulkBar';
import { MatchCard } from './MatchCard';
import { MatchFilters } from './MatchFilters';
import { useMatches, useMatchesLive } from './matches.api';
import { cleanQuery } from './matches.cache';
import styles from './MatchesPage.module.css';
import { ReferenceLists } from './ReferenceLists';

/** `/operations/:operationId/matches`: one card per matched value, live; analysts and coordinators answer them. */
export function MatchesPage() {
  return <OperationGate>{(detail) => <MatchesForOperation operation={detail} />}</OperationGate>;
}

function BackLink({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.main')} className={styles.breadcrumb}>
      <Link to={`/operations/${operation.id}`}>← {operation.name}</Link>
    </nav>
  );
}

function MatchesForOperation({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  if (!can(operation.me.role, 'finding.read')) {
    return (
      <Page title={t('matches.title')}>
        <BackLink operation={operation} />
        <Notice tone="info">{t('matches.notForRole')}</Notice>
      </Page>
    );
  }
  return <MatchesView operation={operation} />;
}

/** Moves the focus to the previous or next card with j/k or the arrow keys. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const step =
    event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0;
  const card = (event.target as HTMLElement).closest<HTMLElement>('[data-testid="match-card"]');
  if (!step || !card || event.target !== card || event.altKey || event.ctrlKey || event.metaKey) return;
  const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-testid="match-card"]')];
  const next = cards[cards.indexOf(card) + step];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

function MatchesView({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const role = operation.me.role;
  const seesAll = can(role, 'match.read_all');
  const canResolve = can(role, 'match.resolve');
  const [params] = useSearchParams();
  const wanted = params.get('match');
  const [query, setQuery] = useState<MatchesQuery>({});
  const onQuery = useCallback((next: MatchesQuery) => setQuery(next), []);
  const list = useMatches(operation.id, query);
  // the counts per status follow the other filters; without a status filter this is the same list
  const counts = useMatches(operation.id, { ...query, status: undefined });
  useMatchesLive(operation.id);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  const byStatus = useMemo(() => {
    const tally: Record<MatchStatus, number> = { open: 0, confirmed: 0, dismissed: 0 };
    for (const match of counts.data ?? []) tally[match.status] += 1;
    return tally;
  }, [counts.data]);
  const countries = useMemo(
    () => [
      ...new Set([
        ...operation.participants.map((p) => p.country),
        ...(counts.data ?? []).flatMap((m: Match) => m.countries),
      ]),
    ],
    [operation.participants, counts.data],
  );
  const shown = list.data ?? [];
  const chosen = shown.filter((m) => selected.has(m.id)).map((m) => m.id);

  // a link to one card (from the board, the link chart or a notice) brings it into view, once
  const [arrived, setArrived] = useState(false);
  useEffect(() => {
    if (!wanted || arrived || !shown.some((m) => m.id === wanted)) return;
    setArrived(true);
    const card = document.querySelector<HTMLElement>(`[data-match-id="${CSS.escape(wanted)}"]`);
    card?.scrollIntoView({ block: 'center' });
    card?.focus({ preventScroll: true });
  }, [wanted, arrived, shown]);

  return (
    <Page title={t('matches.title')}>
      <header className={styles.header}>
        <BackLink operation={operation} />
        <h1>{seesAll ? t('matches.title') : t('matches.titleMine')}</h1>
        <p className="lead">{seesAll ? t('matches.intro') : t('matches.introMine')}</p>
        {canResolve && (
          <p className={cx(styles.keys, 'muted')}>
            {t('matches.keys.intro')} <Kbd>j</Kbd>/<Kbd>k</Kbd> {t('matches.keys.move')} · <Kbd>c</Kbd>{' '}
            {t('matches.confirm')} · <Kbd>d</Kbd> {t('matches.dismiss')} · <Kbd>o</Kbd> {t('matches.reopen')} ·{' '}
            <Kbd>x</Kbd> {t('matches.select')}
          </p>
        )}
      </header>
      <RoomNotice />
      <Split side={can(role, 'reference.import') && <ReferenceLists operationId={operation.id} />}>
        <Panel
          roomy
          title={t('matches.listTitle')}
          aside={
            <ul className={styles.counts} aria-label={t('matches.countsLabel')}>
              {matchStatuses.map((status) => (
                <li
                  key={status}
                  className={cx(status === 'open' && styles.countOpen)}
                  data-testid={`matches-count-${status}`}
                >
                  <span className={styles.number}>{format.number(byStatus[status])}</span>{' '}
                  {t(`matches.status.${status}`)}
                </li>
              ))}
            </ul>
          }
        >
          <MatchFilters query={query} countries={countries} onChange={onQuery} />
          {canResolve && chosen.length > 0 && (
            <BulkBar operationId={operation.id} matchIds={chosen} onDone={() => setSelected(new Set())} />
          )}
          <QueryView
            query={list}
            loading={t('matches.loading')}
            isEmpty={(data) => data.length === 0}
            empty={Object.keys(cleanQuery(query)).length > 0 ? t('matches.noneFiltered') : t('matches.none')}
          >
            {(matches) => (
              <ul className={styles.list} aria-live="polite" data-testid="match-list" onKeyDown={moveFocus}>
                {matches.map((match) => (
                  <MatchCard
                    key={match.id}
                    match={match}
                    canResolve={canResolve}
                    selected={selected.has(match.id)}
                    onToggle={toggle}
                    highlighted={match.id === wanted}
                  />
                ))}
              </ul>
            )}
          </QueryView>
        </Panel>
      </Split>
    </Page>
  );
}
