import type { FindingCreated, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../test/test-app.js';

describe('retries with an Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  async function day() {
    const { operation, coordinator } = await t.operation();
    const nl = await t.member(operation.id, coordinator, 'investigator', 'NL');
    const platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Ads',
        url: 'https://ads.example.org',
        category: 'classified_ads',
      })
    ).json<Platform>();
    const send = (session: Session, method: 'POST' | 'PATCH', url: string, body: unknown, key?: string) =>
      t.app.inject({
        method,
        url,
        payload: body as object,
        headers: { cookie: session.cookie, ...(key ? { 'idempotency-key': key } : {}) },
      });
    const count = async () =>
      (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/findings`)).json<unknown[]>().length;
    return { operation, coordinator, nl, platform, send, count };
  }

  it('the same finding sent twice with one key is logged once, and the retry gets the first answer', async () => {
    const { operation, nl, platform, send, count } = await day();
    const body = { kind: 'suspect', platformId: platform.id, aliases: ['Mama Rosa'] };
    const first = await send(nl, 'POST', `/api/operations/${operation.id}/findings`, body, 'key-1');
    const retry = await send(nl, 'POST', `/api/operations/${operation.id}/findings`, body, 'key-1');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json<FindingCreated>().finding.id).toBe(first.json<FindingCreated>().finding.id);
    expect(await count()).toBe(1);
  });

  it('the same key with another request is refused, and changes nothing', async () => {
    const { operation, nl, platform, send, count } = await day();
    await send(
      nl,
      'POST',
      `/api/operations/${operation.id}/findings`,
      { kind: 'suspect', platformId: platform.id, aliases: ['A'] },
      'key-2',
    );
    const other = await send(
      nl,
      'POST',
      `/api/operations/${operation.id}/findings`,
      { kind: 'suspect', platformId: platform.id, aliases: ['B'] },
      'key-2',
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('request.idempotency_mismatch');
    expect(await count()).toBe(1);
  });

  it('ten copies of one write sent at once make one finding', async () => {
    const { operation, nl, platform, send, count } = await day();
    const body = { kind: 'suspect', platformId: platform.id, aliases: ['Burst'] };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send(nl, 'POST', `/api/operations/${operation.id}/findings`, body, 'key-3')),
    );
    expect(
      answers.every(
        (a) => a.statusCode === 201 || (a.statusCode === 409 && a.json().error.code === 'request.already_applied'),
      ),
    ).toBe(true);
    expect(await count()).toBe(1);
  });

  it('a refused write does not spend its key: the corrected retry with the same key is done', async () => {
    const { operation, nl, platform, send, count } = await day();
    const bad = await send(
      nl,
      'POST',
      `/api/operations/${operation.id}/findings`,
      { kind: 'identifier', platformId: platform.id, identifierKind: 'phone', value: 'no number' },
      'key-4',
    );
    expect(bad.statusCode).toBe(400);
    expect(await count()).toBe(0);
    const fixed = await send(
      nl,
      'POST',
      `/api/operations/${operation.id}/findings`,
      { kind: 'identifier', platformId: platform.id, identifierKind: 'phone', value: '+31 6 1234 5678' },
      'key-4',
    );
    expect(fixed.statusCode).toBe(201);
    expect(await count()).toBe(1);
  });

  it('a retried claim answers the one who won it as the first time, even without a key', async () => {
    const { nl, platform, send } = await day();
    const first = await send(nl, 'POST', `/api/platforms/${platform.id}/claim`, {});
    const again = await send(nl, 'POST', `/api/platforms/${platform.id}/claim`, {});
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json<Platform>().claimedBy).toBe(first.json<Platform>().claimedBy);
  });
});
