import type { Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';

describe.shuffle('pasting an ad: identifiers and indicator phrases', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let investigator: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  // every test in an operation of its own
  beforeEach(async () => {
    const w = await t.seed({
      members: { investigator: ['investigator', 'BE'] },
      platforms: [{ name: 'Ads NL', url: 'https://www.ads.example.org', category: 'escort_ads', countryFocus: 'NL' }],
    });
    ({ operation, coordinator } = w);
    ({ investigator } = w.members);
    platform = w.platforms[0] as Platform;
  });

  it('a new operation starts with the default indicators in several languages', async () => {
    const list = (await t.request(investigator, 'GET', `/api/operations/${operation.id}/indicators`)).json<
      { language: string; phrase: string }[]
    >();
    expect(new Set(list.map((i) => i.language))).toEqual(new Set(['en', 'nl', 'uk', 'ru']));
    expect(list).toContainEqual({ language: 'en', phrase: 'available 24/7' });
  });

  it("the server extracts ready-to-log identifiers, reading phones in the platform's region and handles as the service the ad names", async () => {
    const response = await t.request(investigator, 'POST', `/api/operations/${operation.id}/extract`, {
      platformId: platform.id,
      text: 'New in town! Bel 06 12 34 56 78, insta @Lola_X',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.identifiers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          identifierKind: 'phone',
          raw: '06 12 34 56 78',
          normalizedValue: '+31612345678',
          readAs: expect.objectContaining({ region: 'NL', basis: 'platform' }),
          problem: null,
        }),
        // "insta @Lola_X" on an ad site is an Instagram handle, whatever site it was quoted on
        expect.objectContaining({
          identifierKind: 'username',
          service: 'instagram',
          normalizedValue: 'instagram:lola_x',
          problem: null,
        }),
      ]),
    );
    expect(body.indicators).toEqual([{ phrase: 'new in town', language: 'en', start: 0, end: 11 }]);
  });

  it('a coordinator replaces the indicator list; investigators cannot', async () => {
    const list = [{ language: 'pl', phrase: 'praca za granicą' }];
    expect((await t.request(investigator, 'PUT', `/api/operations/${operation.id}/indicators`, list)).statusCode).toBe(
      403,
    );
    expect((await t.request(coordinator, 'PUT', `/api/operations/${operation.id}/indicators`, list)).json()).toEqual(
      list,
    );
    expect(
      (
        await t.request(coordinator, 'PUT', `/api/operations/${operation.id}/indicators`, [
          { language: 'polish', phrase: 'x' },
        ])
      ).statusCode,
    ).toBe(400);
  });
});
