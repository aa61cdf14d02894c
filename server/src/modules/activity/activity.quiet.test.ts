import type { Activity, Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';

describe('the activity feed', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let investigator: Session;

  beforeAll(async () => {
    t = await TestApp.create();
    ({ operation, coordinator } = await t.operation());
    investigator = await t.member(operation.id, coordinator, 'investigator', 'PL');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows what people did, while reads of records and refusals stay in the audit log only', async () => {
    const [platform] = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
        { name: 'Forum One', url: 'https://one.example.org', category: 'forum' },
      ])
    ).json<Platform[]>();
    expect((await t.request(investigator, 'POST', `/api/platforms/${platform?.id}/claim`)).statusCode).toBe(200);
    // reads of records: a list of findings, a refusal (an investigator may not read the audit log)
    expect((await t.request(investigator, 'GET', `/api/operations/${operation.id}/findings`)).statusCode).toBe(200);
    expect((await t.request(investigator, 'GET', `/api/operations/${operation.id}/audit?format=json`)).statusCode).toBe(
      403,
    );

    const feed = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/activity`)).json<Activity[]>();
    const actions = feed.map((a) => a.action);
    expect(actions).toContain('platform.claimed');
    expect(actions).toContain('platform.created');
    expect(actions).not.toContain('finding.list_read');
    expect(actions).not.toContain('auth.refused');

    const trail = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/audit?format=json`)).json<
      { action: string }[]
    >();
    expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(['finding.list_read', 'auth.refused']));
  });
});
