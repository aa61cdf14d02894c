import type { Tally } from '@actionday/shared';
import type { Query } from './direct-db.js';

/**
 * The 2022 key figures (the default set every new operation gets) counted
 * straight from the records, written here without the server's counting code,
 * so "figures = recount" compares two independent answers.
 */
export async function recountDefaults(query: Query, operationId: string): Promise<Map<string, number>> {
  const [platforms] = await query(
    `select count(*) filter (where status = 'checked') as monitored,
            count(*) filter (where status = 'checked' and 'ukraine' = any(tags)) as monitored_ukraine,
            count(*) filter (where status = 'checked' and verdict = 'suspected') as suspected,
            count(*) filter (where status = 'checked' and verdict = 'suspected' and 'ukraine' = any(tags)) as suspected_ukraine,
            count(*) filter (where status = 'checked' and verdict = 'confirmed') as confirmed,
            count(*) filter (where status = 'checked' and verdict = 'confirmed' and 'ukraine' = any(tags)) as confirmed_ukraine,
            count(*) filter (where follow_up) as follow_up,
            count(*) filter (where follow_up and 'ukraine' = any(tags)) as follow_up_ukraine
     from platforms where operation_id = $1`,
    [operationId],
  );
  const [findings] = await query(
    `select count(*) filter (where kind = 'suspect' and identified) as suspects,
            count(*) filter (where kind = 'suspect' and identified and 'ukraine' = any(tags)) as suspects_ukraine,
            count(*) filter (where kind = 'victim') as victims,
            count(*) filter (where kind = 'victim' and 'ukraine' = any(tags)) as victims_ukraine,
            count(*) filter (where kind = 'victim' and nationality = 'UA') as victims_ua,
            count(*) filter (where kind = 'identifier') as identifiers,
            count(*) filter (where kind = 'identifier' and 'ukraine' = any(tags)) as identifiers_ukraine
     from findings where operation_id = $1 and deleted_at is null and handling <> 'TLP:RED'`,
    [operationId],
  );
  const n = (row: Record<string, unknown> | undefined, key: string) => Number(row?.[key] ?? 0);
  const figures = new Map<string, number>([
    ['platforms_monitored', n(platforms, 'monitored')],
    ['platforms_monitored/ukraine', n(platforms, 'monitored_ukraine')],
    ['platforms_suspected', n(platforms, 'suspected')],
    ['platforms_suspected/ukraine', n(platforms, 'suspected_ukraine')],
    ['platforms_confirmed', n(platforms, 'confirmed')],
    ['platforms_confirmed/ukraine', n(platforms, 'confirmed_ukraine')],
    ['platforms_follow_up', n(platforms, 'follow_up')],
    ['platforms_follow_up/ukraine', n(platforms, 'follow_up_ukraine')],
    ['suspects_identified', n(findings, 'suspects')],
    ['suspects_identified/ukraine', n(findings, 'suspects_ukraine')],
    ['possible_victims', n(findings, 'victims')],
    ['possible_victims/ukraine', n(findings, 'victims_ukraine')],
    ['possible_victims/nationality:UA', n(findings, 'victims_ua')],
    ['identifiers_checked', n(findings, 'identifiers')],
    ['identifiers_checked/ukraine', n(findings, 'identifiers_ukraine')],
  ]);
  const byCountry = await query(
    `select country, kind, count(*) as n from findings where operation_id = $1 and deleted_at is null and handling <> 'TLP:RED' group by country, kind`,
    [operationId],
  );
  for (const row of byCountry) figures.set(`byCountry/${String(row.country)}/${String(row.kind)}s`, Number(row.n));
  return figures;
}

/** The same keys read from a tally the server answered. */
export function tallyFigures(tally: Tally): Map<string, number> {
  const out = new Map<string, number>();
  for (const figure of tally.figures) {
    out.set(figure.key, figure.value ?? 0);
    for (const breakdown of figure.breakdowns) out.set(`${figure.key}/${breakdown.key}`, breakdown.value ?? 0);
  }
  for (const [country, row] of Object.entries(tally.byCountry))
    for (const kind of ['suspects', 'identifiers', 'victims'] as const)
      if ((row[kind] ?? 0) > 0) out.set(`byCountry/${country}/${kind}`, row[kind] ?? 0);
  return out;
}

/** Where the server's figures and the recount differ ("key: server ≠ recount"). */
export function differences(server: Map<string, number>, recount: Map<string, number>): string[] {
  const keys = new Set([...recount.keys(), ...[...server.keys()].filter((key) => key.startsWith('byCountry/'))]);
  return [...keys]
    .filter((key) => (server.get(key) ?? 0) !== (recount.get(key) ?? 0))
    .map((key) => `${key}: ${server.get(key) ?? 0} ≠ ${recount.get(key) ?? 0}`);
}
