import type { Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, type Session, TestApp, eventually, fakeClock } from '../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';
import { expireIdleClaims } from './platforms.claims.js';

describe('claims, verdicts and reopening', () => {
  const clock = fakeClock();
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let anna: Session;
  let bram: Session;
  let observer: Session;
  let n = 0;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, now: clock.now });
    ({ operation, coordinator } = await t.operation({ claimLimit: 2, claimTimeoutMinutes: 20 }));
    anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna');
    bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram');
    observer = await t.member(operation.id, coordinator, 'observer', 'NL');
  });
  afterAll(() => t.close());

  async function newPlatform(): Promise<Platform> {
    n++;
    const response = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: `P${n}`,
      url: `https://p${n}.example.org`,
      category: 'forum',
    });
    return response.json<Platform>();
  }
  const post = (session: Session, platform: Platform, verb: string, body?: unknown) =>
    t.request(session, 'POST', `/api/platforms/${platform.id}/${verb}`, body);
  const joined = async (session: Session): Promise<ClientSocket> => {
    const socket = await t.socket(session);
    await socket.emitWithAck('operation:join', { operationId: operation.id });
    return socket;
  };

  it('an investigator cannot hold more open claims than the operation allows', async () => {
    const [a, b, c] = [await newPlatform(), await newPlatform(), await newPlatform()];
    expect((await post(anna, a, 'claim')).statusCode).toBe(200);
    expect((await post(anna, b, 'claim')).statusCode).toBe(200);
    const third = await post(anna, c, 'claim');
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toMatchObject({ code: 'platforms.claim_limit', details: { params: { limit: 2 } } });
    // finishing one frees a place
    expect((await post(anna, a, 'verdict', { verdict: 'no_indicators', followUp: false })).statusCode).toBe(200);
    expect((await post(anna, c, 'claim')).statusCode).toBe(200);
    await post(anna, b, 'release');
    await post(anna, c, 'release');
  });

  it('the holder releases a claim and everybody sees the platform back in the pool', async () => {
    const p = await newPlatform();
    const bramSocket = await joined(bram);
    const seen: string[] = [];
    bramSocket.on('platform:released', ({ platform, previousHolderId }) => {
      if (platform.id === p.id) seen.push(`${platform.status}:${previousHolderId}`);
    });
    await post(anna, p, 'claim');
    expect((await post(bram, p, 'release')).json().error.code).toBe('platforms.not_holder');
    const released = await post(anna, p, 'release');
    expect(released.json()).toMatchObject({ status: 'unchecked', claimedBy: null });
    await eventually(() => expect(seen).toEqual([`unchecked:${anna.memberId}`]));
    expect((await post(anna, p, 'release')).json().error.code).toBe('platforms.not_claimed');
  });

  it('a verdict is for the holder or a coordinator, only on a claimed platform', async () => {
    const p = await newPlatform();
    const early = await post(anna, p, 'verdict', { verdict: 'suspected', followUp: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('platforms.not_claimed');
    await post(anna, p, 'claim');
    const notMine = await post(bram, p, 'verdict', { verdict: 'suspected', followUp: true });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('platforms.not_holder');
    const bad = await post(anna, p, 'verdict', { verdict: 'guilty', followUp: true });
    expect(bad.statusCode).toBe(400);
    const checked = await post(anna, p, 'verdict', {
      verdict: 'suspected',
      followUp: true,
      summary: 'Ads with shared phone numbers',
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({
      status: 'checked',
      verdict: 'suspected',
      followUp: true,
      checkedBy: anna.memberId,
      summary: 'Ads with shared phone numbers',
    });
    expect((await post(anna, p, 'verdict', { verdict: 'confirmed', followUp: true })).json().error.code).toBe(
      'platforms.not_claimed',
    );

    const q = await newPlatform();
    await post(bram, q, 'claim');
    expect((await post(coordinator, q, 'verdict', { verdict: 'confirmed', followUp: true })).json()).toMatchObject({
      verdict: 'confirmed',
    });
  });

  it('a coordinator reopens a checked platform; the old verdict stays in the audit log', async () => {
    const p = await newPlatform();
    await post(anna, p, 'claim');
    await post(anna, p, 'verdict', { verdict: 'confirmed', followUp: true });
    expect((await post(anna, p, 'reopen')).statusCode).toBe(403);
    const reopened = await post(coordinator, p, 'reopen');
    expect(reopened.json()).toMatchObject({ status: 'unchecked', verdict: null, followUp: false, checkedBy: null });
    expect((await post(coordinator, p, 'reopen')).json().error.code).toBe('platforms.not_checked');
    const audit = await t.app.deps.db.select().from(auditEvents);
    expect(audit.find((a) => a.action === 'platform.reopened' && a.targetId === p.id)?.details).toEqual({
      previousVerdict: 'confirmed',
      previousFollowUp: true,
    });
  });

  it('a coordinator assigns or reassigns a platform to a participant, within their limit', async () => {
    const p = await newPlatform();
    const assigned = await post(coordinator, p, 'assign', { participantId: bram.memberId });
    expect(assigned.json()).toMatchObject({ status: 'claimed', claimedBy: bram.memberId });
    const reassigned = await post(coordinator, p, 'assign', { participantId: anna.memberId });
    expect(reassigned.json()).toMatchObject({ claimedBy: anna.memberId });
    expect((await post(anna, p, 'assign', { participantId: anna.memberId })).statusCode).toBe(403);
    const toObserver = await post(coordinator, p, 'assign', { participantId: observer.memberId });
    expect(toObserver.statusCode).toBe(400);
    expect(toObserver.json().error.code).toBe('platforms.cannot_hold');
    const stranger = await t.operation();
    expect(
      (await post(coordinator, p, 'assign', { participantId: stranger.coordinator.memberId })).json().error.code,
    ).toBe('operations.member_not_found');
    await post(anna, p, 'release');
  });

  it('an idle claim expires back to the pool, the former holder is told, and a heartbeat keeps a claim alive', async () => {
    const idle = await newPlatform();
    const kept = await newPlatform();
    await post(anna, idle, 'claim');
    await post(bram, kept, 'claim');
    const annaSocket = await joined(anna);
    const coordinatorSocket = await joined(coordinator);
    const annaHeard: { id: string; previous: string | null }[] = [];
    const coordinatorHeard: string[] = [];
    annaSocket.on('platform:expired', ({ platform, previousHolderId }) =>
      annaHeard.push({ id: platform.id, previous: previousHolderId }),
    );
    coordinatorSocket.on('platform:expired', ({ platform }) => coordinatorHeard.push(platform.id));

    const activity: string[] = [];
    coordinatorSocket.on('platform:activity', ({ platformId, lastActivityAt }) =>
      activity.push(`${platformId}@${lastActivityAt}`),
    );
    clock.advance(15);
    expect((await post(bram, kept, 'heartbeat')).statusCode).toBe(200);
    // the coordinator's board sees the sign of life at once
    await eventually(() => expect(activity).toEqual([`${kept.id}@${clock.now().toISOString()}`]));
    expect((await post(anna, kept, 'heartbeat')).json().error.code).toBe('platforms.not_holder');
    expect(await expireIdleClaims(t.app.deps)).toEqual([]);

    clock.advance(10);
    const expired = await expireIdleClaims(t.app.deps);
    expect(expired.map((p) => p.id)).toEqual([idle.id]);
    await eventually(() => {
      expect(annaHeard).toEqual([{ id: idle.id, previous: anna.memberId }]);
      expect(coordinatorHeard).toEqual([idle.id]);
    });
    const list = (await t.request(anna, 'GET', `/api/operations/${operation.id}/platforms`)).json<Platform[]>();
    expect(list.find((p) => p.id === idle.id)).toMatchObject({ status: 'unchecked', claimedBy: null });
    expect(list.find((p) => p.id === kept.id)).toMatchObject({ status: 'claimed', claimedBy: bram.memberId });
    await post(bram, kept, 'release');
  });

  it('every change raises the platform version so clients can drop stale events', async () => {
    const p = await newPlatform();
    const v1 = p.version;
    const v2 = (await post(anna, p, 'claim')).json<Platform>().version;
    const v3 = (await post(anna, p, 'release')).json<Platform>().version;
    expect(v2).toBeGreaterThan(v1);
    expect(v3).toBeGreaterThan(v2);
  });
});

describe('the race for the board', () => {
  it('200 investigators racing for 114 platforms: no platform held twice and nobody above their limit', {
    timeout: 90_000,
  }, async () => {
    const t = await TestApp.create();
    try {
      const { operation, coordinator } = await t.operation({ claimLimit: 2 });
      const created = await t.request(
        coordinator,
        'POST',
        `/api/operations/${operation.id}/platforms`,
        Array.from({ length: 114 }, (_, i) => ({
          name: `Target ${i}`,
          url: `https://target-${i}.example.org`,
          category: 'social_media',
        })),
      );
      const ids = created.json<Platform[]>().map((p) => p.id);
      const investigators = await t.members(operation.id, 200, 'investigator');
      const attempts = investigators.flatMap((who, i) =>
        [0, 1, 2].map((k) => ({ who, platformId: ids[(i * 7 + k * 31) % ids.length] as string })),
      );
      const results = await Promise.all(
        attempts.map(async ({ who, platformId }) => ({
          who,
          platformId,
          status: (await t.request(who, 'POST', `/api/platforms/${platformId}/claim`)).statusCode,
        })),
      );

      const wins = results.filter((r) => r.status === 200);
      expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
      expect(new Set(wins.map((w) => w.platformId)).size).toBe(wins.length);
      const board = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/platforms`)).json<
        Platform[]
      >();
      const perHolder = new Map<string, number>();
      for (const p of board.filter((p) => p.status === 'claimed'))
        perHolder.set(p.claimedBy as string, (perHolder.get(p.claimedBy as string) ?? 0) + 1);
      expect(Math.max(...perHolder.values())).toBeLessThanOrEqual(2);
      expect(board.filter((p) => p.status === 'claimed')).toHaveLength(wins.length);
      for (const win of wins) expect(board.find((p) => p.id === win.platformId)?.claimedBy).toBe(win.who.memberId);
    } finally {
      await t.close();
    }
  });
});
