import type { Query } from './direct-db.js';

/**
 * Bulk seed of a whole day into an operation created through the API:
 * participants of `countries`, `platforms` platforms (most checked, with
 * verdicts), `findings` findings spread over the day's twelve hours,
 * countries, kinds, handling codes and the focus tag, their sightings, and up to 5,000
 * matches. Written with INSERT … SELECT generate_series straight into the
 * server's database while the server is stopped: logging 100,000 findings
 * through the API would take the bench hours.
 */
export async function seedDay(
  query: Query,
  day: {
    operationId: string;
    startsAt: string;
    countries: readonly string[];
    perCountry: number;
    platforms: number;
    findings: number;
  },
): Promise<void> {
  const { operationId: id, startsAt: origin } = day;
  await query(
    `with people as (
       insert into users (email, name, password_hash)
       select 'seed.' || lower(c) || '.' || i || '.' || $4 || '@actionday.test', 'Investigator ' || c || ' ' || i, 'not-used'
       from unnest($2::text[]) as c, generate_series(0, $3 - 1) as i
       returning id, name)
     insert into memberships (operation_id, user_id, role, country, agency)
     select $1, id, 'investigator', split_part(name, ' ', 2), split_part(name, ' ', 2) || ' Police' from people`,
    [id, day.countries, day.perCountry, Date.now().toString(36)],
  );
  await query(
    `with m as (select array_agg(id order by id) as ids, count(*)::int as c from memberships where operation_id = $1 and role = 'investigator')
     insert into platforms (operation_id, name, url, normalized_url, category, tags, status, verdict, follow_up, checked_by, checked_at, summary)
     select $1, 'Seeded platform ' || i, 'https://s' || i || '.example.org', 's' || i || '.example.org',
       (array['social_media','dating','classified_ads','escort_ads','help_platform','forum','messaging','dark_web','other'])[1 + i % 9],
       case when i % 4 = 0 then array['ukraine'] else array[]::text[] end,
       case when i % 10 < 8 then 'checked' else 'unchecked' end,
       case when i % 10 < 8 then (array['no_indicators','no_indicators','suspected','confirmed'])[1 + i % 4] end,
       i % 10 < 8 and i % 7 = 0,
       case when i % 10 < 8 then m.ids[1 + i % m.c] end,
       case when i % 10 < 8 then $3::timestamptz + (i * interval '12 hours') / $2 end,
       case when i % 10 < 8 then 'Summary of platform ' || i end
     from generate_series(0, $2 - 1) as i, m`,
    [id, day.platforms, origin],
  );
  await query(
    `with p as (select array_agg(id order by id) as ids, count(*)::int as c from platforms where operation_id = $1),
          m as (select array_agg(id order by id) as ids, array_agg(country order by id) as countries, count(*)::int as c
                from memberships where operation_id = $1 and role = 'investigator')
     insert into findings (operation_id, platform_id, kind, author_id, country, tags, handling, aliases, identified, nationality,
                           identifier_kind, value, normalized_value, result, reference, minor, exploitation, referral, created_at, updated_at)
     select $1, p.ids[1 + i % p.c], k.kind, m.ids[1 + (i / 3) % m.c], m.countries[1 + (i / 3) % m.c],
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
       $3::timestamptz + (i * interval '12 hours') / $2,
       $3::timestamptz + (i * interval '12 hours') / $2
     from generate_series(0, $2 - 1) as i
       cross join lateral (select (array['suspect','identifier','victim'])[1 + i % 3] as kind) as k, p, m`,
    [id, day.findings, origin],
  );
  // every identifier is a sighting; a value two authors share is a match (up to 5,000 of them, half confirmed)
  await query(
    `insert into sightings (operation_id, finding_id, identifier_kind, value, author_id, country, handling, platform_id, created_at)
     select operation_id, id, identifier_kind, normalized_value, author_id, country, handling, platform_id, created_at
     from findings where operation_id = $1 and kind = 'identifier'`,
    [id],
  );
  await query(
    `with shared as (
       select value, count(distinct author_id)::int as parties, array_agg(distinct country order by country) as countries,
         count(distinct author_id) filter (where handling <> 'TLP:RED')::int as public_parties
       from sightings where operation_id = $1 group by value having count(distinct author_id) >= 2 limit 5000)
     insert into matches (operation_id, strength, key, identifier_kind, parties, public_parties, public_countries, status, resolved_at)
     select $1, 'exact', value, 'email', parties, case when public_parties >= 2 then public_parties else 0 end,
       case when public_parties >= 2 then countries else '{}'::text[] end,
       case when row_number() over () % 2 = 0 then 'confirmed' else 'open' end, $2::timestamptz + interval '13 hours'
     from shared`,
    [id, origin],
  );
  await query('analyze');
}
