import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditVerdict, Platform } from '@actionday/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { TestApp } from '../../test/test-app.js';
import { entryLeafHash } from './audit.entry.js';
import { integrateBatch } from './audit.integrate.js';
import { HEAD_KEY_FILE, headSigner } from './audit.keys.js';
import { auditEvents } from './audit.table.js';
import { auditLogOf, positionsOf, unbroken } from './audit.testing.js';

const problems = (verdict: AuditVerdict) => verdict.problems.map((p) => p.problem);

describe.shuffle('a tampered audit log is detected', () => {
  let t: TestApp;
  let db: Db;

  beforeAll(async () => {
    t = await TestApp.create();
    db = t.app.deps.db;
  });
  afterAll(() => t.close());

  /** A fresh operation whose log holds a dozen integrated entries: created, platforms listed, claims and releases. */
  async function dayWithALog() {
    const { operation, coordinator } = await t.seed({ operation: { claimLimit: 10 } });
    const platforms = (
      await t.request(
        coordinator,
        'POST',
        `/api/operations/${operation.id}/platforms`,
        Array.from({ length: 6 }, (_, i) => ({ name: `P${i}`, url: `https://p${i}.example.org`, category: 'forum' })),
      )
    ).json<Platform[]>();
    for (const p of platforms) await t.request(coordinator, 'POST', `/api/platforms/${p.id}/claim`);
    for (const p of platforms.slice(0, 4)) await t.request(coordinator, 'POST', `/api/platforms/${p.id}/release`);
    const log = auditLogOf(t, coordinator, operation.id);
    const intact = await log.settled();
    expect(intact).toMatchObject({ ok: true, problemCount: 0 });
    expect(intact.count).toBeGreaterThanOrEqual(12);
    const at = async (position: number) => {
      const [row] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, operation.id), eq(auditEvents.position, position)));
      if (!row) throw new Error(`no entry at ${position}`);
      return row;
    };
    return { chain: operation.id, log, intact, at };
  }

  it('an edited entry: its leaf no longer matches, and neither does any head after it', async () => {
    const { log, at } = await dayWithALog();
    const row = await at(3);
    await db.update(auditEvents).set({ action: 'platform.released' }).where(eq(auditEvents.id, row.id));
    const verdict = await log.verify();
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toContainEqual({ problem: 'entry_altered', position: 3, id: row.id, size: null });
    expect(problems(verdict)).toContain('root_mismatch');
    await db.update(auditEvents).set({ action: row.action }).where(eq(auditEvents.id, row.id));
    expect((await log.verify()).ok).toBe(true);
  });

  it('an edited entry whose leaf hash was re-computed too: the heads’ roots give it away', async () => {
    const { log, at } = await dayWithALog();
    const row = await at(2);
    const forged = { ...row, ip: '10.6.6.6' };
    await db
      .update(auditEvents)
      .set({ ip: forged.ip, leafHash: entryLeafHash(forged) })
      .where(eq(auditEvents.id, row.id));
    const verdict = await log.verify();
    expect(problems(verdict)).not.toContain('entry_altered');
    expect(problems(verdict)).toEqual(expect.arrayContaining(['root_mismatch', 'node_mismatch']));
  });

  it('a removed entry leaves a hole at its place', async () => {
    const { log, at, intact } = await dayWithALog();
    const row = await at(5);
    await db.delete(auditEvents).where(eq(auditEvents.id, row.id));
    const verdict = await log.verify();
    expect(verdict).toMatchObject({ ok: false, count: intact.count - 1 });
    expect(verdict.problems).toContainEqual({ problem: 'entry_missing', position: 5, id: null, size: null });
  });

  it('an entry inserted into the middle, the others moved up to make room', async () => {
    const { chain, log, at } = await dayWithALog();
    const template = await at(4);
    // two steps, so the unique place of each entry holds at every row
    await db.execute(
      sql`update audit_events set position = position + 1000000 where chain = ${chain} and position >= 4`,
    );
    await db.execute(
      sql`update audit_events set position = position - 999999 where chain = ${chain} and position >= 1000000`,
    );
    const { chain: c, at: when, actorId, operationId, targetType, targetId, ip } = template;
    const inserted = {
      chain: c,
      at: when,
      actorId,
      operationId,
      targetType,
      targetId,
      ip,
      action: 'platform.checked',
      details: { verdict: 'no_indicators' },
    };
    await db.insert(auditEvents).values({ ...inserted, leafHash: entryLeafHash(inserted), position: 4 });
    const verdict = await log.verify();
    expect(problems(verdict)).not.toContain('entry_altered');
    expect(verdict.problems).toContainEqual(expect.objectContaining({ problem: 'root_mismatch' }));
  });

  it('two entries swapped in order', async () => {
    const { chain, log, at } = await dayWithALog();
    const [a, b] = [await at(2), await at(7)];
    await db.execute(sql`update audit_events set position = -1 where id = ${a.id}`);
    await db.execute(sql`update audit_events set position = 2 where id = ${b.id}`);
    await db.execute(sql`update audit_events set position = 7 where id = ${a.id}`);
    expect(await positionsOf(db, chain)).toEqual(unbroken((await log.verify()).count));
    const verdict = await log.verify();
    expect(verdict.ok).toBe(false);
    expect(problems(verdict)).toContain('root_mismatch');
    expect(problems(verdict)).not.toContain('entry_missing');
  });

  it('a removed tail, with its heads and subtrees trimmed to match, is caught by the head kept from before', async () => {
    const { chain, log, intact } = await dayWithALog();
    const kept = intact.head;
    const cut = (kept?.size ?? 0) - 3;
    await db.execute(sql`delete from audit_events where chain = ${chain} and position >= ${cut}`);
    await db.execute(
      sql`delete from audit_nodes where chain = ${chain} and (node_index + 1) * power(2, level) > ${cut}`,
    );
    await db.execute(sql`delete from audit_heads where chain = ${chain} and tree_size > ${cut}`);
    // what is left is a perfectly good smaller log…
    const trimmed = await log.verify();
    expect(trimmed).toMatchObject({ ok: true, count: cut });
    // …but not one that extends the head printed in the report
    const anchored = await log.verify(`?head=${kept?.size}:${kept?.root}`);
    expect(anchored.ok).toBe(false);
    expect(anchored.anchor).toMatchObject({ extended: false });
    expect(anchored.problems).toContainEqual({
      problem: 'anchor_beyond_log',
      position: null,
      id: null,
      size: kept?.size,
    });
  });

  it('a removed tail whose heads were left behind shows against them even without a kept head', async () => {
    const { chain, log, intact } = await dayWithALog();
    await db.execute(sql`delete from audit_events where chain = ${chain} and position >= ${intact.count - 2}`);
    const verdict = await log.verify();
    expect(problems(verdict)).toContain('head_beyond_log');
  });

  it('a head kept from before that the log does not contain: a different root at that size', async () => {
    const { log, intact } = await dayWithALog();
    const wrong = `${intact.head?.size}:${'0'.repeat(64)}`;
    const verdict = await log.verify(`?head=${wrong}`);
    expect(verdict.anchor).toMatchObject({ extended: false });
    expect(problems(verdict)).toContain('anchor_mismatch');
  });

  it('a log rebuilt from edited entries by someone without the server’s key fails on the head signatures', async () => {
    const { chain, log, at } = await dayWithALog();
    const row = await at(1);
    const forgerDir = mkdtempSync(join(tmpdir(), 'actionday-forger-'));
    writeFileSync(
      join(forgerDir, HEAD_KEY_FILE),
      generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`);
      const forged = { ...row, targetId: 'another-platform' };
      await tx
        .update(auditEvents)
        .set({ targetId: forged.targetId, leafHash: entryLeafHash(forged) })
        .where(eq(auditEvents.id, row.id));
      await tx.execute(sql`delete from audit_heads where chain = ${chain}`);
      await tx.execute(sql`delete from audit_nodes where chain = ${chain}`);
      await tx.execute(sql`update audit_events set position = null where chain = ${chain}`);
      await integrateBatch(tx, headSigner(forgerDir), chain, new Date(), { wait: true });
    });
    const verdict = await log.verify();
    expect(problems(verdict)).toEqual(['bad_signature']);
  });

  it('entries from before the tree are given their places in their old order at the first integration', async () => {
    const { chain, log, intact } = await dayWithALog();
    const old = await db.select().from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(asc(auditEvents.id));
    // as the migration leaves them: no leaf hash, no place, no tree
    await db.execute(sql`delete from audit_heads where chain = ${chain}`);
    await db.execute(sql`delete from audit_nodes where chain = ${chain}`);
    await db.execute(sql`update audit_events set position = null, leaf_hash = null where chain = ${chain}`);
    const verdict = await log.settled();
    expect(verdict).toMatchObject({ ok: true, count: intact.count, head: { root: intact.head?.root } });
    const again = await db.select().from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(asc(auditEvents.id));
    expect(again.map((r) => r.position)).toEqual(old.map((r) => r.position));
    expect(again.map((r) => r.leafHash)).toEqual(old.map((r) => r.leafHash));
  });
});
