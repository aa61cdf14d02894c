import type { Operation } from '@actionday/shared';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp, eventually, fakeClock } from '../test/test-app.js';

describe('web hardening', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true, signInLimits: { perAddress: 8, perAccount: 4 } });
    ({ operation, coordinator } = await t.operation());
  });
  afterAll(() => t.close());

  it('answers carry security headers with a content security policy', async () => {
    const response = await t.request(null, 'GET', '/api/health');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a cross-site write with the session cookie is refused and changes nothing', async () => {
    const body = { role: 'coordinator', country: 'NL', agency: 'Evil' };
    const evil = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/invites`,
      headers: { cookie: coordinator.cookie, origin: 'https://evil.example.com' },
      payload: body,
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('auth.bad_origin');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/invites`,
      headers: { cookie: coordinator.cookie, 'sec-fetch-site': 'cross-site' },
      payload: body,
    });
    expect(crossSite.statusCode).toBe(403);
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/invites`,
      headers: { cookie: coordinator.cookie, origin: 'http://localhost:3000' },
      payload: body,
    });
    expect(own.statusCode).toBe(201);
  });

  it('an oversized request body is refused with 413', async () => {
    const response = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: 'x'.repeat(2 * 1024 * 1024),
      url: 'https://big.example.org',
      category: 'forum',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
  });

  it('sign-in attempts slow an account down (never lock its owner out) and are limited per address with 429', async () => {
    const victim = await t.user(); // one successful sign-in
    const tries = [];
    for (let i = 0; i < 4; i++)
      tries.push(
        (await t.request(null, 'POST', '/api/session', { email: victim.email, password: 'guess-number-' + i }))
          .statusCode,
      );
    expect(tries).toEqual([401, 401, 401, 401]);
    // the right password still works, only more slowly
    const right = await t.request(null, 'POST', '/api/session', { email: victim.email, password: victim.password });
    expect(right.statusCode).toBe(200);
    const others = [];
    for (let i = 0; i < 6; i++)
      others.push(
        (await t.request(null, 'POST', '/api/session', { email: `nobody${i}@example.org`, password: 'whatever-it-is' }))
          .statusCode,
      );
    expect(others).toContain(429);
  });
});

// one listening app for the suites below; each test has an operation of its own
let live: TestApp;
beforeAll(async () => {
  live = await TestApp.create({ listen: true });
});
afterAll(() => live.close());

describe('revoking a participant', () => {
  it('ends their access to that operation at once, without signing them out', async () => {
    const t = live;
    const { operation, coordinator } = await t.operation();
    const leaver = await t.member(operation.id, coordinator, 'investigator', 'DE');
    const socket = await t.socket(leaver);
    await socket.emitWithAck('operation:join', { operationId: operation.id });
    let told = false;
    socket.on('participant:revoked', () => {
      told = true;
    });
    expect(
      (await t.request(leaver, 'POST', `/api/operations/${operation.id}/participants/${leaver.memberId}/revoke`))
        .statusCode,
    ).toBe(403);
    const revoked = await t.request(
      coordinator,
      'POST',
      `/api/operations/${operation.id}/participants/${leaver.memberId}/revoke`,
    );
    expect(revoked.statusCode).toBe(200);
    await eventually(() => expect(told).toBe(true));
    expect(socket.connected).toBe(true);
    expect((await t.request(leaver, 'GET', '/api/me')).statusCode).toBe(200);
    const refused = await t.request(leaver, 'GET', `/api/operations/${operation.id}/platforms`);
    expect(refused.json().error.code).toBe('operations.revoked');
    const participants = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}`)).json<{
      participants: { id: string }[];
    }>().participants;
    expect(participants.map((p) => p.id)).not.toContain(leaver.memberId);
  });
});

