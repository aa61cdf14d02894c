import type { Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, TestApp, eventually } from '../test/test-app.js';

describe('live updates over socket.io', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
  });
  afterAll(() => t.close());

  const join = (socket: ClientSocket, operationId: string) => socket.emitWithAck('operation:join', { operationId });

  it('a socket without a session is refused at the handshake', async () => {
    await expect(t.socket(null)).rejects.toThrow('auth.unauthenticated');
    await expect(t.socket({ userId: '', email: '', password: '', cookie: 'actionday_session=forged' })).rejects.toThrow(
      'auth.unauthenticated',
    );
  });

  it('a non-member gets an error ack and hears nothing of the operation', async () => {
    const { operation, coordinator } = await t.operation();
    const stranger = await t.user();
    const socket = await t.socket(stranger);
    const answer = await join(socket, operation.id);
    expect(answer).toEqual({ ok: false, error: { code: 'operations.not_member', message: expect.any(String) } });
    const heard: unknown[] = [];
    socket.on('platform:created', (event) => heard.push(event));
    const member = await t.member(operation.id, coordinator, 'investigator', 'NL');
    const memberSocket = await t.socket(member);
    await join(memberSocket, operation.id);
    const memberHeard: unknown[] = [];
    memberSocket.on('platform:created', (event) => memberHeard.push(event));
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: 'X',
      url: 'https://x.example.org',
      category: 'forum',
    });
    await eventually(() => expect(memberHeard).toHaveLength(1));
    expect(heard).toHaveLength(0);
  });

  it('every member sees a claim at once, with who claimed it', async () => {
    const { operation, coordinator } = await t.operation();
    const anna = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Anna');
    const bram = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram');
    const created = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Y',
        url: 'https://y.example.org',
        category: 'dating',
      })
    ).json<Platform>();
    const sockets = await Promise.all([t.socket(coordinator), t.socket(bram)]);
    const joined = await Promise.all(sockets.map((s) => join(s, operation.id)));
    expect(joined.every((a) => a.ok)).toBe(true);
    const seen: { platformId: string; claimant: string | undefined }[][] = sockets.map(() => []);
    sockets.forEach((socket, i) =>
      socket.on('platform:claimed', ({ platform, claimant }) =>
        seen[i]?.push({ platformId: platform.id, claimant: claimant?.name }),
      ),
    );

    expect((await t.request(anna, 'POST', `/api/platforms/${created.id}/claim`)).statusCode).toBe(200);
    await eventually(() => {
      for (const events of seen) expect(events).toEqual([{ platformId: created.id, claimant: 'Anna' }]);
    });
  });

  it('nothing is emitted for a claim that lost', async () => {
    const { operation, coordinator } = await t.operation();
    const anna = await t.member(operation.id, coordinator, 'investigator', 'NL');
    const created = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Z',
        url: 'https://z.example.org',
        category: 'forum',
      })
    ).json<Platform>();
    const socket = await t.socket(coordinator);
    await join(socket, operation.id);
    let claims = 0;
    socket.on('platform:claimed', () => claims++);
    await Promise.all([
      t.request(anna, 'POST', `/api/platforms/${created.id}/claim`),
      t.request(coordinator, 'POST', `/api/platforms/${created.id}/claim`),
    ]);
    await eventually(() => expect(claims).toBe(1));
    // a later event proves the socket is still delivering, so a second claim event would have arrived by now
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: 'Z2',
      url: 'https://z2.example.org',
      category: 'forum',
    });
    const created2 = await new Promise((resolve) => socket.once('platform:created', resolve));
    expect(created2).toBeTruthy();
    expect(claims).toBe(1);
  });
});
