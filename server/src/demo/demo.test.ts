import type { Platform, Tally } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, eventually } from '../test/test-app.js';
import { demoCountries, seedDemo } from './seed-demo.js';
import { simulateDemo } from './simulate-demo.js';

describe('the demo', () => {
  let t: TestApp;
  let operationId: string;
  let printed = '';

  beforeAll(async () => {
    t = await TestApp.create();
    ({ operationId } = await seedDemo(t.app.deps, { print: (line) => (printed += line) }));
  });
  afterAll(() => t.close());

  it('is shaped like the 2022 action day: 114 platforms of every category, some tagged ukraine, 20 countries', async () => {
    const [, password] = printed.match(/coordinator@demo\.actionday\s+(\S+)/) ?? [];
    const coordinator = {
      userId: '',
      email: 'coordinator@demo.actionday',
      password: password ?? '',
      cookie: await t.signIn('coordinator@demo.actionday', password ?? ''),
    };
    const board = (await t.request(coordinator, 'GET', `/api/operations/${operationId}/platforms`)).json<Platform[]>();
    expect(board).toHaveLength(114);
    expect(new Set(board.map((p) => p.category)).size).toBe(9);
    expect(board.filter((p) => p.tags.includes('ukraine')).length).toBeGreaterThan(20);
    const detail = (await t.request(coordinator, 'GET', `/api/operations/${operationId}`)).json<{
      status: string;
      participants: { country: string }[];
    }>();
    expect(detail.status).toBe('live');
    expect(new Set(detail.participants.map((p) => p.country))).toEqual(new Set(demoCountries));
  });

  it('prints fresh passwords on every run, never a default one', async () => {
    const first = printed;
    printed = '';
    await seedDemo(t.app.deps, { print: (line) => (printed += line) });
    const password = (text: string) => text.match(/coordinator@demo\.actionday\s+(\S+)/)?.[1];
    expect(password(printed)).toBeDefined();
    expect(password(printed)).not.toBe(password(first));
  });

  it('demo investigators bring the board to life', async () => {
    const stop = simulateDemo(t.app.deps, operationId, t.app.log, 10);
    try {
      const [, password] = printed.match(/coordinator@demo\.actionday\s+(\S+)/) ?? [];
      const cookie = await t.signIn('coordinator@demo.actionday', password ?? '');
      await eventually(async () => {
        const tally = (
          await t.app.inject({ method: 'GET', url: `/api/operations/${operationId}/tallies`, headers: { cookie } })
        ).json<Tally>();
        expect(tally.progress.claimed + tally.progress.checked).toBeGreaterThan(0);
        expect(tally.figures.find((f) => f.key === 'identifiers_checked')?.value ?? 0).toBeGreaterThan(0);
      }, 10_000);
    } finally {
      stop();
    }
  });
});
