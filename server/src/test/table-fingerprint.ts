import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/database.js';

/**
 * Row count and checksum of every table of the public schema but those `skip` matches, in one query: what a
 * test compares before and after a request that must change nothing. The tables are read once, at the start.
 */
export async function tableFingerprinter(
  db: Db,
  skip: RegExp,
  /** Columns left out per table (counters that background work moves on its own). */
  ignore: Record<string, string[]> = {},
): Promise<() => Promise<Record<string, string>>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  )
    .map((r) => r.name)
    .filter((name) => !skip.test(name));
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const query = tables
    .map((name) => {
      const columns = (ignore[name] ?? []).map(quote);
      const text = columns.length ? `(to_jsonb(t) - array[${columns.join(',')}]::text[])::text` : 't::text';
      return `select ${quote(name)} as name, count(*)::int as n, md5(coalesce(string_agg(md5(${text}), '' order by md5(${text})), '')) as sum from "${name}" t`;
    })
    .join(' union all ');
  return async () => {
    const rows = rowsOf<{ name: string; n: number; sum: string }>(await db.execute(sql.raw(query)));
    return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.sum}`]));
  };
}
