import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { type Table, getTableColumns, sql } from 'drizzle-orm';
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

/**
 * drizzle sends every query that was not given a name as an unnamed statement (parsed, planned and described
 * anew each time); postgres.js can keep each distinct query text as a prepared statement per connection. The
 * queries drizzle builds have a bounded set of texts (values are parameters), so every one is prepared: about a
 * third less CPU per request on both sides (measured on the claim path).
 */
function preparedStatements(sql: postgres.Sql): postgres.Sql {
  const prepare = (client: postgres.Sql | postgres.TransactionSql): typeof client =>
    new Proxy(client, {
      get(target, property, receiver) {
        if (property === 'unsafe')
          return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
            target.unsafe(query, params, { ...options, prepare: true });
        if (property === 'begin' && 'begin' in target)
          return (...args: unknown[]) => {
            const work = args.pop() as (tx: postgres.TransactionSql) => unknown;
            return (target.begin as (...a: unknown[]) => unknown)(...args, (tx: postgres.TransactionSql) =>
              work(prepare(tx) as postgres.TransactionSql),
            );
          };
        if (property === 'savepoint' && 'savepoint' in target)
          return (...args: unknown[]) => {
            const work = args.pop() as (tx: postgres.TransactionSql) => unknown;
            return (target.savepoint as (...a: unknown[]) => unknown)(...args, (tx: postgres.TransactionSql) =>
              work(prepare(tx) as postgres.TransactionSql),
            );
          };
        return Reflect.get(target, property, receiver);
      },
    });
  return prepare(sql) as postgres.Sql;
}

/** Opens the database named by the target; migrations are applied by `migrate()`. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const server = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(preparedStatements(server)) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePostgres(drizzlePostgres(server), { migrationsFolder }),
      close: () => server.end({ timeout: 5 }),
    };
  }
  let client: PGlite;
  let unlock = async () => {};
  if ('dataDir' in target) {
    await mkdir(target.dataDir, { recursive: true });
    unlock = await lockDataDir(target.dataDir);
    client = await PGlite.create(target.dataDir).catch(async (error: unknown) => {
      await unlock();
      throw error;
    });
  } else {
    client = await PGlite.create(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
  }
  const pg = drizzlePglite(client);
  return {
    db: pg as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(pg, { migrationsFolder }),
    close: async () => {
      try {
        await client.close();
      } finally {
        await unlock();
      }
    },
  };
}

/** Whether a process of this id runs (a process of another user answers EPERM: it runs too). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database is one process at a time: two PGlite instances on one directory corrupt it. A lock file
 * beside the directory (`pglite.lock`, the holder's process id) is taken when it opens and removed when it closes;
 * a lock whose process is gone (a crash, a SIGKILL) is taken over. Answers the release.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const lock = `${dir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const read = () => readFile(lock, 'utf8').catch(() => '');
    // an empty lock is one being written this instant: read it again a moment later
    const text = (await read()) || (await new Promise((wait) => setTimeout(wait, 100)).then(read));
    const holder = Number.parseInt(text, 10);
    if (holder > 0 && running(holder))
      throw new StartupError(
        `The embedded database in ${dir} is in use by process ${holder} (a running server, or a command such as pnpm backup). Stop it first: one process at a time may open it. If no such process runs, remove ${lock}.`,
      );
    await rm(lock, { force: true });
  }
  throw new StartupError(`Cannot take the lock ${lock} of the embedded database in ${dir}.`);
}

/** Rows of a raw `db.execute()`: an array on postgres.js, `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A raw row (column names) of `table` as drizzle would give it (property names, driver values mapped). */
export function tableRowOf<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

/** Where the database stands against the migrations this code ships. */
export interface MigrationStatus {
  /** Migrations recorded in the database. */
  applied: number;
  /** Migrations this code knows. */
  known: number;
  /** The database holds a migration newer than any this code knows (it was migrated by a newer version). */
  newer: boolean;
  /** Migrations this code knows that the database has not applied yet. */
  pending: number;
}

/** The migrations of `migrations/` (drizzle-kit's journal: one entry per migration, `when` its timestamp). */
function knownMigrations(): number[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return journal.entries.map((e) => e.when);
}

/** Compares the migrations the database recorded (drizzle's own table) with those this code ships. */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const known = knownMigrations();
  const [exists] = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  const applied = exists?.present
    ? rowsOf<{ when: string | number }>(
        await db.execute(sql`select created_at as when from drizzle.__drizzle_migrations`),
      ).map((r) => Number(r.when))
    : [];
  const newest = Math.max(0, ...known);
  return {
    applied: applied.length,
    known: known.length,
    newer: applied.some((when) => when > newest),
    pending: known.filter((when) => !applied.includes(when)).length,
  };
}

/** A database the server cannot start on, in words for whoever starts it (no credentials). */
export class StartupError extends Error {}

/** Where a PostgreSQL URL points, without its credentials. */
const serverOf = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the DATABASE_URL server';
  }
};

/**
 * Checks an opened database before migrating it: reachable, and not migrated by a newer version of the code
 * (its schema would not be what this code expects). Throws a StartupError that says what to do.
 */
export async function checkBeforeMigrating(database: Database, url?: string): Promise<void> {
  try {
    await ping(database.db);
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
    throw new StartupError(
      database.kind === 'postgres'
        ? `Cannot reach the PostgreSQL server at ${url ? serverOf(url) : 'DATABASE_URL'} (${reason}). Is it running, and is DATABASE_URL right?`
        : `Cannot open the embedded database (${reason}).`,
    );
  }
  const status = await migrationStatus(database.db);
  if (status.newer)
    throw new StartupError(
      `The database was migrated by a newer version of Actionday (it has ${status.applied} migrations, this version knows ${status.known}). Start the newer version, or restore a backup made by this one.`,
    );
}

/** A round trip to the database: health checks. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
