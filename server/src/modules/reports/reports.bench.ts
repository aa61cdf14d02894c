import { defaultFigures } from '@actionday/shared';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/database.js';
import { users } from '../auth/auth.table.js';
import { memberships, operations } from '../operations/operations.table.js';

/**
 * The benchmark's operation (`pnpm bench`, tests/bench/run.ts): a day with
 * many findings, seeded with bulk INSERT … SELECT generate_series (not through
 * the API), spread over the window, countries, kinds, handling codes and tags.
 */
export async function seedBenchOperation(
  db: Db,
  size: { findings: number; platforms: number; countries: string[]; perCountry: number },
) {
  const { findings: FINDINGS, platforms: PLATFORMS, countries: COUNTRIES, perCountry: PER_COUNTRY } = size;
  const startsAt = new Date('2022-09-06T06:00:00Z');
  const [operation] = await db
    .insert(operations)
    .values({
      name: 'Benchmark action day',
      startsAt,
      endsAt: new Date('2022-09-06T18:00:00Z'),
      timeZone: 'Europe/Amsterdam',
      focusTags: ['ukraine'],
      focusNationalities: ['UA'],
      figures: defaultFigures(['ukraine'], ['UA']),
    })
    .returning();
  if (!operation) throw new Error('no operation');
  const people = await db
    .insert(users)
    .values(
      COUNTRIES.flatMap((country) =>
        Array.from({ length: PER_COUNTRY }, (_, i) => ({
          email: `bench.${country}.${i}@bench.actionday`,
          name: `Investigator ${country} ${i}`,
          passwordHash: 'not-used',
        })),
      ),
    )
    .returning({ id: users.id });
  await db.insert(memberships).values(
    people.map((p, i) => ({
      operationId: operation.id,
      userId: p.id,
      role: 'investigator' as const,
      country: COUNTRIES[Math.floor(i / PER_COUNTRY)] ?? 'NL',
      agency: 'Police',
    })),
  );
  const id = operation.id;
  const origin = startsAt.toISOString();

  // ids picked by index from arrays (O(1) per row), not by joins on a modulo
  await db.execute(sql`
    with m as (select array_agg(id order by id) as ids, count(*)::int as c from memberships where operation_id = ${id})
    insert into platforms (operation_id, name, url, normalized_url, category, tags, status, verdict, follow_up, checked_by, checked_at, summary)
    select ${id}, 'Platform ' || i, 'https://p' || i || '.example.org', 'p' || i || '.example.org',
      (array['social_media','dating','classified_ads','escort_ads','help_platform','forum','messaging','dark_web','other'])[1 + i % 9],
      case when i % 4 = 0 then array['ukraine'] else array[]::text[] end,
      case when i % 10 < 8 then 'checked' when i % 10 = 8 then 'claimed' else 'unchecked' end,
      case when i % 10 < 8 then (array['no_indicators','no_indicators','suspected','confirmed'])[1 + i % 4] end,
      i % 10 < 8 and i % 7 = 0,
      case when i % 10 < 8 then m.ids[1 + i % m.c] end,
      case when i % 10 < 8 then ${origin}::timestamptz + (i * interval '12 hours') / ${PLATFORMS} end,
      case when i % 10 < 8 then 'Summary of platform ' || i end
    from generate_series(0, ${PLATFORMS - 1}) as i, m`);

  await db.execute(sql`
    with p as (select array_agg(id order by id) as ids, count(*)::int as c from platforms where operation_id = ${id}),
         m as (select array_agg(id order by id) as ids, array_agg(country order by id) as countries, count(*)::int as c from memberships where operation_id = ${id})
    insert into findings (operation_id, platform_id, kind, author_id, country, tags, handling, aliases, identified, nationality,
                          identifier_kind, value, normalized_value, result, reference, minor, exploitation, referral, created_at, updated_at)
    select ${id}, p.ids[1 + i % p.c], k.kind, m.ids[1 + (i / 3) % m.c], m.countries[1 + (i / 3) % m.c],
      case when i % 4 = 0 then array['ukraine'] else array[]::text[] end,
      (array['TLP:AMBER','TLP:AMBER','TLP:GREEN','TLP:RED'])[1 + i % 4],
      case when k.kind = 'suspect' then array['alias ' || i] end,
      case when k.kind = 'suspect' then i % 2 = 0 end,
      case when k.kind <> 'identifier' then (array['UA','RO','NG','NL'])[1 + i % 4] end,
      case when k.kind = 'identifier' then 'email' end,
      case when k.kind = 'identifier' then 'user' || (i % 30000) || '@example.org' end,
      case when k.kind = 'identifier' then 'user' || (i % 30000) || '@example.org' end,
      case when k.kind = 'identifier' then 'nothing_found' end,
      case when k.kind = 'victim' then 'V-' || i end,
      case when k.kind = 'victim' then i % 5 = 0 end,
      case when k.kind = 'victim' then (array['sexual','labour','criminal','cse','other'])[1 + i % 5] end,
      case when k.kind = 'victim' then 'not_referred' end,
      ${origin}::timestamptz + (i * interval '12 hours') / ${FINDINGS},
      ${origin}::timestamptz + (i * interval '12 hours') / ${FINDINGS}
    from generate_series(0, ${FINDINGS - 1}) as i
      cross join lateral (select (array['suspect','identifier','victim'])[1 + i % 3] as kind) as k, p, m`);

  // cross-hits: the same e-mail logged twice, half of them confirmed
  await db.execute(sql`
    with f as (select id, normalized_value, row_number() over (partition by normalized_value order by created_at) as r
               from findings where operation_id = ${id} and kind = 'identifier')
    insert into hits (operation_id, identifier_kind, normalized_value, finding_id, matched_finding_id, status, resolved_at)
    select ${id}, 'email', a.normalized_value, b.id, a.id, case when row_number() over () % 2 = 0 then 'confirmed' else 'open' end, ${origin}::timestamptz + interval '13 hours'
    from f a join f b on a.normalized_value = b.normalized_value and a.r = 1 and b.r = 2
    limit 5000`);
  await db.execute(sql`analyze`);
  return operation;
}

