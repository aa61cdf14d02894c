import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { TestApp, testConfig } from '../test/test-app.js';
import { openTestDatabase } from '../test/test-database.js';
import { lockDataDir } from './database.js';

describe('health, readiness and startup', () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('answers ready when the database answers, every migration is applied and evidence can be written', async () => {
    t = await TestApp.create();
    expect((await t.request(null, 'GET', '/api/health')).statusCode).toBe(200);
    const ready = await t.request(null, 'GET', '/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      ok: true,
      checks: { database: { ok: true }, migrations: { ok: true }, evidence: { ok: true } },
    });
  });

  it('is alive but not ready when evidence cannot be written, and says why', async () => {
    t = await TestApp.create();
    const evidenceDir = join(t.app.deps.config.dataDir, 'evidence');
    await rm(evidenceDir, { recursive: true, force: true });
    // a file where the evidence folder should be: nothing can be stored under it
    await writeFile(evidenceDir, 'not a folder');
    expect((await t.request(null, 'GET', '/api/health')).statusCode).toBe(200);
    const ready = await t.request(null, 'GET', '/api/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error).toMatchObject({ code: 'server.not_ready' });
    expect(ready.json().error.message).toMatch(/^The server is not ready: evidence: /);
  });

  it('refuses to start on a database a newer version has migrated, with a message saying so', async () => {
    const database = await openTestDatabase();
    await database.migrate();
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-the-future', ${Date.now() + 365 * 86_400_000})`,
    );
    await expect(
      buildApp({ config: testConfig(), database, logger: false, clientDir: false, bootstrap: false }),
    ).rejects.toThrow(/migrated by a newer version of Actionday/);
    await database.close();
  });

  it('opens an embedded database in one process at a time, taking over the lock of a process that is gone', async () => {
    // the lock openDatabase takes for a data directory, before PGlite opens it
    const dir = join(mkdtempSync(join(tmpdir(), 'actionday-lock-')), 'pglite');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(`${dir}.lock`, `${gone}\n`);
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(
      new RegExp(`in use by process ${process.pid} .*Stop it first: one process at a time may open it`),
    );
    await release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    await (await lockDataDir(dir))();
  });

  it('refuses to start without a reachable PostgreSQL server, naming the server but not its password', async () => {
    const start = buildApp({
      config: testConfig({ databaseUrl: 'postgres://actionday:secret-password@127.0.0.1:9/actionday' }),
      logger: false,
      clientDir: false,
      bootstrap: false,
    });
    await expect(start).rejects.toThrow(/Cannot reach the PostgreSQL server at 127\.0\.0\.1:9\/actionday/);
    await expect(start).rejects.not.toThrow(/secret-password/);
  });
});
