import { randomBytes, randomUUID } from 'node:crypto';
import type { Operation, Platform } from '@actionday/shared';
import { encode } from '@msgpack/msgpack';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, Caller, Cluster, type Member, joined, notesSocket, openNote } from './cluster.js';
import { redisUrl, servicesReady } from './services.js';

/**
 * Three server OS processes on one fresh PostgreSQL database and one Redis, as a deployment runs them:
 * what is done through one reaches the people connected to the others; garbage on the Redis stream and
 * channels, or in notes payloads, takes no process down; a process killed in the middle of a burst loses
 * nothing that was acknowledged and the others carry on.
 */
const ready = await servicesReady('Multi-process tests');

describe.skipIf(!ready)('three server processes on one database and one Redis', () => {
  const cluster = new Cluster();
  let a: Member;
  let b: Member;
  let c: Member;
  let lead: Caller;
  let operation: Operation;
  let platform: Platform;
  const closers: (() => void)[] = [];

  /** A participant invited by the lead, signed in through `base`. */
  async function participant(base: string, role: string, country: string): Promise<Caller & { memberId: string }> {
    const { code } = await lead.ok<{ code: string }>('POST', `/api/operations/${operation.id}/invites`, {
      role,
      country,
      agency: `Police ${country}`,
    });
    const email = `${role}.${country}.${randomBytes(3).toString('hex')}@example.org`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    await new Caller(base, '').ok('POST', `/api/invites/${code}/accept`, {
      name: `${role} ${country}`,
      email,
      password,
    });
    const caller = await Caller.signIn(base, email, password);
    const { me } = await caller.ok<{ me: { id: string } }>('GET', `/api/operations/${operation.id}`);
    return Object.assign(caller, { memberId: me.id });
  }

  beforeAll(async () => {
    await cluster.create();
    [a, b, c] = (await cluster.startMany(3)) as [Member, Member, Member];
    lead = await Caller.signIn(a.url, ADMIN.email, ADMIN.password);
    operation = await lead.ok<Operation>('POST', '/api/operations', {
      name: 'Day on three processes',
      startsAt: '2022-09-06T06:00:00Z',
      endsAt: '2022-09-06T18:00:00Z',
      timeZone: 'Europe/Amsterdam',
    });
    platform = await lead.ok<Platform>('POST', `/api/operations/${operation.id}/platforms`, {
      name: 'Ads',
      url: 'https://ads.example.org',
      category: 'classified_ads',
    });
  }, 150_000);

  afterAll(async () => {
    for (const close of closers) close();
    await cluster.stop();
  }, 30_000);

  it('a claim, a finding, a match, a tally, an announcement, presence, a note edit and a revocation made through one process reach the people connected to the others', async () => {
    const nl = await participant(a.url, 'investigator', 'NL');
    const be = await participant(a.url, 'investigator', 'BE');
    const analyst = await participant(c.url, 'analyst', 'NL');
    const leaver = await participant(c.url, 'investigator', 'DE');

    const nlSocket = await joined(b.url, nl, operation.id);
    const analystSocket = await joined(c.url, analyst, operation.id);
    const leadOnC = await joined(c.url, lead.via(c.url), operation.id);
    closers.push(
      () => nlSocket.disconnect(),
      () => analystSocket.disconnect(),
      () => leadOnC.disconnect(),
    );
    const heard: Record<string, unknown[]> = {};
    const record = (who: string, socket: typeof nlSocket, events: string[]) => {
      for (const event of events)
        (socket.on as (e: string, f: (p: unknown) => void) => void)(event, (payload) =>
          (heard[`${who} ${event}`] ??= []).push(payload),
        );
    };
    record('nl', nlSocket, ['platform:claimed', 'announcement:created']);
    record('analyst', analystSocket, ['platform:claimed', 'finding:logged', 'match:found', 'tally:updated']);
    record('lead', leadOnC, ['presence:updated']);

    // through A
    await nl.ok('POST', `/api/platforms/${platform.id}/claim`);
    await nl.ok('POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: platform.id,
      identifierKind: 'phone',
      value: '+31 6 1234 5678',
    });
    await be.ok('POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: platform.id,
      identifierKind: 'phone',
      value: '0031612345678',
    });
    await lead.ok('POST', `/api/operations/${operation.id}/announcements`, { message: 'Coffee at eleven.' });
    nlSocket.emit('presence:viewing', { operationId: operation.id, platformId: platform.id });

    // heard on B and C
    await expect.poll(() => heard['nl platform:claimed']?.length ?? 0, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => heard['analyst platform:claimed']?.length ?? 0, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => heard['analyst finding:logged']?.length ?? 0, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => heard['analyst match:found']?.length ?? 0, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => (heard['analyst tally:updated']?.at(-1) as { progress?: { claimed: number } })?.progress?.claimed, {
        timeout: 10_000,
      })
      .toBe(1);
    await expect.poll(() => heard['nl announcement:created']?.length ?? 0, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(
        () =>
          (heard['lead presence:updated'] ?? []).some((p) =>
            (p as { online: { participantId: string; platformId: string | null }[] }).online.some(
              (o) => o.participantId === nl.memberId && o.platformId === platform.id,
            ),
          ),
        { timeout: 10_000 },
      )
      .toBe(true);

    // a note written on B is read on C; the DE investigator has only the note open, on C
    const ref = { operationId: operation.id, platformId: null };
    const writer = openNote(b.url, nl, ref);
    const reader = openNote(c.url, analyst, ref);
    const leaving = openNote(c.url, leaver, ref);
    closers.push(writer.close, reader.close, leaving.close);
    await expect
      .poll(() => [writer, reader, leaving].map((n) => n.sync.current.status), { timeout: 10_000 })
      .toEqual(['synced', 'synced', 'synced']);
    writer.write('Ads platform checked by NL.');
    await expect.poll(() => reader.text(), { timeout: 10_000 }).toContain('Ads platform checked by NL.');
    await expect.poll(() => leaving.text(), { timeout: 10_000 }).toContain('Ads platform checked by NL.');

    // revoked through A: the note closes for the notes socket on C, which stays connected (no sign-out)
    await lead.ok('POST', `/api/operations/${operation.id}/participants/${leaver.memberId}/revoke`);
    await expect
      .poll(() => [leaving.sync.current.status, leaving.sync.current.error], { timeout: 10_000 })
      .toEqual(['refused', 'operations.revoked']);
    expect(leaving.socket.connected).toBe(true);
    writer.write('Written after the revocation.');
    await expect.poll(() => reader.text(), { timeout: 10_000 }).toContain('Written after the revocation.');
    expect(leaving.text()).not.toContain('Written after the revocation.');
  }, 60_000);

  it('garbage on the Redis stream and channels and malformed notes payloads take no process down', async () => {
    const redis = new Redis(redisUrl);
    const { prefix } = cluster;
    const docName = `log:${operation.id}`;
    const junk = () => randomBytes(1 + Math.floor(Math.random() * 64));
    const peerNote = (data: unknown) => JSON.stringify({ packet: ['note:peer', data] });
    const streamEntries: Record<string, string>[] = [
      { nsp: '/', type: '3', uid: 'x', data: '{"packet":1}' },
      { nsp: '/', type: '3', uid: 'x', data: '{"packet":{"type":2,"data":["platform:claimed"],"nsp":"/"}}' },
      { nsp: '/', type: '7', uid: 'x', data: '{"opts":null,"requestId":"r"}' },
      { nsp: '/', type: '4', uid: 'x', data: '{"opts":{"rooms":[{}]},"rooms":"all"}' },
      { nsp: '/', type: '6', uid: 'x', data: '{"opts":{"rooms":"user:1"}}' },
      { nsp: '/', type: 'nine', uid: 'x', data: '{' },
      { nsp: '/', type: '8', uid: 'x', data: '{"requestId":"r","sockets":7}' },
      { nsp: '/notes', type: '9', uid: 'x', data: junk().toString('base64') },
      { nsp: '/notes', type: '9', uid: 'x', data: '{"packet":null}' },
      {
        nsp: '/notes',
        type: '9',
        uid: 'x',
        data: peerNote({ v: 1, kind: 'update', docName, data: junk().toString('base64') }),
      },
      {
        nsp: '/notes',
        type: '9',
        uid: 'x',
        data: peerNote({ v: 1, kind: 'sync', docName, data: junk().toString('base64') }),
      },
      {
        nsp: '/notes',
        type: '9',
        uid: 'x',
        data: peerNote({ v: 1, kind: 'awareness', docName, data: junk().toString('base64') }),
      },
      { nsp: '/notes', type: '9', uid: 'x', data: peerNote({ v: 1, kind: 'update', docName, data: 'not base64!' }) },
      { nsp: '/notes', type: '9', uid: 'x', data: peerNote({ v: 2, kind: 'update', docName, data: '' }) },
      { nsp: '/notes', type: '9', uid: 'x', data: peerNote({ '0': 1, '1': 2 }) },
      { nsp: '/notes', type: '9', uid: 'x', data: peerNote('note:peer-update') },
    ];
    for (let i = 0; i < 30; i++)
      streamEntries.push({
        nsp: Math.random() < 0.5 ? '/' : '/notes',
        type: String(i % 14),
        uid: 'x',
        data: junk().toString('base64'),
      });
    for (const entry of streamEntries) await redis.xadd(prefix, '*', ...Object.entries(entry).flat());
    for (const nsp of ['/', '/notes']) {
      for (let i = 0; i < 20; i++) await redis.publish(`${prefix}#${nsp}#`, junk());
      for (const message of [
        { uid: 'x', nsp, type: 9, data: { packet: ['note:peer', { v: 1, kind: 'update', docName, data: 'AAAA' }] } },
        {
          uid: 'x',
          nsp,
          type: 9,
          data: { packet: ['note:peer', { v: 1, kind: 'update', docName, data: new Uint8Array([1, 2, 3]) }] },
        },
        { uid: 'x', nsp, type: 3, data: { packet: { type: 2, data: [{}], nsp }, opts: { rooms: [] } } },
        { uid: 'x', nsp, type: 7, data: { opts: { rooms: 5 }, requestId: 'r' } },
        { uid: 'x', nsp, type: 10, data: null },
        { uid: 'x', nsp, type: 'x' },
      ])
        await redis.publish(`${prefix}#${nsp}#`, Buffer.from(encode(message)));
    }
    redis.disconnect();

    // and straight from a client, on every process
    const coordinatorNotes = [a, b, c].map((member) => notesSocket(member.url, lead.via(member.url)));
    closers.push(...coordinatorNotes.map((s) => () => s.disconnect()));
    for (const socket of coordinatorNotes) {
      if (!socket.connected)
        await new Promise<void>(
          (resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)),
        );
      const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
      const ask = (event: string, payload: unknown) =>
        new Promise<unknown>((resolve) => {
          const timer = setTimeout(() => resolve('no answer'), 3000);
          raw.emit(event, payload, (answer: unknown) => {
            clearTimeout(timer);
            resolve(answer);
          });
        });
      const opened = await ask('note:open', { operationId: operation.id, platformId: null });
      expect(opened).toMatchObject({ ok: true });
      const answers = [];
      for (const payload of [
        { docName, message: junk() },
        { docName, message: Buffer.from([0, 200, 200, 200, 200, 1]) },
        { docName, message: Buffer.from([2, 5, 1, 2]) },
        { docName, message: 'text' },
        { docName: '../etc', message: junk() },
        null,
        [1, 2, 3],
      ])
        answers.push(await ask('note:sync', payload));
      expect(answers.every((answer) => (answer as { ok?: boolean }).ok === false)).toBe(true);
      for (const payload of [{ docName, update: junk() }, { docName, update: 7 }, 'x'])
        raw.emit('note:awareness', payload);
    }

    // every process is up, and what crosses processes still crosses (the stream is not stuck)
    const writer = openNote(a.url, lead.via(a.url), { operationId: operation.id, platformId: null });
    const reader = openNote(b.url, lead.via(b.url), { operationId: operation.id, platformId: null });
    closers.push(writer.close, reader.close);
    await expect
      .poll(() => [writer.sync.current.status, reader.sync.current.status], { timeout: 10_000 })
      .toEqual(['synced', 'synced']);
    writer.write('Still one note after the garbage.');
    await expect.poll(() => reader.text(), { timeout: 10_000 }).toContain('Still one note after the garbage.');
    const watcher = await joined(c.url, lead.via(c.url), operation.id);
    closers.push(() => watcher.disconnect());
    const announced = new Promise((resolve) => watcher.once('announcement:created', resolve));
    await lead.ok('POST', `/api/operations/${operation.id}/announcements`, { message: 'After the garbage.' });
    await announced;
    expect([a, b, c].map((m) => m.alive())).toEqual([true, true, true]);
    expect(cluster.members.some((m) => m.output().includes('dropped a message from another process'))).toBe(true);
  }, 60_000);

  it('a process killed in the middle of a burst of writes: its clients move to another, every acknowledged write is there once, the others never notice', async () => {
    const onA = await joined(a.url, lead.via(a.url), operation.id);
    let onC = await joined(c.url, lead.via(c.url), operation.id);
    closers.push(() => onA.disconnect());
    // someone connected only to C, whom the lead (on A) sees online
    const onlyOnC = await participant(a.url, 'investigator', 'PL');
    const theirSocket = await joined(c.url, onlyOnC, operation.id);
    closers.push(() => theirSocket.disconnect());
    let online: string[] = [];
    onA.on('presence:updated', (presence) => (online = presence.online.map((o) => o.participantId)));
    await expect.poll(() => online.includes(onlyOnC.memberId), { timeout: 10_000 }).toBe(true);
    let othersDropped = 0;
    onA.on('disconnect', () => (othersDropped += 1));
    const heardOnA = new Set<string>();
    onA.on('platform:created', ({ platforms }) => platforms.forEach((p) => heardOnA.add(p.name)));
    // C's client, as a browser behind a load balancer: when its process goes, it reconnects to another
    const heardByMover = new Set<string>();
    const follow = (socket: typeof onC) =>
      socket.on('platform:created', ({ platforms }) => platforms.forEach((p) => heardByMover.add(p.name)));
    follow(onC);
    const moved = new Promise<void>((resolve) =>
      onC.once('disconnect', async () => {
        onC = await joined(b.url, lead.via(b.url), operation.id);
        closers.push(() => onC.disconnect());
        follow(onC);
        resolve();
      }),
    );

    // writes through C and B in turn, each retried with its key on A when its process does not answer
    const acknowledged = new Map<string, string>();
    const write = async (index: number) => {
      const name = `Burst ${index}`;
      const key = randomUUID();
      const targets = [index % 2 === 0 ? c.url : b.url, a.url];
      for (const base of targets) {
        try {
          const response = await fetch(`${base}/api/operations/${operation.id}/platforms`, {
            method: 'POST',
            headers: { cookie: lead.cookie, origin: base, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ name, url: `https://burst-${index}.example.org`, category: 'forum' }),
          });
          if (response.status === 201) {
            acknowledged.set(name, ((await response.json()) as Platform).id);
            return;
          }
        } catch {
          // the process is gone: the same request, with the same key, to another
        }
      }
    };
    const burst: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      burst.push(write(i));
      if (i === 25) c.child.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await Promise.all(burst);
    await moved;
    expect(c.alive()).toBe(false);
    // the others notice the process is gone (its heartbeats stop) and say who is no longer online
    await expect.poll(() => online.includes(onlyOnC.memberId), { timeout: 20_000 }).toBe(false);

    const all = await lead.via(a.url).ok<Platform[]>('GET', `/api/operations/${operation.id}/platforms`);
    const burstRows = all.filter((p) => p.name.startsWith('Burst '));
    for (const [name, id] of acknowledged)
      expect(burstRows.filter((p) => p.name === name).map((p) => p.id)).toEqual([id]);
    expect(new Set(burstRows.map((p) => p.name)).size).toBe(burstRows.length);
    expect(acknowledged.size).toBeGreaterThan(50);

    // after the move, the client hears writes made anywhere; the others never dropped their connection
    await lead.via(a.url).ok('POST', `/api/operations/${operation.id}/platforms`, {
      name: 'After the kill',
      url: 'https://after.example.org',
      category: 'forum',
    });
    await expect.poll(() => heardByMover.has('After the kill'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => heardOnA.has('After the kill'), { timeout: 10_000 }).toBe(true);
    expect(othersDropped).toBe(0);
    expect([a.alive(), b.alive()]).toEqual([true, true]);
  }, 60_000);
});
