import type { CountryTally, FigureDefinition, FigureFilter, FigureSubject, Tally } from '@actionday/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/database.js';

/** The table and base condition of each subject, and its filterable columns. */
const subjects: Record<
  FigureSubject,
  { from: SQL; where: (operationId: string) => SQL; columns: Record<string, string> }
> = {
  platforms: {
    from: sql`platforms`,
    where: (id) => sql`operation_id = ${id}`,
    columns: {
      status: 'status',
      verdict: 'verdict',
      followUp: 'follow_up',
      discovered: 'discovered',
      category: 'category',
      tags: 'tags',
      countryFocus: 'country_focus',
    },
  },
  suspects: {
    from: sql`findings`,
    where: (id) => sql`operation_id = ${id} and kind = 'suspect' and deleted_at is null`,
    columns: { identified: 'identified', nationality: 'nationality', role: 'role', tags: 'tags', country: 'country' },
  },
  identifiers: {
    from: sql`findings`,
    where: (id) => sql`operation_id = ${id} and kind = 'identifier' and deleted_at is null`,
    columns: { identifierKind: 'identifier_kind', result: 'result', tags: 'tags', country: 'country' },
  },
  victims: {
    from: sql`findings`,
    where: (id) => sql`operation_id = ${id} and kind = 'victim' and deleted_at is null`,
    columns: {
      exploitation: 'exploitation',
      minor: 'minor',
      nationality: 'nationality',
      referral: 'referral',
      tags: 'tags',
      country: 'country',
    },
  },
  evidence: {
    from: sql`evidence`,
    where: (id) => sql`operation_id = ${id} and deleted_at is null`,
    columns: { handling: 'handling', country: 'country' },
  },
  hits: { from: sql`hits`, where: (id) => sql`operation_id = ${id}`, columns: { status: 'status' } },
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
  hits: 0,
});

/** Per participating country: participants, platforms checked, findings of each kind, evidence and hits. */
export async function countByCountry(db: Db, operationId: string): Promise<Record<string, CountryTally>> {
  const result: Record<string, CountryTally> = {};
  const at = (country: string) => (result[country] ??= emptyCountry());
  const rows = rowsOf<{ country: string; what: string; n: string | number }>(
    await db.execute(sql`
      select country, 'participants' as what, count(*) as n from memberships where operation_id = ${operationId} group by country
      union all
      select m.country, 'platformsChecked', count(*) from platforms p join memberships m on m.id = p.checked_by
        where p.operation_id = ${operationId} and p.status = 'checked' group by m.country
      union all
      select country, kind || 's', count(*) from findings where operation_id = ${operationId} and deleted_at is null group by country, kind
      union all
      select country, 'evidence', count(*) from evidence where operation_id = ${operationId} and deleted_at is null group by country
      union all
      select f.country, 'hits', count(*) from hits h join findings f on f.id = h.finding_id where h.operation_id = ${operationId} group by f.country
    `),
  );
  for (const row of rows) {
    const key = row.what as keyof CountryTally;
    if (key in emptyCountry()) at(row.country)[key] = Number(row.n);
  }
  return result;
}

/** How far the board is: platforms per status. */
export async function countProgress(db: Db, operationId: string): Promise<Tally['progress']> {
  const rows = rowsOf<{ status: string; n: string | number }>(
    await db.execute(
      sql`select status, count(*) as n from platforms where operation_id = ${operationId} group by status`,
    ),
  );
  const progress = { unchecked: 0, claimed: 0, checked: 0 };
  for (const row of rows) if (row.status in progress) progress[row.status as keyof typeof progress] = Number(row.n);
  return progress;
}
