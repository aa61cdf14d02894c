import type { Report } from '@actionday/shared';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { Badge, Tag } from '../../app/ui/Badge';
import { type Column, DataTable } from '../../app/ui/DataTable';
import { EmptyState } from '../../app/ui/EmptyState';
import { Panel } from '../../app/ui/Panel';
import styles from './report.module.css';

type CountryRow = Report['tables']['byCountry'][number];
type CategoryRow = Report['tables']['byCategory'][number];
type TagRow = Report['tables']['byTag'][number];
type ExploitationRow = Report['tables']['byExploitation'][number];
type LeadPlatform = NonNullable<Report['leads']>['platforms'][number];
type LeadMatch = NonNullable<Report['leads']>['matches'][number];

/** The breakdown tables: per country, per category and verdict, per focus tag, per exploitation type. */
export function ReportTables({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormat();
  const below = report.suppression.below;
  // a suppressed count (null) reads "<N", as in the published versions
  const num = <T,>(key: string, head: string, pick: (row: T) => number | null): Column<T> => ({
    key,
    head,
    cell: (row) => {
      const value = pick(row);
      return value === null ? `<${below}` : format.number(value);
    },
    numeric: pick,
  });
  const total = { label: t('reports.total'), format: format.number };
  const collator = useMemo(() => new Intl.Collator(format.language), [format.language]);
  const byCountry = [...report.tables.byCountry].sort((a, b) =>
    collator.compare(format.country(a.country), format.country(b.country)),
  );
  const section = (title: string, table: ReactNode) => (
    <Panel title={title} heading="h2">
      {table}
    </Panel>
  );
  return (
    <>
      {section(
        t('reports.byCountry'),
        <DataTable<CountryRow>
          compact
          rows={byCountry}
          rowKey={(r) => r.country}
          total={total}
          columns={[
            { key: 'country', head: t('reports.col.country'), cell: (r) => format.country(r.country) },
            num('participants', t('reports.col.participants'), (r) => r.participants),
            num('checked', t('reports.col.platformsChecked'), (r) => r.platformsChecked),
            num('suspects', t('reports.col.suspects'), (r) => r.suspects),
            num('identifiers', t('reports.col.identifiers'), (r) => r.identifiers),
            num('victims', t('reports.col.victims'), (r) => r.victims),
            num('matches', t('reports.col.matches'), (r) => r.matches),
          ]}
        />,
      )}
      {section(
        t('reports.byCategory'),
        <DataTable<CategoryRow>
          compact
          rows={report.tables.byCategory.filter((r) => (r.platforms ?? 1) > 0)}
          rowKey={(r) => r.category}
          total={total}
          columns={[
            { key: 'category', head: t('reports.col.category'), cell: (r) => t(`category.${r.category}`) },
            num('platforms', t('reports.col.platforms'), (r) => r.platforms),
            num('unchecked', t('reports.col.unchecked'), (r) => r.unchecked),
            num('claimed', t('reports.col.claimed'), (r) => r.claimed),
            num('noIndicators', t('reports.col.noIndicators'), (r) => r.noIndicators),
            num('suspected', t('reports.col.suspected'), (r) => r.suspected),
            num('confirmed', t('reports.col.confirmed'), (r) => r.confirmed),
            num('followUp', t('reports.col.followUp'), (r) => r.followUp),
          ]}
        />,
      )}
      {report.tables.byTag.length > 0 &&
        section(
          t('reports.byTag'),
          <DataTable<TagRow>
            compact
            rows={report.tables.byTag}
            rowKey={(r) => r.tag}
            columns={[
              { key: 'tag', head: t('reports.col.tag'), cell: (r) => <Tag>{r.tag}</Tag> },
              num('platforms', t('reports.col.platforms'), (r) => r.platforms),
              num('checked', t('reports.col.checked'), (r) => r.checked),
              num('suspected', t('reports.col.suspected'), (r) => r.suspected),
              num('confirmed', t('reports.col.confirmed'), (r) => r.confirmed),
              num('followUp', t('reports.col.followUp'), (r) => r.followUp),
              num('suspects', t('reports.col.suspects'), (r) => r.suspects),
              num('identifiers', t('reports.col.identifiers'), (r) => r.identifiers),
              num('victims', t('reports.col.victims'), (r) => r.victims),
            ]}
          />,
        )}
      {section(
        t('reports.byExploitation'),
        <DataTable<ExploitationRow>
          compact
          rows={report.tables.byExploitation}
          rowKey={(r) => r.exploitation}
          total={total}
          columns={[
            {
              key: 'exploitation',
              head: t('reports.col.exploitation'),
              cell: (r) => t(`reports.exploitation.${r.exploitation}`),
            },
            num('victims', t('reports.col.victims'), (r) => r.victims),
            num('minors', t('reports.col.minors'), (r) => r.minors),
            num('police', t('reports.col.referredPolice'), (r) => r.referredPolice),
            num('ngo', t('reports.col.referredNgo'), (r) => r.referredNgo),
          ]}
        />,
      )}
    </>
  );
}

/** The leads for follow-up: platforms flagged or confirmed, and the confirmed matches. */
export function ReportLeads({ leads }: { leads: NonNullable<Report['leads']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const platformColumns: Column<LeadPlatform>[] = [
    {
      key: 'platform',
      head: t('reports.col.platform'),
      cell: (p) => (
        <>
          <b>{p.name}</b>
          <br />
          <span className={styles.url}>{p.url}</span>
        </>
      ),
    },
    { key: 'category', head: t('reports.col.category'), cell: (p) => t(`category.${p.category}`) },
    {
      key: 'verdict',
      head: t('reports.col.verdict'),
      cell: (p) => (
        <>
          {p.verdict && t(`verdict.${p.verdict}`)}{' '}
          {p.followUp && (
            <Badge shape="marker" tone="danger">
              {t('board.followUp')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'country', head: t('reports.col.responsible'), cell: (p) => (p.country ? format.country(p.country) : '–') },
    { key: 'summary', head: t('reports.col.summary'), cell: (p) => p.summary },
  ];
  const matchColumns: Column<LeadMatch>[] = [
    {
      key: 'kind',
      head: t('reports.col.kind'),
      cell: (h) => (
        <>
          {t(`findings.identifierKind.${h.identifierKind}`)}
          {h.strength === 'possible' && <span className="muted"> · {t('matches.strength.possible')}</span>}
        </>
      ),
    },
    {
      key: 'value',
      head: t('reports.col.value'),
      cell: (h) => (
        <span className={styles.url}>{h.value ?? <span className="muted">{t('reports.hidden')}</span>}</span>
      ),
    },
    {
      key: 'countries',
      head: t('reports.col.countries'),
      cell: (h) => h.countries.map((c) => format.country(c)).join(', '),
    },
    {
      key: 'sightings',
      head: t('reports.col.sightings'),
      cell: (h) => format.number(h.sightings),
      numeric: (h) => h.sightings,
    },
    { key: 'platforms', head: t('reports.col.platforms'), cell: (h) => h.platforms.join(', ') },
    {
      key: 'source',
      head: t('reports.col.source'),
      cell: (h) =>
        h.referenceLists.length > 0
          ? h.referenceLists.map((name) => t('reports.referenceList', { name })).join(', ')
          : t('reports.otherParticipant'),
    },
  ];
  return (
    <Panel title={t('reports.leads')} data-testid="leads">
      <h3 className={styles.subheading}>{t('reports.leadPlatforms')}</h3>
      {leads.platforms.length === 0 ? (
        <EmptyState>{t('reports.noLeads')}</EmptyState>
      ) : (
        <DataTable compact rows={leads.platforms} columns={platformColumns} rowKey={(p) => p.platformId} />
      )}
      <h3 className={styles.subheading}>{t('reports.leadMatches')}</h3>
      {leads.matches.length === 0 ? (
        <EmptyState>{t('reports.noMatches')}</EmptyState>
      ) : (
        <DataTable compact rows={leads.matches} columns={matchColumns} rowKey={(h) => h.matchId} />
      )}
    </Panel>
  );
}
