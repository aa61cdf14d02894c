import type { Announcement, Operation, Platform, Presence, PresenceCounts, Timeline } from '@actionday/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ClientSocket, type Session, TestApp, eventually } from '../../test/test-app.js';

describe.shuffle('announcements, presence and the activity feed', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let nl: Session;
  let be: Session;
  let observer: Session;
  const sockets = new Map<Session, ClientSocket>();
  const heard = new Map<Session, Announcement[]>();

  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
  });
  afterAll(() => t.close());

  // every test in an operation of its own, everybody's screen open on it
  beforeEach(async () => {
    const w = await t.seed({
      members: { nl: ['investigator', 'NL', 'Noor'], be: ['investigator', 'BE', 'Bram'], observer: ['observer', 'FR'] },
    });
    ({ operation, coordinator } = w);
    ({ nl, be, observer } = w.members);
    sockets.clear();
    heard.clear();
    for (const session of [coordinator, nl, be, observer]) {
      const socket = await t.socket(session);
      await socket.emitWithAck('operation:join', { operationId: operation.id });
      sockets.set(session, socket);
      heard.set(session, []);
      socket.on('announcement:created', ({ announcement }) => heard.get(session)?.push(announcement));
    }
  });
  afterEach(() => {
    for (const socket of sockets.values()) socket.disconnect();
  });

  const announce = (session: Session, body: Record<string, unknown>) =>
    t.request(session, 'POST', `/api/operations/${operation.id}/announcements`, body);

  it('an announcement to everybody appears at once on every screen', async () => {
    const response = await announce(coordinator, { message: 'Focus on dating sites now' });
    expect(response.statusCode).toBe(201);
    await eventually(() => {
      for (const list of heard.values()) expect(list.map((a) => a.message)).toEqual(['Focus on dating sites now']);
    });
  });

  it('an announcement to one country reaches only that country and the coordinators', async () => {
    await announce(coordinator, { message: 'NL team: check the Telegram channels', country: 'NL' });
    await eventually(() => {
      expect(heard.get(nl)).toHaveLength(1);
      expect(heard.get(coordinator)).toHaveLength(1);
    });
    // a later broadcast to all proves delivery has caught up
    await announce(coordinator, { message: 'Lunch at 12:30' });
    await eventually(() => expect(heard.get(be)?.map((a) => a.message)).toEqual(['Lunch at 12:30']));
    expect(heard.get(observer)?.map((a) => a.message)).toEqual(['Lunch at 12:30']);
    expect(heard.get(observer)?.every((a) => a.authorName === '')).toBe(true);
  });

  it('a client that was offline sees the announcements for it on return', async () => {
    sockets.get(be)?.disconnect();
    await announce(coordinator, { message: 'Focus on dating sites now' });
    await announce(coordinator, { message: 'NL team: check the Telegram channels', country: 'NL' });
    await announce(coordinator, { message: 'Lunch at 12:30' });
    expect(heard.get(be)).toEqual([]);
    const list = (await t.request(be, 'GET', `/api/operations/${operation.id}/announcements`)).json<Announcement[]>();
    expect(list.map((a) => a.message)).toEqual(['Lunch at 12:30', 'Focus on dating sites now']);
    expect(
      (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/announcements`)).json<Announcement[]>(),
    ).toHaveLength(3);
  });

  it('only coordinators announce, and an empty message is refused', async () => {
    expect((await announce(nl, { message: 'hi' })).statusCode).toBe(403);
    expect((await announce(coordinator, { message: '' })).statusCode).toBe(400);
    expect((await announce(coordinator, { message: 'x', country: 'XX' })).statusCode).toBe(400);
  });

  it('the board shows who is online and on which platform; observers get only counts per country', async () => {
    const platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'P',
        url: 'https://p.example.org',
        category: 'forum',
      })
    ).json<Platform>();
    const presence: Presence[] = [];
    const counts: PresenceCounts[] = [];
    sockets.get(coordinator)?.on('presence:updated', (p) => presence.push(p));
    sockets.get(observer)?.on('presence:counts', (c) => counts.push(c));
    sockets.get(observer)?.on('presence:updated', (p) => presence.push({ ...p, operationId: 'LEAK' }));
    sockets.get(nl)?.emit('presence:viewing', { operationId: operation.id, platformId: platform.id });
    await eventually(() =>
      expect(presence.at(-1)?.online).toContainEqual({ participantId: nl.memberId, platformId: platform.id }),
    );
    expect(presence.some((p) => p.operationId === 'LEAK')).toBe(false);
    await eventually(() => expect(counts.at(-1)?.onlineByCountry).toEqual({ NL: 2, BE: 1, FR: 1 }));

    sockets.get(be)?.disconnect();
    await eventually(() => expect(presence.at(-1)?.online.map((o) => o.participantId)).not.toContain(be.memberId));
  });

  const newPlatform = async () =>
    (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'P',
        url: 'https://p.example.org',
        category: 'forum',
      })
    ).json<Platform>();

  it('the activity feed says who did what, without personal contents, and is not for observers', async () => {
    const platform = await newPlatform();
    await t.request(nl, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'victim',
      platformId: platform.id,
      exploitation: 'sexual',
    });
    const feed = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/activity`)).json<
      { action: string; actor: { name: string } | null }[]
    >();
    expect(feed[0]).toMatchObject({ action: 'finding.logged', actor: { name: 'Noor', country: 'NL' } });
    // an investigator learns that Noor logged something, not which record (it may be TLP:RED or a victim)
    const forBram = (await t.request(be, 'GET', `/api/operations/${operation.id}/activity`)).json<
      { action: string; targetId: string | null; details: object }[]
    >();
    expect(forBram[0]).toMatchObject({ action: 'finding.logged', targetId: null, details: {} });
    expect(JSON.stringify(feed)).not.toContain('V-NL-001');
    expect((await t.request(observer, 'GET', `/api/operations/${operation.id}/activity`)).statusCode).toBe(403);
  });

  it('the timeline counts checks and findings per 15 minutes', async () => {
    const platform = await newPlatform();
    await t.request(nl, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'suspect',
      platformId: platform.id,
      aliases: ['Max'],
    });
    const timeline = (await t.request(observer, 'GET', `/api/operations/${operation.id}/timeline`)).json<Timeline>();
    expect(timeline.bucketMinutes).toBe(15);
    expect(timeline.buckets.reduce((sum, b) => sum + b.findings, 0)).toBe(1);
    for (const bucket of timeline.buckets)
      expect((new Date(bucket.start).getTime() - new Date(operation.startsAt).getTime()) % (15 * 60_000)).toBe(0);
  });
});
