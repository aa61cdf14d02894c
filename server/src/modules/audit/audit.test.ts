import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Operation, Platform } from '@actionday/shared';
import { and, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../db/database.js';
import { type Session, TestApp, testConfig } from '../../test/test-app.js';
import { auditEvents } from './audit.table.js';

describe('the audit trail', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let nl: Session;
  let platforms: Platform[];

  beforeAll(async () => {
    t = await TestApp.create();
    ({ operation, coordinator } = await t.operation());
    nl = await t.member(operation.id, coordinator, 'investigator', 'NL');
    platforms = (
      await t.request(
        coordinator,
        'POST',
        `/api/operations/${operation.id}/platforms`,
        Array.from({ length: 40 }, (_, i) => ({ name: `A${i}`, url: `https://a${i}.example.org`, category: 'forum' })),
      )
    ).json<Platform[]>();
  });
  afterAll(() => t.close());

  const verify = async () =>
    (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit/verify`)).json();

  it('many simultaneous changes still form one unbroken chain', async () => {
    const people = await t.members(operation.id, 20, 'investigator', 'BE');
    await Promise.all(
      platforms.map((p, i) => t.request(people[i % 20] as Session, 'POST', `/api/platforms/${p.id}/claim`)),
    );
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true, problems: [] });
    expect(verdict.count).toBeGreaterThan(40);
  });

  it('sign-ins, failed sign-ins and permission refusals are recorded with who and from where', async () => {
    await t.request(null, 'POST', '/api/session', { email: nl.email, password: 'wrong-password!' });
    await t.signIn(nl.email, nl.password);
    await t.request(nl, 'POST', `/api/operations/${operation.id}/invites`, {
      role: 'coordinator',
      country: 'NL',
      agency: 'x',
    });
    const rows = await t.app.deps.db.select().from(auditEvents);
    expect(rows.find((r) => r.action === 'auth.sign_in_failed' && r.actorId === nl.userId)).toMatchObject({
      ip: '127.0.0.1',
      chain: 'global',
    });
    expect(rows.find((r) => r.action === 'auth.refused' && r.actorId === nl.userId)).toMatchObject({
      operationId: operation.id,
      details: { code: 'auth.forbidden', method: 'POST', route: '/api/operations/:operationId/invites' },
    });
    expect(rows.some((r) => r.action === 'auth.signed_in' && r.actorId === nl.userId)).toBe(true);
  });

  it('a coordinator reads and exports the log; others may not', async () => {
    const json = await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit`);
    expect(json.statusCode).toBe(200);
    const csv = await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit?format=csv`);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.body.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data.length).toBeGreaterThanOrEqual(json.json().length);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['at', 'actorId', 'action', 'hash', 'prevHash']));
    expect((await t.request(nl, 'GET', `/api/operations/${operation.id}/audit`)).statusCode).toBe(403);
    expect((await t.request(nl, 'GET', `/api/operations/${operation.id}/audit/verify`)).statusCode).toBe(403);
  });

  it('an edited row is detected', async () => {
    const { db } = t.app.deps;
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, operation.id), eq(auditEvents.chainIndex, 3)));
    await db
      .update(auditEvents)
      .set({ action: 'platform.released' })
      .where(eq(auditEvents.id, row?.id as number));
    const verdict = await verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toContainEqual({ chainIndex: 3, id: row?.id, problem: 'hash_mismatch' });
    await db
      .update(auditEvents)
      .set({ action: row?.action as string })
      .where(eq(auditEvents.id, row?.id as number));
    expect((await verify()).ok).toBe(true);
  });

  it('a deleted row is detected', async () => {
    const { db } = t.app.deps;
    await db.execute(sql`delete from audit_events where chain = ${operation.id} and chain_index = 5`);
    const verdict = await verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.map((p: { problem: string }) => p.problem)).toEqual(
      expect.arrayContaining(['missing_row', 'broken_link']),
    );
  });
});

describe('the verify command', () => {
  it('exits 0 on an intact embedded database and 1 once a row was altered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'actionday-audit-cli-'));
    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    const app = await buildApp({
      config: testConfig({ dataDir, admin: { email: 'boss@example.org', password: 'a-long-password-1' } }),
      database,
      logger: false,
      clientDir: false,
      claimSweepMs: 0,
    });
    await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'boss@example.org', password: 'a-long-password-1' },
    });
    await app.close();

    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/audit-verify.ts')], {
        cwd: root,
        env: { ...process.env, ACTIONDAY_DATA_DIR: dataDir, DATABASE_URL: '' },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const intact = await run();
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/^ok +global: 2 rows/m);

    const again = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    await again.db.execute(sql`update audit_events set ip = '10.0.0.1' where chain_index = 1`);
    await again.close();
    const tampered = await run();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('hash_mismatch');
  }, 60_000);
});
