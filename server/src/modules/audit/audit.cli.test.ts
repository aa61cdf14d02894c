import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Operation } from '@actionday/shared';
import { desc, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../db/database.js';
import { eventually, testConfig } from '../../test/test-app.js';
import { auditEvents, auditHeads } from './audit.table.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

// the command exactly as the README writes it, through pnpm, against an embedded database the server left behind
describe('pnpm audit:verify', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionday-audit-cli-'));
  const pglite = join(dataDir, 'pglite');
  let operation: Operation;
  let head: { size: number; root: string };

  // the pnpm that runs this suite (`pnpm test` sets npm_execpath), else the one the README installs with
  // (pnpm 12 is a native executable; older ones are a script for node)
  const execpath = process.env.npm_execpath ?? '';
  const pnpm: [string, string[]] = !execpath.includes('pnpm')
    ? ['npx', ['-y', 'pnpm@12.21.0']]
    : /\.[cm]?js$/.test(execpath)
      ? [process.execPath, [execpath]]
      : [execpath, []];
  const run = (...args: string[]) =>
    promisify(execFile)(pnpm[0], [...pnpm[1], '--silent', 'audit:verify', ...args], {
      cwd: root,
      env: { ...process.env, ACTIONDAY_DATA_DIR: dataDir, DATABASE_URL: '' },
    }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );

  beforeAll(async () => {
    const admin = { email: 'boss@example.org', password: 'a-long-password-1' };
    const database = await openDatabase({ dataDir: pglite });
    const app = await buildApp({ config: testConfig({ dataDir, admin }), database, logger: false, clientDir: false });
    const signedIn = await app.inject({ method: 'POST', url: '/api/session', payload: admin });
    const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    operation = (
      await app.inject({
        method: 'POST',
        url: '/api/operations',
        headers: { cookie },
        payload: {
          name: 'Verified day',
          startsAt: '2022-09-06T06:00:00Z',
          endsAt: '2022-09-06T18:00:00Z',
          timeZone: 'Europe/Amsterdam',
        },
      })
    ).json<Operation>();
    for (let i = 0; i < 3; i++)
      await app.inject({ method: 'GET', url: `/api/operations/${operation.id}/findings`, headers: { cookie } });
    await eventually(async () => {
      expect(await database.db.select().from(auditEvents).where(isNull(auditEvents.position))).toEqual([]);
    }, 10_000);
    const [latest] = await database.db
      .select()
      .from(auditHeads)
      .where(eq(auditHeads.chain, operation.id))
      .orderBy(desc(auditHeads.treeSize))
      .limit(1);
    head = { size: latest?.treeSize ?? 0, root: latest?.rootHash ?? '' };
    await app.close();
  }, 60_000);

  it('checks every chain, or one operation given after `--`, and a head kept from before', async () => {
    const all = await run();
    expect(all.code, all.err).toBe(0);
    expect(all.out).toMatch(/^ok +global: \d+ entries \(0 waiting\), head \d+ [0-9a-f]{16}…$/m);
    expect(all.out).toMatch(new RegExp(`^ok +${operation.id}: ${head.size} entries`, 'm'));

    const one = await run('--', '--operation', operation.id, '--head', `${head.size}:${head.root}`);
    expect(one.err).not.toContain('ERR_PARSE_ARGS');
    expect(one.code).toBe(0);
    expect(one.out).not.toMatch(/global/);
    expect(one.out).toContain(`extends the given head ${head.size}:${head.root.slice(0, 16)}`);
  }, 60_000);

  it('refuses a malformed head with its usage, and a head without an operation', async () => {
    const bad = await run('--', '--operation', operation.id, '--head', '12:xyz');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('usage: pnpm audit:verify');
    expect((await run('--', '--head', `${head.size}:${head.root}`)).code).toBe(2);
  }, 60_000);

  it('exits 1 once an entry was edited, and once the tail after the kept head was cut off', async () => {
    const database = await openDatabase({ dataDir: pglite });
    await database.db.execute(sql`update audit_events set ip = '10.0.0.1' where chain = 'global' and position = 0`);
    await database.close();
    const edited = await run();
    expect(edited.code).toBe(1);
    expect(edited.out).toMatch(/^BROKEN global/m);
    expect(edited.out).toContain('entry_altered (position 0');

    const again = await openDatabase({ dataDir: pglite });
    const cut = head.size - 1;
    await again.db.execute(sql`delete from audit_events where chain = ${operation.id} and position >= ${cut}`);
    await again.db.execute(
      sql`delete from audit_nodes where chain = ${operation.id} and (node_index + 1) * power(2, level) > ${cut}`,
    );
    await again.db.execute(sql`delete from audit_heads where chain = ${operation.id} and tree_size > ${cut}`);
    await again.close();
    expect((await run('--', '--operation', operation.id)).code).toBe(0);
    const anchored = await run('--', '--operation', operation.id, '--head', `${head.size}:${head.root}`);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toContain('does NOT extend the given head');
    expect(anchored.out).toContain(`anchor_beyond_log (head ${head.size})`);
  }, 60_000);
});
