import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';
import { type Database, migrationsFolder, openDatabase } from '../db/database.js';

/**
 * Where the migrated template lives, set by the global setup (server/src/test/global-setup.ts) for every
 * test worker: a PGlite data directory dump (a tar file), or a template database on the PostgreSQL server.
 */
export const TEMPLATE_ENV = { pglite: 'ACTIONDAY_TEST_PGLITE_TEMPLATE', postgres: 'ACTIONDAY_TEST_PG_TEMPLATE' };

/** A fingerprint of the migrations: a template made from other migrations is never reused. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(name).update(readFileSync(path));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 12);
}

/** The PostgreSQL server's URL with another database name. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A fresh database for one test file: a clone of the migrated template (a new database on the PostgreSQL
 * server named by TEST_DATABASE_URL, else an in-memory PGlite loaded from the template's dump). Without a
 * template (no global setup), or with `empty`, a database without any migration applied.
 * Closing it drops the server database.
 */
export async function openTestDatabase(options: { empty?: boolean } = {}): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dump = options.empty ? undefined : process.env[TEMPLATE_ENV.pglite];
    if (!dump) return openDatabase({ memory: true });
    pgliteTemplate ??= readFile(dump).then((bytes) => new Blob([bytes]));
    return openDatabase({ memory: true, loadDataDir: await pgliteTemplate });
  }
  const template = options.empty ? undefined : process.env[TEMPLATE_ENV.postgres];
  const name = `actionday_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const database = await openDatabase({ url: databaseUrl(serverUrl, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