describe('sockets follow the session', () => {
  it("signing out closes that session's socket, and a socket from another site is refused", async () => {
    const t = live;
    const { operation, coordinator } = await t.operation();
    const investigator = await t.member(operation.id, coordinator, 'investigator', 'NL');
    const socket = await t.socket(investigator);
    await socket.emitWithAck('operation:join', { operationId: operation.id });
    let closed = false;
    socket.on('disconnect', () => {
      closed = true;
    });
    await t.request(investigator, 'DELETE', '/api/session');
    await eventually(() => expect(closed).toBe(true));

    const { io } = await import('socket.io-client');
    const foreign = io(t.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: coordinator.cookie, origin: 'https://evil.example.com' },
      reconnection: false,
      forceNew: true,
    });
    const refused = await new Promise<boolean>((resolve) => {
      foreign.once('connect', () => resolve(false));
      foreign.once('connect_error', () => resolve(true));
    });
    foreign.disconnect();
    expect(refused).toBe(true);
  });

  it('a laptop that drops off and comes back after being revoked does not get its rooms back', async () => {
    const t = live;
    const { operation, coordinator } = await t.operation();
    const leaver = await t.member(operation.id, coordinator, 'investigator', 'DE');
    const { io } = await import('socket.io-client');
    const socket = io(t.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: leaver.cookie },
      forceNew: true,
      reconnectionDelay: 400,
      reconnectionDelayMax: 500,
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await socket.emitWithAck('operation:join', { operationId: operation.id });
    // a broadcast received gives the client an offset: only then can its connection be recovered
    const created = new Promise((resolve) => socket.once('platform:created', resolve));
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: 'R',
      url: 'https://r.example.org',
      category: 'forum',
    });
    await created;
    // the network drops (not a clean disconnect: the server keeps the session for recovery)
    socket.io.engine.close();
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/participants/${leaver.memberId}/revoke`);
    // the session still opens sockets (revocation is not a sign-out), but the operation's rooms are not given back
    await eventually(() => expect(socket.connected).toBe(true), 5000);
    const heard: unknown[] = [];
    socket.on('platform:created', (payload) => heard.push(payload));
    const seen = await t.socket(coordinator);
    await seen.emitWithAck('operation:join', { operationId: operation.id });
    const arrived = new Promise((resolve) => seen.once('platform:created', resolve));
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: 'S',
      url: 'https://s.example.org',
      category: 'forum',
    });
    await arrived;
    expect(heard).toEqual([]);
    socket.disconnect();
  });
});

describe('sessions', () => {
  it("end two days after the participant's operations closed", async () => {
    const clock = fakeClock(new Date('2022-09-06T17:00:00Z'));
    const t = await TestApp.create({ now: clock.now });
    try {
      const { operation, coordinator } = await t.operation({ endsAt: '2022-09-06T18:00:00Z' });
      const investigator = await t.member(operation.id, coordinator, 'investigator', 'NL');
      const fresh = await t.signIn(investigator.email, investigator.password);
      const me = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: fresh } });
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/status`, { status: 'closed' });
      // the operation ended at 18:00; an active investigator keeps access for 48 hours after
      for (let hours = 0; hours < 44; hours += 11) {
        clock.advance(11 * 60);
        expect((await me()).statusCode, `after ${hours + 11} h`).toBe(200);
      }
      clock.advance(11 * 60);
      expect((await me()).statusCode).toBe(401);
      // the investigator cannot sign in again; the coordinator (an administrator) can, to publish the after-action report
      const again = await t.request(null, 'POST', '/api/session', {
        email: investigator.email,
        password: investigator.password,
      });
      expect(again.statusCode).toBe(403);
      expect(again.json().error.code).toBe('auth.access_ended');
      const lead = await t.signIn(coordinator.email, coordinator.password);
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: lead } })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('second factor', () => {
  it('a coordinator turns on TOTP; from then on sign-in needs the code', async () => {
    const t = live;
    const { coordinator } = await t.operation();
    const { secret, uri } = (await t.request(coordinator, 'POST', '/api/me/totp')).json<{
      secret: string;
      uri: string;
    }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Actionday/);
    expect((await t.request(coordinator, 'POST', '/api/me/totp/enable', { code: '000000' })).json().error.code).toBe(
      'auth.totp_invalid',
    );
    expect(
      (await t.request(coordinator, 'POST', '/api/me/totp/enable', { code: await generate({ secret }) })).statusCode,
    ).toBe(200);
    expect((await t.request(coordinator, 'GET', '/api/me')).json().user.totpEnabled).toBe(true);

    const withoutCode = await t.request(null, 'POST', '/api/session', {
      email: coordinator.email,
      password: coordinator.password,
    });
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().error.code).toBe('auth.totp_required');
    const wrongCode = await t.request(null, 'POST', '/api/session', {
      email: coordinator.email,
      password: coordinator.password,
      code: '123456',
    });
    expect(wrongCode.json().error.code).toBe('auth.invalid_credentials');
    const withCode = await t.request(null, 'POST', '/api/session', {
      email: coordinator.email,
      password: coordinator.password,
      // the next step's code: the one that turned TOTP on is spent
      code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }),
    });
    expect(withCode.statusCode).toBe(200);
  });
});
