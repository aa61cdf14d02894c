import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/database.js';

/**
 * Row count and checksum of every table of the public schema but those `skip` matches: what a test compares
 * before and after a request that must change nothing.
 */
export async function tableFingerprint(
  db: Db,
  skip: RegExp,
  /** Columns left out per table (counters that background work moves on its own). */
  ignore: Record<string, string[]> = {},
): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  )
    .map((r) => r.name)
    .filter((name) => !skip.test(name));
  const out: Record<string, string> = {};
  for (const name of tables) {
    const columns = (ignore[name] ?? []).map((c) => `'${c.replace(/'/g, "''")}'`);
    const text = columns.length ? `(to_jsonb(t) - array[${columns.join(',')}]::text[])::text` : 't::text';
    const [row] = rowsOf<{ n: number; sum: string }>(
      await db.execute(
        sql.raw(
          `select count(*)::int as n, md5(coalesce(string_agg(md5(${text}), '' order by md5(${text})), '')) as sum from "${name}" t`,
        ),
      ),
    );
    out[name] = `${row?.n}:${row?.sum}`;
  }
  return out;
}
