import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Operation, Platform } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { eventually, type Session, TestApp } from '../../test/test-app.js';
import { headSigner } from './audit.keys.js';
import { auditHeads } from './audit.table.js';
import { auditLogOf, positionsOf, unbroken } from './audit.testing.js';

const serverUrl = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../../../../', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

// two real server processes (`server/src/main.ts`) on one PostgreSQL database: an embedded database cannot be shared
describe.runIf(serverUrl)('two server processes on one database', () => {
  const name = `actionday_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => {} });
  const dataDir = mkdtempSync(join(tmpdir(), 'actionday-audit-processes-'));
  const servers: ChildProcess[] = [];
  const urls: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl ?? '');
    url.pathname = `/${name}`;
    // this process migrates and seeds; it also runs a sequencer of its own, a third one
    t = await TestApp.create({ database: await openDatabase({ url: url.toString() }), config: { dataDir } });
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: url.toString(),
          ACTIONDAY_DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      servers.push(server);
      urls.push(`http://127.0.0.1:${port}`);
    }
    await eventually(async () => {
      for (const u of urls) expect((await fetch(`${u}/api/health`)).status).toBe(200);
    }, 60_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null) return resolve();
            server.once('exit', () => resolve());
            server.kill('SIGTERM');
          }),
      ),
    );
    await t?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });

  it('appends from both at once give one log: every entry in one place, none skipped, every head signed and consistent', async () => {
    const { operation, coordinator }: { operation: Operation; coordinator: Session } = await t.operation({
      claimLimit: 20,
    });
    const people = await t.members(operation.id, 40, 'investigator', 'NL');
    const platforms = (
      await t.request(
        coordinator,
        'POST',
        `/api/operations/${operation.id}/platforms`,
        Array.from({ length: 200 }, (_, i) => ({ name: `X${i}`, url: `https://x${i}.example.org`, category: 'forum' })),
      )
    ).json<Platform[]>();
    const send = (i: number, method: string, path: string) => {
      const base = urls[i % 2] ?? '';
      const person = people[i % people.length] as Session;
      return fetch(`${base}${path}`, { method, headers: { cookie: person.cookie, origin: base } }).then(
        (r) => r.status,
      );
    };
    const statuses = await Promise.all([
      ...platforms.map((p, i) => send(i, 'POST', `/api/platforms/${p.id}/claim`)),
      ...Array.from({ length: 200 }, (_, i) => send(i, 'GET', `/api/operations/${operation.id}/findings`)),
    ]);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const verdict = await auditLogOf(t, coordinator, operation.id).settled(30_000);
    expect(verdict).toMatchObject({ ok: true, problemCount: 0, signatures: 'checked' });
    expect(verdict.count).toBeGreaterThanOrEqual(400);
    expect(await positionsOf(t.app.deps.db, operation.id)).toEqual(unbroken(verdict.count));
    // verify re-computed every head's root; here every signature too (all three processes sign with the shared key)
    const signer = headSigner(dataDir);
    const heads = await t.app.deps.db.select().from(auditHeads).where(eq(auditHeads.chain, operation.id));
    expect(heads.length).toBe(verdict.heads);
    const unsigned = heads.filter(
      (h) =>
        !signer.verify({ chain: h.chain, size: Number(h.treeSize), root: h.rootHash, at: h.signedAt }, h.signature),
    );
    expect(unsigned).toEqual([]);
  }, 120_000);
});
