import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openDatabase } from '../db/database.js';
import { TEMPLATE_ENV, databaseUrl, migrationsHash } from './test-database.js';

/**
 * Vitest global setup: migrates a database once and leaves it as a template that every test file clones
 * (server/src/test/test-database.ts). Migrating takes seconds on PGlite; loading a dump or cloning a template
 * database takes a fraction of that. Templates are keyed by a hash of the migrations and kept between runs,
 * so running single tests (scripts/tests-alone.mjs) pays for the migrations once.
 */
export default async function setup(): Promise<void> {
  const hash = migrationsHash();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) process.env[TEMPLATE_ENV.postgres] = await postgresTemplate(serverUrl, hash);
  else process.env[TEMPLATE_ENV.pglite] = await pgliteTemplate(hash);
}

/** A dump of a migrated PGlite data directory, in the system's temporary folder. */
async function pgliteTemplate(hash: string): Promise<string> {
  // the package's own version, read beside its entry point (its package.json is not exported)
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = join(entry.slice(0, entry.lastIndexOf('/dist/')), 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const dir = join(tmpdir(), 'actionday-test-templates');
  const file = join(dir, `pglite-${version}-${hash}.tar`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ memory: true });
  try {
    await database.migrate();
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    // written beside, then renamed: a parallel run never reads half a file
    const partial = `${file}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await database.close();
  }
  return file;
}

/** A migrated template database on the PostgreSQL server, made under a temporary name and renamed when complete. */
async function postgresTemplate(serverUrl: string, hash: string): Promise<string> {
  const name = `actionday_template_${hash}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const exists = async () => (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
    if (await exists()) return name;
    const building = `${name}_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${building}`);
    const database = await openDatabase({ url: databaseUrl(serverUrl, building) });
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
    try {
      await admin.unsafe(`alter database ${building} rename to ${name}`);
    } catch (error) {
      // another run finished first
      await admin.unsafe(`drop database ${building} with (force)`);
      if (await exists()) return name;
      throw error;
    }
    // no connections: a connected template cannot be cloned
    await admin.unsafe(`alter database ${name} with is_template true allow_connections false`);
    return name;
  } finally {
    await admin.end({ timeout: 5 });
  }
}
