import { type FindingKind, type GraphNode, can, findingKinds } from '@actionday/shared';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type Sigma from 'sigma';
import { useFormat } from '../../app/format';
import { Button } from '../../app/ui/Button';
import { SelectField } from '../../app/ui/Field';
import { Notice } from '../../app/ui/Notice';
import { Page } from '../../app/ui/Page';
import { Panel } from '../../app/ui/Panel';
import { QueryView } from '../../app/ui/QueryView';
import { matchLink, platformLink } from '../matches/links';
import { OperationGate } from '../operations/OperationGate';
import { RoomNotice } from '../operations/RoomNotice';
import type { OperationDetail } from '../operations/operations.api';
import { type GraphFilters, useGraph, useGraphLive } from './graph.api';
import { exportGraphML, exportJson, exportName, exportPng } from './graph.export';
import { type EdgeAttributes, type NodeAttributes, type Positions, targetOf } from './graph.model';
import { GraphCanvas } from './GraphCanvas';
import { GraphLegend } from './GraphLegend';
import styles from './GraphPage.module.css';

/** `/operations/:operationId/graph`: the live link chart of who and what is linked, as the viewer may see it. */
export function GraphPage() {
  return <OperationGate>{(detail) => <GraphForOperation operation={detail} />}</OperationGate>;
}

function GraphForOperation({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  if (!can(operation.me.role, 'finding.read')) {
    return (
      <Page title={t('graph.title')}>
        <Notice tone="info">{t('graph.notForRole')}</Notice>
      </Page>
    );
  }
  return <GraphView operation={operation} />;
}

function GraphView({ operation }: { operation: OperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<GraphFilters>({});
  const graph = useGraph(operation.id, filters);
  useGraphLive(operation.id);
  const renderer = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const positions = useRef<() => Positions>(() => ({}));
  const onReady = useCallback((sigma: Sigma<NodeAttributes, EdgeAttributes>, current: () => Positions) => {
    renderer.current = sigma;
    positions.current = current;
  }, []);

  const countries = useMemo(() => {
    const collator = new Intl.Collator(format.language);
    return [...new Set(operation.participants.map((p) => p.country))].sort((a, b) =>
      collator.compare(format.country(a), format.country(b)),
    );
  }, [operation.participants, format]);
  const counts = useMemo(() => {
    const byKind: Record<string, number> = {};
    for (const node of graph.data?.nodes ?? []) byKind[node.kind] = (byKind[node.kind] ?? 0) + 1;
    return byKind;
  }, [graph.data]);

  const open = useCallback(
    (node: GraphNode) => {
      if (!graph.data) return;
      const target = targetOf(graph.data, node);
      if (!target) return;
      if (target.kind === 'match') void navigate(matchLink(operation.id, target.matchId));
      else if (target.kind === 'platform') void navigate(platformLink(operation.id, target.platformId));
      else setFilters((current) => ({ ...current, country: target.country }));
    },
    [graph.data, navigate, operation.id],
  );
  const name = exportName(operation.name);

  return (
    <Page title={t('graph.title')}>
      <header className={styles.header}>
        <nav aria-label={t('nav.main')}>
          <Link to={`/operations/${operation.id}`}>← {operation.name}</Link>
        </nav>
        <h1>{t('graph.title')}</h1>
        <p className="lead">{t('graph.intro')}</p>
      </header>
      <RoomNotice />
      <Panel
        roomy
        title={t('graph.chart')}
        aside={
          <span className={styles.exports}>
            <Button
              size="sm"
              disabled={!graph.data}
              onClick={() => renderer.current && void exportPng(renderer.current, name)}
              data-testid="export-png"
            >
              {t('graph.export.png')}
            </Button>
            <Button
              size="sm"
              disabled={!graph.data}
              onClick={() => graph.data && exportGraphML(graph.data, positions.current(), name)}
              data-testid="export-graphml"
            >
              {t('graph.export.graphml')}
            </Button>
            <Button
              size="sm"
              disabled={!graph.data}
              onClick={() => graph.data && exportJson(graph.data, positions.current(), name)}
              data-testid="export-json"
            >
              {t('graph.export.json')}
            </Button>
          </span>
        }
      >
        <div className={styles.filters} role="search" aria-label={t('graph.filters')}>
          <SelectField
            compact
            label={t('graph.filter.country')}
            name="country"
            value={filters.country ?? ''}
            onChange={(event) => setFilters((f) => ({ ...f, country: event.target.value || undefined }))}
          >
            <option value="">{t('graph.filter.anyCountry')}</option>
            {countries.map((code) => (
              <option key={code} value={code}>
                {format.country(code)}
              </option>
            ))}
          </SelectField>
          <SelectField
            compact
            label={t('graph.filter.tag')}
            name="tag"
            value={filters.tag ?? ''}
            onChange={(event) => setFilters((f) => ({ ...f, tag: event.target.value || undefined }))}
          >
            <option value="">{t('graph.filter.anyTag')}</option>
            {operation.focusTags.map((tag) => (
              <option key={tag} value={tag}>
                {format.focus(tag)}
              </option>
            ))}
          </SelectField>
          <SelectField
            compact
            label={t('graph.filter.kind')}
            name="kind"
            value={filters.kind ?? ''}
            onChange={(event) =>
              setFilters((f) => ({ ...f, kind: (event.target.value || undefined) as FindingKind | undefined }))
            }
          >
            <option value="">{t('graph.filter.anyKind')}</option>
            {findingKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`graph.kind.${kind}`)}
              </option>
            ))}
          </SelectField>
          {(filters.country || filters.tag || filters.kind) && (
            <Button size="sm" variant="ghost" onClick={() => setFilters({})}>
              {t('graph.filter.clear')}
            </Button>
          )}
        </div>
        <GraphLegend counts={counts} />
        <QueryView
          query={graph}
          loading={t('graph.loading')}
          isEmpty={(data) => data.nodes.length === 0}
          empty={t('graph.empty')}
        >
          {(data) => (
            <>
              <GraphCanvas data={data} onOpen={open} onReady={onReady} />
              <p className={styles.hint}>{t('graph.hint')}</p>
            </>
          )}
        </QueryView>
      </Panel>
    </Page>
  );
}
