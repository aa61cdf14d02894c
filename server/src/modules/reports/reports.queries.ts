import { exploitationTypes, platformCategories, type PlatformCategory } from '@actionday/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/database.js';

/**
 * The report's aggregates, counted by SQL over the records (one query per
 * table). `frozen` leaves out findings logged late, after closing, so that
 * every table agrees with the frozen figures.
 */
const n = (value: unknown) => Number(value ?? 0);
const lateFilter = (frozen: boolean): SQL => (frozen ? sql` and not late` : sql``);

export interface CategoryCounts {
  category: PlatformCategory;
  platforms: number;
  unchecked: number;
  claimed: number;
  noIndicators: number;
  suspected: number;
  confirmed: number;
  followUp: number;
}

/** Platforms per category and status / verdict, every category listed (zeros too). */
export async function countByCategory(db: Db, operationId: string): Promise<CategoryCounts[]> {
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      select category, count(*) as platforms,
        count(*) filter (where status = 'unchecked') as unchecked,
        count(*) filter (where status = 'claimed') as claimed,
        count(*) filter (where status = 'checked' and verdict = 'no_indicators') as no_indicators,
        count(*) filter (where status = 'checked' and verdict = 'suspected') as suspected,
        count(*) filter (where status = 'checked' and verdict = 'confirmed') as confirmed,
        count(*) filter (where follow_up) as follow_up
      from platforms where operation_id = ${operationId} group by category`),
  );
  const byKey = new Map(rows.map((r) => [String(r.category), r]));
  return platformCategories.map((category) => {
    const r = byKey.get(category) ?? {};
    return {
      category,
      platforms: n(r.platforms),
      unchecked: n(r.unchecked),
      claimed: n(r.claimed),
      noIndicators: n(r.no_indicators),
      suspected: n(r.suspected),
      confirmed: n(r.confirmed),
      followUp: n(r.follow_up),
    };
  });
}

export interface TagCounts {
  tag: string;
  platforms: number;
  checked: number;
  suspected: number;
  confirmed: number;
  followUp: number;
  suspects: number;
  identifiers: number;
  victims: number;
}

/** Per focus tag (and any other tag in use): platforms by outcome and findings by kind. */
export async function countByTag(
  db: Db,
  operationId: string,
  focusTags: string[],
  frozen: boolean,
): Promise<TagCounts[]> {
  const platformRows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      select tag, count(*) as platforms,
        count(*) filter (where status = 'checked') as checked,
        count(*) filter (where status = 'checked' and verdict = 'suspected') as suspected,
        count(*) filter (where status = 'checked' and verdict = 'confirmed') as confirmed,
        count(*) filter (where follow_up) as follow_up
      from platforms, unnest(tags) as tag where operation_id = ${operationId} group by tag`),
  );
  const findingRows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      select tag,
        count(*) filter (where kind = 'suspect') as suspects,
        count(*) filter (where kind = 'identifier') as identifiers,
        count(*) filter (where kind = 'victim') as victims
      from findings, unnest(tags) as tag where operation_id = ${operationId} and deleted_at is null${lateFilter(frozen)} group by tag`),
  );
  const tags = [
    ...new Set([...focusTags, ...platformRows.map((r) => String(r.tag)), ...findingRows.map((r) => String(r.tag))]),
  ];
  const p = new Map(platformRows.map((r) => [String(r.tag), r]));
  const f = new Map(findingRows.map((r) => [String(r.tag), r]));
  return tags.map((tag) => {
    const pr = p.get(tag) ?? {};
    const fr = f.get(tag) ?? {};
    return {
      tag,
      platforms: n(pr.platforms),
      checked: n(pr.checked),
      suspected: n(pr.suspected),
      confirmed: n(pr.confirmed),
      followUp: n(pr.follow_up),
      suspects: n(fr.suspects),
      identifiers: n(fr.identifiers),
      victims: n(fr.victims),
    };
  });
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
      from findings where operation_id = ${operationId} and kind = 'victim' and deleted_at is null${lateFilter(frozen)} group by exploitation`),
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

/** At most this many buckets are filled in (about three weeks of 15 minutes). */
const MAX_FILLED = 2000;

export interface TimelineCounts {
  bucketMinutes: number;
  buckets: { start: string; checked: number; findings: number }[];
}

/**
 * Platforms checked and findings logged per bucket (as the dashboard's
 * timeline), with the empty buckets of the day filled in so a chart has a
 * continuous axis from the start of the operation to its end.
 */
export async function countTimeline(
  db: Db,
  operation: { id: string; startsAt: Date; endsAt: Date },
  bucketMinutes: number,
  frozen: boolean,
): Promise<TimelineCounts> {
  const interval = sql.raw(`'${Math.trunc(bucketMinutes)} minutes'::interval`);
  const origin = operation.startsAt.toISOString();
  const rows = rowsOf<{ start: string | Date; checked: string | number; findings: string | number }>(
    await db.execute(sql`
      select bucket as start, sum(checked)::int as checked, sum(findings)::int as findings from (
        select date_bin(${interval}, checked_at, ${origin}::timestamptz) as bucket, 1 as checked, 0 as findings
          from platforms where operation_id = ${operation.id} and status = 'checked' and checked_at is not null
        union all
        select date_bin(${interval}, created_at, ${origin}::timestamptz), 0, 1
          from findings where operation_id = ${operation.id} and deleted_at is null${lateFilter(frozen)}
      ) t group by bucket order by bucket`),
  );
  const step = bucketMinutes * 60_000;
  const counted = new Map(
    rows.map((r) => [new Date(r.start).getTime(), { checked: n(r.checked), findings: n(r.findings) }]),
  );
  const windowStart = operation.startsAt.getTime();
  const windowEnd = operation.endsAt.getTime() - 1;
  // the day's empty buckets are filled in; so is the stretch to records just outside the window,
  // unless that would take more than MAX_FILLED buckets (records days away stay, unfilled)
  const first = Math.min(windowStart, ...counted.keys());
  const last = Math.max(windowEnd, ...counted.keys());
  const wide = (last - first) / step > MAX_FILLED;
  const from = wide ? windowStart : first;
  const to = wide ? windowEnd : last;
  const starts = new Set(counted.keys());
  for (let at = from; at <= to; at += step) starts.add(at);
  const buckets = [...starts]
    .sort((a, b) => a - b)
    .map((at) => ({ start: new Date(at).toISOString(), ...(counted.get(at) ?? { checked: 0, findings: 0 }) }));
  return { bucketMinutes, buckets };
}

/** The countries of the operation's participants, sorted. */
export async function participatingCountries(db: Db, operationId: string): Promise<string[]> {
  const rows = rowsOf<{ country: string }>(
    await db.execute(
      sql`select distinct country from memberships where operation_id = ${operationId} order by country`,
    ),
  );
  return rows.map((r) => r.country);
}
