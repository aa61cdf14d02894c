import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';

/**
 * One database type over both drivers; a transaction is also a Db. Without the relational schema: modules
 * query their own tables with the query builder, so the database layer knows no module (db/schema.ts only
 * gathers the tables for drizzle-kit).
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** An open database with its driver-specific parts hidden. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Where the data live: a PostgreSQL server, an embedded directory, or memory (tests). */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true; loadDataDir?: Blob };

/** Opens the database named by the target; migrations are applied by `migrate()`. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const server = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(server) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePostgres(drizzlePostgres(server), { migrationsFolder }),
      close: () => server.end({ timeout: 5 }),
    };
  }
  let client: PGlite;
  if ('dataDir' in target) {
    await mkdir(target.dataDir, { recursive: true });
    client = await PGlite.create(target.dataDir);
  } else {
    client = await PGlite.create(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
  }
  const pg = drizzlePglite(client);
  return {
    db: pg as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(pg, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** Rows of a raw `db.execute()`: an array on postgres.js, `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A round trip to the database: health checks. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
