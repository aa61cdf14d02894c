import type { CountryTally, FigureDefinition, FigureFilter, FigureSubject, Tally } from '@actionday/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Accessor, type CountSource, deltaFields, recordColumns } from '../../db/counting.js';
import { type Db, rowsOf } from '../../db/database.js';
import { evidenceCountSource, evidencePerCountry } from '../evidence/index.js';
import { findingCountSources, findingsPerCountry, offerCountSource } from '../findings/index.js';
import { liaisonCountSource } from '../liaison/index.js';
import { matchCountSource, matchesPerCountry } from '../matches/index.js';
import { participantsByIds, participantsPerCountry } from '../operations/index.js';
import { checkedPerMember, countProgress, platformCountSource } from '../platforms/index.js';

/** Where each subject's records live: described by the module that owns them. */
const subjects: Record<FigureSubject, CountSource> = {
  platforms: platformCountSource,
  ...findingCountSources,
  evidence: evidenceCountSource,
  matches: matchCountSource,
  offers: offerCountSource,
  requests: liaisonCountSource,
};

/** Every figure value as a flat map: a figure's `key`, a breakdown's `key\0breakdown`. */
export type FigureValues = Map<string, number>;

/** A filter as a SQL condition; field names were validated against the subject's columns. */
function condition(subject: FigureSubject, filter: FigureFilter, col: Accessor): SQL {
  const parts = Object.entries(filter).map(([field, value]) => {
    const column = subjects[subject].columns[field] ?? 'invalid_field';
    const values = (Array.isArray(value) ? value : [value]).map(String);
    if (field === 'tags') return col.overlaps(column, values);
    if (typeof value === 'boolean') return sql`${col.bool(column)} = ${value}`;
    return sql`${col.text(column)} in (${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )})`;
  });
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * The figures' values by SQL, one query per subject with one `FILTER (WHERE …)` column per number: over the
 * records (`count(*)`, a recount), or over the recorded changes since the last fold (`sum(sign)`).
 */
async function figureValues(
  db: Db,
  operationId: string,
  figures: FigureDefinition[],
  over: 'records' | 'deltas',
): Promise<FigureValues> {
  const values: FigureValues = new Map();
  const col = over === 'records' ? recordColumns : deltaFields;
  const bySubject = new Map<FigureSubject, FigureDefinition[]>();
  for (const figure of figures) bySubject.set(figure.counts, [...(bySubject.get(figure.counts) ?? []), figure]);
  for (const [subject, list] of bySubject) {
    const source = subjects[subject];
    const columns: SQL[] = [];
    const keys: string[] = [];
    const measure = (where: SQL) =>
      over === 'records' ? sql`count(*) filter (where ${where})` : sql`coalesce(sum(sign) filter (where ${where}), 0)`;
    for (const figure of list) {
      const base = condition(subject, figure.filter, col);
      keys.push(figure.key);
      columns.push(measure(base));
      for (const breakdown of figure.breakdowns) {
        keys.push(`${figure.key}|${breakdown.key}`);
        columns.push(measure(sql`${base} and ${condition(subject, breakdown.filter, col)}`));
      }
    }
    const aliased = columns.map((column, i) => sql`${column} as ${sql.identifier(`c${i}`)}`);
    const from =
      over === 'records'
        ? sql`${sql.identifier(source.table)} where operation_id = ${operationId} and ${source.where(col)}`
        : sql`tally_deltas where operation_id = ${operationId} and subject = ${source.table} and ${source.where(col)}`;
    const [row] = rowsOf<Record<string, string | number>>(
      await db.execute(sql`select ${sql.join(aliased, sql`, `)} from ${from}`),
    );
    keys.forEach((key, i) => values.set(key, Number(row?.[`c${i}`] ?? 0)));
  }
  return values;
}

/** The figures of a recount (`count(*)` over the records). */
export const countFigureValues = (db: Db, operationId: string, figures: FigureDefinition[]) =>
  figureValues(db, operationId, figures, 'records');

/** What the changes recorded since the last fold add to the figures (`sum(sign)`). */
export const deltaFigureValues = (db: Db, operationId: string, figures: FigureDefinition[]) =>
  figureValues(db, operationId, figures, 'deltas');

/** The figures as the API shows them, from flat values. */
export function figuresOf(figures: FigureDefinition[], values: FigureValues): Tally['figures'] {
  return figures.map((figure) => ({
    key: figure.key,
    label: figure.label,
    value: values.get(figure.key) ?? 0,
    breakdowns: figure.breakdowns.map((b) => ({
      key: b.key,
      label: b.label,
      value: values.get(`${figure.key}|${b.key}`) ?? 0,
    })),
  }));
}

/**
 * Counts every figure and breakdown by SQL over the records, so a recount can always be compared with the
 * running figures.
 */
export async function countFigures(
  db: Db,
  operationId: string,
  figures: FigureDefinition[],
): Promise<Tally['figures']> {
  return figuresOf(figures, await countFigureValues(db, operationId, figures));
}

export const emptyCountry = (): CountryTally => ({
  participants: 0,
  platformsChecked: 0,
  suspects: 0,
  identifiers: 0,
  victims: 0,
  evidence: 0,
  matches: 0,
});

/** Per participating country (recount): participants, platforms checked, findings of each kind, evidence and matches. */
export async function countByCountry(db: Db, operationId: string): Promise<Record<string, CountryTally>> {
  const [participants, checkedBy, byKind, evidence, matched] = await Promise.all([
    participantsPerCountry(db, operationId),
    checkedPerMember(db, operationId),
    findingsPerCountry(db, operationId),
    evidencePerCountry(db, operationId),
    matchesPerCountry(db, operationId),
  ]);
  const checkers = await participantsByIds(db, [...checkedBy.keys()]);
  const result: Record<string, CountryTally> = {};
  const at = (country: string) => (result[country] ??= emptyCountry());
  for (const [country, n] of participants) at(country).participants = n;
  for (const [member, n] of checkedBy) {
    const country = checkers.get(member)?.country;
    if (country) at(country).platformsChecked += n;
  }
  for (const { country, kind, n } of byKind) {
    const key = `${kind}s` as keyof CountryTally;
    if (key in emptyCountry()) at(country)[key] = n;
  }
  for (const [country, n] of evidence) at(country).evidence = n;
  for (const [country, n] of matched) at(country).matches = n;
  return result;
}

/**
 * What the changes since the last fold add to the per-country table and the progress, from the fields the
 * tally triggers record (see the migration that creates `tally_capture`).
 */
export async function deltaCountsAndProgress(
  db: Db,
  operationId: string,
): Promise<{ byCountry: Map<string, number>; progress: Map<string, number> }> {
  const rows = rowsOf<{ key: string; n: string | number }>(
    await db.execute(sql`
      select 'participants' || '|' || (fields->>'country') as key, sum(sign) as n from tally_deltas
        where operation_id = ${operationId} and subject = 'memberships' group by 1
      union all
      select 'platformsChecked' || '|' || (fields->>'checker_country'), sum(sign) from tally_deltas
        where operation_id = ${operationId} and subject = 'platforms' and fields->>'status' = 'checked'
          and fields->>'checker_country' is not null group by 1
      union all
      select (fields->>'kind') || 's' || '|' || (fields->>'country'), sum(sign) from tally_deltas
        where operation_id = ${operationId} and subject = 'findings' and fields->>'deleted_at' is null
          and fields->>'handling' is distinct from 'TLP:RED' group by 1
      union all
      select 'evidence' || '|' || (fields->>'country'), sum(sign) from tally_deltas
        where operation_id = ${operationId} and subject = 'evidence' and fields->>'deleted_at' is null
          and fields->>'handling' is distinct from 'TLP:RED' group by 1
      union all
      select 'matches' || '|' || c, sum(sign) from tally_deltas, jsonb_array_elements_text(fields->'public_countries') c
        where operation_id = ${operationId} and subject = 'matches' and (fields->>'public_parties')::int >= 2 group by 1
      union all
      select 'progress' || '|' || (fields->>'status'), sum(sign) from tally_deltas
        where operation_id = ${operationId} and subject = 'platforms' group by 1
    `),
  );
  const byCountry = new Map<string, number>();
  const progress = new Map<string, number>();
  for (const row of rows) {
    const [what = '', which = ''] = row.key.split('|');
    if (what === 'progress') progress.set(which, Number(row.n));
    else byCountry.set(`${what}|${which}`, Number(row.n));
  }
  return { byCountry, progress };
}

export { countProgress };
