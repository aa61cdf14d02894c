import type { Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';

const platform = (n: number, extra: Record<string, unknown> = {}) => ({
  name: `Site ${n}`,
  url: `https://site-${n}.example.org`,
  category: 'dating',
  ...extra,
});

describe('platforms', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let investigator: Session;
  let investigatorBE: Session;

  beforeAll(async () => {
    t = await TestApp.create();
    ({ operation, coordinator } = await t.operation());
    investigator = await t.member(operation.id, coordinator, 'investigator', 'NL');
    investigatorBE = await t.member(operation.id, coordinator, 'investigator', 'BE');
  });
  afterAll(() => t.close());

  const platformsUrl = () => `/api/operations/${operation.id}/platforms`;

  it('a coordinator adds one platform or a list, and members see them', async () => {
    const one = await t.request(coordinator, 'POST', platformsUrl(), platform(1, { tags: ['ukraine'] }));
    expect(one.statusCode).toBe(201);
    expect(one.json()).toMatchObject({
      name: 'Site 1',
      status: 'unchecked',
      tags: ['ukraine'],
      claimedBy: null,
      discovered: false,
    });
    const many = await t.request(coordinator, 'POST', platformsUrl(), [
      platform(2),
      platform(3, { category: 'dark_web', url: `${'a'.repeat(56)}.onion` }),
    ]);
    expect(many.statusCode).toBe(201);
    expect(many.json()).toHaveLength(2);
    const list = await t.request(investigator, 'GET', platformsUrl());
    expect(list.json().map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Site 1', 'Site 2', 'Site 3']),
    );
  });

  it('bad platforms are refused with a clear code and none of the list is written', async () => {
    const before = (await t.request(coordinator, 'GET', platformsUrl())).json().length;
    const cases: [unknown, number, string][] = [
      [[platform(10), platform(11, { category: 'casino' })], 400, 'request.invalid'],
      [[platform(12), platform(13, { url: 'not a url' })], 400, 'request.invalid'],
      [[platform(14), platform(15, { name: '' })], 400, 'request.invalid'],
      [[platform(16), platform(17, { url: 'http://short.onion' })], 400, 'request.invalid'],
      [[platform(18), platform(19, { tags: ['brazil'] })], 400, 'operations.unknown_tag'],
      [[platform(20), { ...platform(1), url: 'HTTPS://WWW.site-1.example.org/' }], 409, 'platforms.duplicate'],
      [[platform(21), platform(21)], 409, 'platforms.duplicate'],
    ];
    for (const [body, status, code] of cases) {
      const response = await t.request(coordinator, 'POST', platformsUrl(), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect((await t.request(coordinator, 'GET', platformsUrl())).json()).toHaveLength(before);
  });

  it('an investigator may add only platforms discovered during the day', async () => {
    const planned = await t.request(investigator, 'POST', platformsUrl(), platform(30));
    expect(planned.statusCode).toBe(403);
    const discovered = await t.request(investigator, 'POST', platformsUrl(), platform(31, { discovered: true }));
    expect(discovered.statusCode).toBe(201);
    expect(discovered.json().discovered).toBe(true);
  });

  it('an investigator claims a platform; a second claimant gets 409 platforms.already_claimed', async () => {
    const created = (await t.request(coordinator, 'POST', platformsUrl(), platform(40))).json();
    const first = await t.request(investigator, 'POST', `/api/platforms/${created.id}/claim`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'claimed', claimedBy: investigator.memberId });
    const second = await t.request(investigatorBE, 'POST', `/api/platforms/${created.id}/claim`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('platforms.already_claimed');
    const row = (await t.request(coordinator, 'GET', platformsUrl()))
      .json()
      .find((p: { id: string }) => p.id === created.id);
    expect(row.claimedBy).toBe(investigator.memberId);
  });

  it('of 200 simultaneous claims for one platform exactly one wins', async () => {
    const created = (await t.request(coordinator, 'POST', platformsUrl(), platform(50))).json();
    const racers = [investigator, investigatorBE];
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.request(racers[i % 2] as Session, 'POST', `/api/platforms/${created.id}/claim`),
      ),
    );
    // the winner's own repeated requests are retries and answer 200 with the claim they hold;
    // every request of the other racer loses
    const holder = responses.find((r) => r.statusCode === 200)?.json<Platform>().claimedBy;
    const winner = racers.findIndex((r) => r.memberId === holder);
    expect(winner).toBeGreaterThanOrEqual(0);
    const codesOf = (racer: number) => responses.filter((_, i) => i % 2 === racer).map((r) => r.statusCode);
    expect(new Set(codesOf(winner))).toEqual(new Set([200]));
    expect(new Set(codesOf(1 - winner))).toEqual(new Set([409]));
  });

  it('observers and analysts cannot claim, non-members get 403, unknown platforms 404', async () => {
    const created = (await t.request(coordinator, 'POST', platformsUrl(), platform(60))).json();
    const observer = await t.member(operation.id, coordinator, 'observer', 'NL');
    expect((await t.request(observer, 'POST', `/api/platforms/${created.id}/claim`)).json().error.code).toBe(
      'auth.forbidden',
    );
    const stranger = await t.user();
    expect((await t.request(stranger, 'POST', `/api/platforms/${created.id}/claim`)).json().error.code).toBe(
      'operations.not_member',
    );
    expect((await t.request(stranger, 'GET', platformsUrl())).statusCode).toBe(403);
    const unknown = await t.request(investigator, 'POST', '/api/platforms/00000000-0000-4000-8000-000000000000/claim');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('platforms.not_found');
  });

  it('every change is in the audit log with who did it', async () => {
    const rows = await t.app.deps.db.select().from(auditEvents);
    const claims = rows.filter((r) => r.action === 'platform.claimed' && r.actorId === investigator.userId);
    expect(claims.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.action === 'platform.created' && r.actorId === coordinator.userId)).toBe(true);
  });
});
