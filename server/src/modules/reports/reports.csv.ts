import { type Report, type ReportLanguage, type ReportTable, reportLanguages } from '@actionday/shared';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import { countryName, words } from './reports.i18n.js';

/**
 * CSV: one file per table, RFC 4180 (comma, CRLF, quotes where needed),
 * UTF-8 with a byte-order mark so that spreadsheet programs read accents
 * right. Headers are the JSON field names in snake_case (stable, for
 * scripts); codes come with a `*_name` column in the report's language.
 * Suppressed counts read `<N`. Text that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
 */
export const BOM = '\uFEFF';

type Cell = string | number | boolean | null;

export function toCsv(fields: string[], rows: Cell[][]): string {
  return BOM + Papa.unparse({ fields, data: rows }, { newline: '\r\n', escapeFormulae: true });
}

/** Every table of the report as CSV text, keyed by table name; leads and notes only where the report has them. */
export function reportCsvTables(report: Report, language: ReportLanguage): Partial<Record<ReportTable, string>> {
  const w = words[language];
  const below = report.suppression.below;
  const c = (value: number | null): Cell => (value === null ? `<${below}` : value);
  const tables: Partial<Record<ReportTable, string>> = {};

  tables.figures = toCsv(
    ['figure_key', 'figure_label', 'breakdown_key', 'breakdown_label', 'value'],
    report.figures.flatMap((f) => [
      [f.key, f.label, '', '', c(f.value)],
      ...f.breakdowns.map((b): Cell[] => [f.key, f.label, b.key, b.label, c(b.value)]),
    ]),
  );
  tables.by_country = toCsv(
    ['country', 'country_name', 'participants', 'platforms_checked', 'suspects', 'identifiers', 'victims', 'matches'],
    report.tables.byCountry.map((r) => [
      r.country,
      countryName(r.country, language),
      c(r.participants),
      c(r.platformsChecked),
      c(r.suspects),
      c(r.identifiers),
      c(r.victims),
      c(r.matches),
    ]),
  );
  tables.by_category = toCsv(
    [
      'category',
      'category_name',
      'platforms',
      'unchecked',
      'claimed',
      'no_indicators',
      'suspected',
      'confirmed',
      'follow_up',
    ],
    report.tables.byCategory.map((r) => [
      r.category,
      w.category[r.category] ?? r.category,
      c(r.platforms),
      c(r.unchecked),
      c(r.claimed),
      c(r.noIndicators),
      c(r.suspected),
      c(r.confirmed),
      c(r.followUp),
    ]),
  );
  tables.by_tag = toCsv(
    ['tag', 'platforms', 'checked', 'suspected', 'confirmed', 'follow_up', 'suspects', 'identifiers', 'victims'],
    report.tables.byTag.map((r) => [
      r.tag,
      c(r.platforms),
      c(r.checked),
      c(r.suspected),
      c(r.confirmed),
      c(r.followUp),
      c(r.suspects),
      c(r.identifiers),
      c(r.victims),
    ]),
  );
  tables.by_exploitation = toCsv(
    ['exploitation', 'exploitation_name', 'victims', 'minors', 'referred_police', 'referred_ngo'],
    report.tables.byExploitation.map((r) => [
      r.exploitation,
      w.exploitation[r.exploitation] ?? r.exploitation,
      c(r.victims),
      c(r.minors),
      c(r.referredPolice),
      c(r.referredNgo),
    ]),
  );
  tables.by_route = toCsv(
    ['origin', 'origin_name', 'destination', 'destination_name', 'currency', 'offers', 'median_price_minor'],
    report.tables.byRoute.map((r) => [
      r.origin,
      countryName(r.origin, language),
      r.destination,
      countryName(r.destination, language),
      r.currency,
      c(r.offers),
      r.medianPriceMinor,
    ]),
  );
  tables.liaison = toCsv(
    [
      'kind',
      'kind_name',
      'requests',
      'draft',
      'sent',
      'acknowledged',
      'removed',
      'refused',
      'no_answer',
      'legal_request_needed',
      'median_minutes_to_removal',
    ],
    report.tables.liaison.map((r) => [
      r.kind,
      w.liaisonKind[r.kind] ?? r.kind,
      c(r.requests),
      c(r.draft),
      c(r.sent),
      c(r.acknowledged),
      c(r.removed),
      c(r.refused),
      c(r.noAnswer),
      c(r.legalRequestNeeded),
      r.medianMinutesToRemoval,
    ]),
  );
  tables.timeline = toCsv(
    ['start', 'platforms_checked', 'findings'],
    report.timeline.buckets.map((b) => [b.start, c(b.checked), c(b.findings)]),
  );
  tables.funnel = toCsv(
    ['step', 'step_name', 'platforms'],
    (['listed', 'checked', 'withIndicators', 'confirmed', 'followUp'] as const).map((step) => [
      snake(step),
      w.funnelSteps[step] ?? step,
      c(report.funnel[step]),
    ]),
  );
  if (report.leads) {
    tables.lead_platforms = toCsv(
      ['platform_id', 'name', 'url', 'category', 'tags', 'verdict', 'follow_up', 'country', 'checked_at', 'summary'],
      report.leads.platforms.map((p) => [
        p.platformId,
        p.name,
        p.url,
        p.category,
        p.tags.join(' '),
        p.verdict,
        p.followUp,
        p.country,
        p.checkedAt,
        p.summary,
      ]),
    );
    tables.lead_matches = toCsv(
      [
        'match_id',
        'strength',
        'identifier_kind',
        'value',
        'sightings',
        'countries',
        'platforms',
        'reference_lists',
        'created_at',
        'resolved_at',
      ],
      report.leads.matches.map((m) => [
        m.matchId,
        m.strength,
        m.identifierKind,
        m.value,
        m.sightings,
        m.countries.join(' '),
        m.platforms.join(' | '),
        m.referenceLists.join(' | '),
        m.createdAt,
        m.resolvedAt,
      ]),
    );
  }
  if (report.notes) {
    tables.notes = toCsv(
      ['kind', 'platform_id', 'platform_name', 'updated_at', 'text'],
      report.notes.map((n) => [n.kind, n.platformId, n.platformName, n.updatedAt, n.text]),
    );
  }
  return tables;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A zip archive of named files (deflated; the same time stamp on every entry). */
export function zipFiles(files: Record<string, string | Uint8Array>, mtime: Date): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, content]) => [
        name,
        [typeof content === 'string' ? encoder.encode(content) : content, { level: 6, mtime }],
      ]),
    ),
  );
}

/** All tables as one zip of CSV files, with the statement in every shipped language beside them. */
export function reportCsvZip(report: Report, language: ReportLanguage): Uint8Array {
  const files: Record<string, string> = {};
  for (const [name, csv] of Object.entries(reportCsvTables(report, language))) files[`${name}.csv`] = csv;
  for (const lang of reportLanguages) files[`statement-${lang}.txt`] = `${BOM}${report.statement[lang].text}\r\n`;
  return zipFiles(files, new Date(report.generatedAt));
}
