import type { AuditVerdict, Operation, Platform, Report } from '@actionday/shared';
import { eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/database.js';
import { type Session, TestApp } from '../../test/test-app.js';
import { entryLeafHash } from './audit.entry.js';
import { verifyConsistency, verifyInclusion } from './audit.merkle.js';
import { recordAudit } from './audit.service.js';
import { auditEvents } from './audit.table.js';
import { auditLogOf, positionsOf, unbroken } from './audit.testing.js';

const bytes = (hex: string) => Buffer.from(hex, 'hex');

describe.shuffle('the audit log', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let nl: Session;
  let platforms: Platform[];
  let log: ReturnType<typeof auditLogOf>;

  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  // every test in an operation (an audit chain) of its own
  beforeEach(async () => {
    const w = await t.seed({
      members: { nl: ['investigator', 'NL'] },
      platforms: Array.from({ length: 40 }, (_, i) => ({
        name: `A${i}`,
        url: `https://a${i}.example.org`,
        category: 'forum' as const,
      })),
    });
    ({ operation, coordinator, platforms } = w);
    ({ nl } = w.members);
    log = auditLogOf(t, coordinator, operation.id);
  });

  /** Twenty investigators claim every platform and read the findings, all at once. */
  const busyMorning = async () => {
    const people = await t.members(operation.id, 20, 'investigator', 'BE');
    await Promise.all([
      ...platforms.map((p, i) => t.request(people[i % 20] as Session, 'POST', `/api/platforms/${p.id}/claim`)),
      ...people.map((p) => t.request(p, 'GET', `/api/operations/${operation.id}/findings`)),
    ]);
  };

  it('many simultaneous changes and reads end up as one log: every entry in exactly one place, none skipped', async () => {
    await busyMorning();
    const verdict = await log.settled();
    expect(verdict).toMatchObject({ ok: true, problems: [], signatures: 'checked' });
    expect(verdict.count).toBeGreaterThan(60);
    expect(await positionsOf(t.app.deps.db, operation.id)).toEqual(unbroken(verdict.count));
  });

  it('an entry whose transaction commits after later ones gets a later place, not a skipped one', async () => {
    const { db } = t.app.deps;
    // its id is taken first (as by a transaction that began early), its row arrives after newer ones were integrated
    const [reserved] = rowsOf<{ id: string }>(
      await db.execute(sql`select nextval(pg_get_serial_sequence('audit_events', 'id')) as id`),
    );
    await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit`);
    const before = await log.settled();
    const late = {
      id: Number(reserved?.id),
      chain: operation.id,
      at: new Date(),
      actorId: nl.userId,
      operationId: operation.id,
      action: 'finding.list_read',
      targetType: null,
      targetId: null,
      details: {},
      ip: '127.0.0.1',
    };
    await db.insert(auditEvents).values({ ...late, leafHash: entryLeafHash(late) });
    const after = await log.settled();
    expect(after.ok).toBe(true);
    expect(after.count).toBe(before.count + 1);
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, late.id));
    expect(row?.position).toBe(before.count);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'a change that is still open while others commit is integrated once it commits',
    async () => {
      await busyMorning();
      const { db } = t.app.deps;
      let commit: () => void = () => {};
      const open = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let recorded: () => void = () => {};
      const written = new Promise<void>((resolve) => {
        recorded = resolve;
      });
      const slow = db.transaction(async (tx) => {
        await recordAudit(tx, { userId: nl.userId, ip: null }, { operationId: operation.id, action: 'test.slow' });
        recorded();
        await open;
      });
      await written;
      await Promise.all(
        platforms.slice(0, 5).map((p) => t.request(coordinator, 'POST', `/api/platforms/${p.id}/release`)),
      );
      const meanwhile = await log.settled();
      commit();
      await slow;
      const after = await log.settled();
      expect(after).toMatchObject({ ok: true, count: meanwhile.count + 1 });
      const [row] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'test.slow'));
      expect(row?.position).toBe(meanwhile.count);
    },
  );

  it('sign-ins, failed sign-ins and permission refusals are recorded with who and from where', async () => {
    // signs in with a password of their own
    const nl = await t.member(operation.id, coordinator, 'investigator', 'NL');
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

  it('a coordinator reads and exports the log in its order, with each entry’s place; others may not', async () => {
    await busyMorning();
    await log.settled();
    const json = await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit`);
    expect(json.statusCode).toBe(200);
    const entries = json.json<{ position: number | null; leafHash: string; action: string }[]>();
    expect(entries.map((e) => e.position)).toEqual(unbroken(entries.length));
    expect(entries[0]).toMatchObject({
      action: 'operation.created',
      leafHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const csv = await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit?format=csv`);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.body.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data.length).toBeGreaterThan(entries.length);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['at', 'actorId', 'action', 'position', 'leafHash']));
    expect(parsed.data[0]?.position).toBe('0');
    expect((await t.request(nl, 'GET', `/api/operations/${operation.id}/audit`)).statusCode).toBe(403);
    expect((await t.request(nl, 'GET', `/api/operations/${operation.id}/audit/verify`)).statusCode).toBe(403);
  });

  it('proves an entry is in the log, and that a later head extends an earlier one, as RFC 9162 checks them', async () => {
    await busyMorning();
    const earlier = await log.settled();
    const entry = (await t.app.deps.db.select().from(auditEvents).where(eq(auditEvents.chain, operation.id))).find(
      (r) => r.action === 'platform.claimed',
    );
    const proved = await log.verify(`?entry=${entry?.id}`);
    const inclusion = proved.inclusion as NonNullable<AuditVerdict['inclusion']>;
    expect(inclusion).toMatchObject({ id: entry?.id, position: entry?.position, verified: true });
    const root = bytes(proved.head?.root ?? '');
    expect(
      verifyInclusion(inclusion.position, inclusion.treeSize, bytes(inclusion.leaf), inclusion.path.map(bytes), root),
    ).toBe(true);
    expect(
      verifyInclusion(
        inclusion.position,
        inclusion.treeSize,
        bytes(entryLeafHash({ ...(entry as NonNullable<typeof entry>), action: 'platform.released' })),
        inclusion.path.map(bytes),
        root,
      ),
    ).toBe(false);

    await Promise.all(
      platforms.slice(10, 17).map((p) => t.request(coordinator, 'POST', `/api/platforms/${p.id}/release`)),
    );
    const later = await log.settled();
    const anchored = await log.verify(`?head=${earlier.head?.size}:${earlier.head?.root}`);
    const anchor = anchored.anchor as NonNullable<AuditVerdict['anchor']>;
    expect(anchor).toMatchObject({ extended: true, size: earlier.head?.size });
    expect(later.head?.size).toBeGreaterThan(earlier.head?.size ?? 0);
    expect(
      verifyConsistency(
        earlier.head?.size ?? 0,
        later.head?.size ?? 0,
        (anchor.proof ?? []).map(bytes),
        bytes(earlier.head?.root ?? ''),
        bytes(later.head?.root ?? ''),
      ),
    ).toBe(true);
  });

  it('answers a clear error for a malformed head or an entry that is not in the log', async () => {
    const bad = await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit/verify?head=12:xyz`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid');
    const missing = await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit/verify?entry=999999999`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('audit.entry_not_found');
  });

  it('closing the operation seals its head in the same step, and the report prints that head', async () => {
    const closed = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/status`, { status: 'closed' });
    expect(closed.statusCode).toBe(200);
    const sealed = await t.app.deps.db.execute(
      sql`select tree_size, root_hash from audit_heads where chain = ${operation.id} and sealed`,
    );
    const [head] = rowsOf<{ tree_size: string | number; root_hash: string }>(sealed);
    expect(rowsOf(sealed)).toHaveLength(1);
    // the close itself is the last entry the sealed head holds
    const [last] = await t.app.deps.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.chain} = ${operation.id} and ${auditEvents.position} = ${Number(head?.tree_size) - 1}`);
    expect(last).toMatchObject({ action: 'operation.phase_changed', details: { to: 'closed' } });

    const report = (
      await t.request(coordinator, 'GET', `/api/operations/${operation.id}/report?format=json`)
    ).json<Report>();
    expect(report.auditHead).toMatchObject({ size: Number(head?.tree_size), root: head?.root_hash, sealed: true });
    const anchor = `${head?.tree_size}:${head?.root_hash}`;
    expect(report.statement.en.audit).toContain(anchor);
    expect(report.statement.en.text.endsWith(report.statement.en.audit ?? 'missing')).toBe(true);
    expect(report.statement.nl.audit).toContain(anchor);
    const html = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/report?format=html`)).body;
    expect(html).toContain(anchor);

    // generating the report was audited after the close: the log grew and still extends the sealed head
    const verdict = await log.settled();
    expect(verdict.head?.size).toBeGreaterThan(Number(head?.tree_size));
    expect((await log.verify(`?head=${anchor}`)).anchor).toMatchObject({ extended: true });
  });
});
