import { exploitationTypes } from '@actionday/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Accessor, CountSource } from '../../db/counting.js';
import { type Db, rowsOf } from '../../db/database.js';

const n = (value: unknown) => Number(value ?? 0);
/** Once closed, entries logged late are left out so that every table agrees with the frozen figures. */
const lateFilter = (frozen: boolean): SQL => (frozen ? sql` and not late` : sql``);
/**
 * TLP:RED records are in no count that several people share (docs/architecture.md, "What counts a viewer sees"):
 * a number that moved when one was logged would tell everybody else that it exists.
 */
export const sharedRecords = sql` and handling <> 'TLP:RED'`;

/** Per tag in use on findings: suspects, identifiers and victims. */
export async function findingCountsByTag(
  db: Db,
  operationId: string,
  frozen: boolean,
): Promise<Map<string, { suspects: number; identifiers: number; victims: number }>> {
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      select tag,
        count(*) filter (where kind = 'suspect') as suspects,
        count(*) filter (where kind = 'identifier') as identifiers,
        count(*) filter (where kind = 'victim') as victims
      from findings, unnest(tags) as tag where operation_id = ${operationId} and deleted_at is null${sharedRecords}${lateFilter(frozen)} group by tag`),
  );
  return new Map(
    rows.map((r) => [String(r.tag), { suspects: n(r.suspects), identifiers: n(r.identifiers), victims: n(r.victims) }]),
  );
}

export interface ExploitationCounts {
  exploitation: (typeof exploitationTypes)[number];
  victims: number;
  minors: number;
  referredPolice: number;
  referredNgo: number;
}

/** Possible victims per exploitation type: how many, minors, referrals. */
export async function countByExploitation(db: Db, operationId: string, frozen: boolean): Promise<ExploitationCounts[]> {
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      select exploitation, count(*) as victims,
        count(*) filter (where minor) as minors,
        count(*) filter (where referral = 'police') as referred_police,
        count(*) filter (where referral = 'ngo') as referred_ngo
      from findings where operation_id = ${operationId} and kind = 'victim' and deleted_at is null${sharedRecords}${lateFilter(frozen)} group by exploitation`),
  );
  const byKey = new Map(rows.map((r) => [String(r.exploitation), r]));
  return exploitationTypes.map((exploitation) => {
    const r = byKey.get(exploitation) ?? {};
    return {
      exploitation,
      victims: n(r.victims),
      minors: n(r.minors),
      referredPolice: n(r.referred_police),
      referredNgo: n(r.referred_ngo),
    };
  });
}

/** Whether a record (or a recorded change of one) is of those shared counts include: not TLP:RED. */
const shared = (col: Accessor): SQL => sql`${col.text('handling')} is distinct from 'TLP:RED'`;

/** Suspects, identifiers and victims as key figures count them (TLP:RED records left out). */
export const findingCountSources: Record<'suspects' | 'identifiers' | 'victims', CountSource> = {
  suspects: {
    table: 'findings',
    where: (col) => sql`${col.text('kind')} = 'suspect' and ${col.text('deleted_at')} is null and ${shared(col)}`,
    columns: { identified: 'identified', nationality: 'nationality', role: 'role', tags: 'tags', country: 'country' },
  },
  identifiers: {
    table: 'findings',
    where: (col) => sql`${col.text('kind')} = 'identifier' and ${col.text('deleted_at')} is null and ${shared(col)}`,
    columns: { identifierKind: 'identifier_kind', result: 'result', tags: 'tags', country: 'country' },
  },
  victims: {
    table: 'findings',
    where: (col) => sql`${col.text('kind')} = 'victim' and ${col.text('deleted_at')} is null and ${shared(col)}`,
    columns: {
      exploitation: 'exploitation',
      minor: 'minor',
      nationality: 'nationality',
      referral: 'referral',
      tags: 'tags',
      country: 'country',
    },
  },
};

/** Live findings per author country and kind (the per-country table). */
export async function findingsPerCountry(
  db: Db,
  operationId: string,
): Promise<{ country: string; kind: string; n: number }[]> {
  const rows = rowsOf<{ country: string; kind: string; n: string | number }>(
    await db.execute(sql`
      select country, kind, count(*) as n from findings
      where operation_id = ${operationId} and deleted_at is null${sharedRecords} group by country, kind`),
  );
  return rows.map((r) => ({ country: r.country, kind: r.kind, n: Number(r.n) }));
}

/** The author country of each finding (the per-country table counts hits by the logged finding's country). */
export async function countriesOfFindings(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = rowsOf<{ id: string; country: string }>(
      await db.execute(
        sql`select id, country from findings where id in (${sql.join(
          unique.slice(i, i + 5000).map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    );
    for (const row of rows) out.set(row.id, row.country);
  }
  return out;
}

/** Smuggling offers as key figures count them (by the route's ends, the currency, tags, the author's country). */
export const offerCountSource: CountSource = {
  table: 'findings',
  where: (col) => sql`${col.text('kind')} = 'offer' and ${col.text('deleted_at')} is null`,
  columns: { origin: 'origin', destination: 'destination', currency: 'currency', tags: 'tags', country: 'country' },
};

/** One route of the report's route table: offers from an origin to a destination in one currency. */
export interface RouteCounts {
  origin: string;
  destination: string;
  currency: string | null;
  offers: number;
  medianPriceMinor: number | null;
}

/** Smuggling offers per route and currency with the median advertised price, counted by SQL. */
export async function countByRoute(db: Db, operationId: string, frozen: boolean): Promise<RouteCounts[]> {
  const rows = rowsOf<{
    origin: string;
    destination: string;
    currency: string | null;
    offers: unknown;
    median: unknown;
  }>(
    await db.execute(sql`
      select origin, destination, currency, count(*) as offers,
        percentile_cont(0.5) within group (order by price_minor) filter (where price_minor is not null) as median
      from findings where operation_id = ${operationId} and kind = 'offer' and deleted_at is null${lateFilter(frozen)}
      group by origin, destination, currency order by count(*) desc, origin, destination, currency`),
  );
  return rows.map((r) => ({
    origin: r.origin,
    destination: r.destination,
    currency: r.currency,
    offers: n(r.offers),
    medianPriceMinor: r.median === null || r.median === undefined ? null : Math.round(Number(r.median)),
  }));
}
