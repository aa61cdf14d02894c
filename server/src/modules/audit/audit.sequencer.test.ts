import type { Operation, Platform } from '@actionday/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';
import { headSigner } from './audit.keys.js';
import { AuditSequencer } from './audit.sequencer.js';
import { auditEvents, auditHeads } from './audit.table.js';
import { auditLogOf, positionsOf, unbroken } from './audit.testing.js';

describe('the sequencer', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let people: Session[];
  let platforms: Platform[];

  beforeAll(async () => {
    t = await TestApp.create();
    ({ operation, coordinator } = await t.operation({ claimLimit: 20 }));
    people = await t.members(operation.id, 20, 'investigator', 'NL');
    platforms = (
      await t.request(
        coordinator,
        'POST',
        `/api/operations/${operation.id}/platforms`,
        Array.from({ length: 100 }, (_, i) => ({ name: `S${i}`, url: `https://s${i}.example.org`, category: 'forum' })),
      )
    ).json<Platform[]>();
  });
  afterAll(() => t.close());

  it('several sequencers racing over one database, under hundreds of concurrent appends, never skip or repeat a place', async () => {
    const { db, config, now } = t.app.deps;
    const rivals = Array.from(
      { length: 3 },
      () =>
        new AuditSequencer(
          { db, signer: headSigner(config.dataDir), now, log: t.app.log },
          { delayMs: 2, sweepMs: 25 },
        ),
    );
    for (const rival of rivals) rival.start();
    try {
      await Promise.all([
        ...platforms.map((p, i) => t.request(people[i % 20] as Session, 'POST', `/api/platforms/${p.id}/claim`)),
        ...people.flatMap((p) =>
          Array.from({ length: 5 }, () => t.request(p, 'GET', `/api/operations/${operation.id}/findings`)),
        ),
      ]);
      const verdict = await auditLogOf(t, coordinator, operation.id).settled();
      expect(verdict).toMatchObject({ ok: true, problemCount: 0 });
      expect(verdict.count).toBeGreaterThanOrEqual(200);
      expect(await positionsOf(db, operation.id)).toEqual(unbroken(verdict.count));
      // the appends were integrated in many batches, each a head that every later one extends (verify re-computed them all)
      expect(verdict.heads).toBeGreaterThan(1);
    } finally {
      await Promise.all(rivals.map((r) => r.stop()));
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'a writer never waits for the sequencer: changes commit while a batch holds the chain',
    async () => {
      const { db } = t.app.deps;
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked: () => void = () => {};
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const batch = db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${operation.id}`}))`);
        locked();
        await held;
      });
      await lockTaken;
      const before = (await db.select().from(auditHeads).where(eq(auditHeads.chain, operation.id))).length;
      // if an append waited for the chain's lock, these would never answer while it is held
      const answers = await Promise.all(
        people.map((p) => t.request(p, 'GET', `/api/operations/${operation.id}/findings`)),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => 200));
      const waiting = await db.select().from(auditEvents).where(eq(auditEvents.action, 'finding.list_read'));
      expect(waiting.filter((r) => r.position === null).length).toBeGreaterThanOrEqual(people.length);
      expect((await db.select().from(auditHeads).where(eq(auditHeads.chain, operation.id))).length).toBe(before);
      release();
      await batch;
      expect(await auditLogOf(t, coordinator, operation.id).settled()).toMatchObject({ ok: true });
    },
  );
});
