import type { FigureDefinition, Operation } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test/test-app.js';

describe.shuffle('operation themes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  const figureKeys = async (coordinator: Parameters<TestApp['request']>[0], path: string) =>
    (await t.request(coordinator, 'GET', `${path}/figures`)).json<FigureDefinition[]>().map((f) => f.key);

  it('a trafficking day starts with the 2022 figures and the platforms discovered during the day counted on their own', async () => {
    const { operation, coordinator, path } = await t.seed({});
    expect(operation.themes).toEqual(['sexual', 'labour']);
    expect(await figureKeys(coordinator, path())).toEqual([
      'platforms_monitored',
      'platforms_suspected',
      'platforms_confirmed',
      'suspects_identified',
      'possible_victims',
      'platforms_follow_up',
      'identifiers_checked',
      'platforms_discovered',
    ]);
  });

  it('adding smuggling before the day goes live adds its figures and those of the work with platforms; dropping it takes them away', async () => {
    const { coordinator, path } = await t.seed({ operation: { themes: ['labour'] } });
    const changed = await t.request(coordinator, 'PATCH', path(), { themes: ['smuggling', 'labour'] });
    expect(changed.json<Operation>().themes).toEqual(['labour', 'smuggling']);
    const keys = await figureKeys(coordinator, path());
    expect(keys).toEqual(expect.arrayContaining(['possible_victims', 'offers_logged', 'content_removed']));
    await t.request(coordinator, 'PATCH', path(), { themes: ['labour'] });
    expect(await figureKeys(coordinator, path())).not.toContain('offers_logged');
  });

  it('once live, the themes stay as they are; no theme at all is refused', async () => {
    const { coordinator, path } = await t.seed({});
    expect((await t.request(coordinator, 'PATCH', path(), { themes: [] })).statusCode).toBe(400);
    await t.request(coordinator, 'POST', path('/status'), { status: 'live' });
    const locked = await t.request(coordinator, 'PATCH', path(), { themes: ['smuggling'] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<{ error: { code: string } }>().error.code).toBe('operations.themes_locked');
    // the same themes again is no change, and other settings still change
    expect(
      (await t.request(coordinator, 'PATCH', path(), { themes: ['labour', 'sexual'], claimLimit: 3 })).statusCode,
    ).toBe(200);
  });
});