/** The baseline the report is measured against: a bare count over the same table. */
export async function countFindings(db: Db, operationId: string): Promise<number> {
  return Number(
    rowsOf<{ n: string | number }>(
      await db.execute(sql`select count(*) as n from findings where operation_id = ${operationId}`),
    )[0]?.n ?? 0,
  );
}

/** Seeded hits of an operation. */
export async function countHits(db: Db, operationId: string): Promise<number> {
  return Number(
    rowsOf<{ n: string | number }>(
      await db.execute(sql`select count(*) as n from hits where operation_id = ${operationId}`),
    )[0]?.n ?? 0,
  );
}

/**
 * Claims `count` unchecked platforms of the operation one after another through
 * the claim service (limit check, conditional UPDATE, audit row), spread over
 * the operation's members; returns how many succeeded.
 */
export async function claimThroughService(db: Db, operationId: string, count: number): Promise<number> {
  const { claimPlatform } = await import('../platforms/platforms.claims.js');
  const { createLocalBus } = await import('../../events/bus.js');
  const { memberships } = await import('../operations/operations.table.js');
  const { platforms } = await import('../platforms/platforms.table.js');
  const { and, eq } = await import('drizzle-orm');
  const members = await db.select().from(memberships).where(eq(memberships.operationId, operationId));
  const free = await db
    .select({ id: platforms.id })
    .from(platforms)
    .where(and(eq(platforms.operationId, operationId), eq(platforms.status, 'unchecked')))
    .limit(count);
  const deps = { db, bus: createLocalBus(), now: () => new Date() };
  let won = 0;
  for (const [i, platform] of free.entries()) {
    const member = members[i % members.length];
    if (!member) break;
    await claimPlatform(deps, { userId: member.userId, ip: null }, member, 1_000_000, platform.id);
    won++;
  }
  return won;
}

/** The bare statement a claim is decided by, without limit check, audit or event: the floor to compare against. */
export async function claimBare(db: Db, operationId: string, count: number): Promise<number> {
  const free = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from platforms where operation_id = ${operationId} and status = 'unchecked' limit ${count}`,
    ),
  );
  for (const { id } of free)
    await db.execute(sql`update platforms set status = 'claimed' where id = ${id} and status = 'unchecked'`);
  return free.length;
}

/** Puts every platform back in the pool, so claims can be measured again. */
export async function releaseAll(db: Db, operationId: string): Promise<void> {
  await db.execute(
    sql`update platforms set status = 'unchecked', claimed_by = null, claimed_at = null where operation_id = ${operationId} and status = 'claimed'`,
  );
}
