import { type PlatformCategory, platformCategories } from '@actionday/shared';
import { sql } from 'drizzle-orm';
import type { CountSource } from '../../db/counting.js';
import { type Db, rowsOf } from '../../db/database.js';

const n = (value: unknown) => Number(value ?? 0);

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

/** Per tag in use on platforms: how many, checked, suspected, confirmed, flagged for follow-up. */
export async function platformCountsByTag(
  db: Db,
  operationId: string,
): Promise<
  Map<string, { platforms: number; checked: number; suspected: number; confirmed: number; followUp: number }>
> {
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      select tag, count(*) as platforms,
        count(*) filter (where status = 'checked') as checked,
        count(*) filter (where status = 'checked' and verdict = 'suspected') as suspected,
        count(*) filter (where status = 'checked' and verdict = 'confirmed') as confirmed,
        count(*) filter (where follow_up) as follow_up
      from platforms, unnest(tags) as tag where operation_id = ${operationId} group by tag`),
  );
  return new Map(
    rows.map((r) => [
      String(r.tag),
      {
        platforms: n(r.platforms),
        checked: n(r.checked),
        suspected: n(r.suspected),
        confirmed: n(r.confirmed),
        followUp: n(r.follow_up),
      },
    ]),
  );
}

/** Platforms as key figures count them. */
export const platformCountSource: CountSource = {
  table: 'platforms',
  where: () => sql`true`,
  columns: {
    status: 'status',
    verdict: 'verdict',
    followUp: 'follow_up',
    discovered: 'discovered',
    category: 'category',
    tags: 'tags',
    countryFocus: 'country_focus',
  },
};

/** How far the board is: platforms per status. */
export async function countProgress(
  db: Db,
  operationId: string,
): Promise<{ unchecked: number; claimed: number; checked: number }> {
  const rows = rowsOf<{ status: string; n: string | number }>(
    await db.execute(
      sql`select status, count(*) as n from platforms where operation_id = ${operationId} group by status`,
    ),
  );
  const progress = { unchecked: 0, claimed: 0, checked: 0 };
  for (const row of rows) if (row.status in progress) progress[row.status as keyof typeof progress] = Number(row.n);
  return progress;
}

/** Platforms checked per participant who checked them (the per-country table maps them to countries). */
export async function checkedPerMember(db: Db, operationId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ member: string; n: string | number }>(
    await db.execute(sql`
      select checked_by as member, count(*) as n from platforms
      where operation_id = ${operationId} and status = 'checked' and checked_by is not null group by checked_by`),
  );
  return new Map(rows.map((r) => [r.member, Number(r.n)]));
}
