import type { CountryTally, FigureDefinition, FigureFilter, FigureSubject, Tally } from '@actionday/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { CountSource } from '../../db/counting.js';
import { type Db, rowsOf } from '../../db/database.js';
import { evidenceCountSource, evidencePerCountry } from '../evidence/index.js';
import { findingCountSources, findingsPerCountry } from '../findings/index.js';
import { matchCountSource, matchesPerCountry } from '../matches/index.js';
import { participantsByIds, participantsPerCountry } from '../operations/index.js';
import { checkedPerMember, countProgress, platformCountSource } from '../platforms/index.js';

/** Where each subject's records live: described by the module that owns them. */
const subjects: Record<FigureSubject, CountSource> = {
  platforms: platformCountSource,
  ...findingCountSources,
  evidence: evidenceCountSource,
  matches: matchCountSource,
};

/** A filter as a SQL condition; field names were validated against the subject's columns. */
function condition(subject: FigureSubject, filter: FigureFilter): SQL {
  const parts = Object.entries(filter).map(([field, value]) => {
    const column = sql.identifier(subjects[subject].columns[field] ?? 'invalid_field');
    const values = Array.isArray(value) ? value : [value];
    if (field === 'tags')
      return sql`${column} && array[${sql.join(
        values.map((v) => sql`${String(v)}`),
        sql`, `,
      )}]::text[]`;
    if (typeof value === 'boolean') return sql`${column} = ${value}`;
    return sql`${column} in (${sql.join(
      values.map((v) => sql`${String(v)}`),
      sql`, `,
    )})`;
  });
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * Counts every figure and breakdown by SQL over the records — one query per
 * subject, `count(*) FILTER (WHERE …)` per number — so the figures always
 * equal a recount and can never drift.
 */
export async function countFigures(
  db: Db,
  operationId: string,
  figures: FigureDefinition[],
): Promise<Tally['figures']> {
  const values = new Map<string, number>();
  const bySubject = new Map<FigureSubject, FigureDefinition[]>();
  for (const figure of figures) bySubject.set(figure.counts, [...(bySubject.get(figure.counts) ?? []), figure]);
  for (const [subject, list] of bySubject) {
    const columns: SQL[] = [];
    const keys: string[] = [];
    for (const figure of list) {
      const base = condition(subject, figure.filter);
      keys.push(figure.key);
      columns.push(sql`count(*) filter (where ${base})`);
      for (const breakdown of figure.breakdowns) {
        keys.push(`${figure.key}\u0000${breakdown.key}`);
        columns.push(sql`count(*) filter (where ${base} and ${condition(subject, breakdown.filter)})`);
      }
    }
    const aliased = columns.map((column, i) => sql`${column} as ${sql.identifier(`c${i}`)}`);
    const [row] = rowsOf<Record<string, string | number>>(
      await db.execute(
        sql`select ${sql.join(aliased, sql`, `)} from ${subjects[subject].from} where ${subjects[subject].where(operationId)}`,
      ),
    );
    keys.forEach((key, i) => values.set(key, Number(row?.[`c${i}`] ?? 0)));
  }
  return figures.map((figure) => ({
    key: figure.key,
    label: figure.label,
    value: values.get(figure.key) ?? 0,
    breakdowns: figure.breakdowns.map((b) => ({
      key: b.key,
      label: b.label,
      value: values.get(`${figure.key}\u0000${b.key}`) ?? 0,
    })),
  }));
}

const emptyCountry = (): CountryTally => ({
  participants: 0,
  platformsChecked: 0,
  suspects: 0,
  identifiers: 0,
  victims: 0,
  evidence: 0,
  matches: 0,
});

/** Per participating country: participants, platforms checked, findings of each kind, evidence and matches. */
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

export { countProgress };
