import type { Finding, FindingCreated, Match, Platform, Tally } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';

/** "pay 1,500 dollars cash first, 2,500 in Mexico, and the rest on arrival in the US" (seed 001). */
const mexicoOffer = {
  kind: 'offer',
  route: ['gt', 'MX', 'US'],
  means: ['truck', 'on_foot'],
  priceMinor: 600_000,
  currency: 'usd',
  stages: [
    { amountMinor: 150_000, at: 'upfront', note: 'cash first' },
    { amountMinor: 250_000, at: 'transit', country: 'MX' },
    { at: 'arrival', country: 'US', note: 'the rest' },
  ],
  language: 'es',
  contacts: [{ identifierKind: 'phone', value: '+52 55 1234 5678' }],
};

describe.shuffle('smuggling offers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  async function day(themes: string[] = ['smuggling']) {
    const w = await t.seed({
      operation: { themes: themes as ('sexual' | 'labour' | 'smuggling')[] },
      members: { mx: ['investigator', 'MX', 'Marta'], es: ['investigator', 'ES', 'Elena'], analyst: ['analyst', 'NL'] },
      platforms: [{ name: 'TikTok', url: 'https://www.tiktok.com', category: 'social_media' }],
    });
    const platform = w.platforms[0] as Platform;
    const log = (session: Session, body: Record<string, unknown>) =>
      t.request(session, 'POST', w.path('/findings'), { platformId: platform.id, ...body });
    const offers = async () =>
      (await t.request(w.coordinator, 'GET', w.path('/findings?kind=offer'))).json<Finding[]>();
    return { ...w, ...w.members, platform, log, offers };
  }

  it('an investigator logs an offer with its route, price, stages and contact, in minor units of its currency', async () => {
    const { mx, log } = await day();
    const answer = await log(mx, mexicoOffer);
    expect(answer.statusCode).toBe(201);
    expect(answer.json<FindingCreated>().finding).toMatchObject({
      kind: 'offer',
      route: ['GT', 'MX', 'US'],
      means: ['truck', 'on_foot'],
      priceMinor: 600_000,
      currency: 'USD',
      stagesBeyondPrice: false,
      language: 'es',
      contacts: [{ identifierKind: 'phone', normalizedValue: '+525512345678' }],
    });
    expect(answer.json<FindingCreated>().finding.stages).toHaveLength(3);
  });

  it("an offer's contact phone matches the same number logged as an identifier by another country", async () => {
    const { mx, es, analyst, log, path } = await day();
    const offer = (await log(mx, mexicoOffer)).json<FindingCreated>().finding;
    const second = await log(es, { kind: 'identifier', identifierKind: 'phone', value: '0052 55 1234 5678' });
    expect(second.json<FindingCreated>().matches).toEqual([
      { matchId: expect.any(String), status: 'open', strength: 'exact' },
    ]);
    const [match] = (await t.request(analyst, 'GET', path('/matches'))).json<Match[]>();
    expect(match).toMatchObject({ value: '+525512345678', countries: ['ES', 'MX'] });
    expect(match?.sightings.map((s) => s.findingId)).toContain(offer.id);
    // deleting the offer withdraws its contact from the match
    await t.request(mx, 'DELETE', `/api/findings/${offer.id}`);
    expect((await t.request(analyst, 'GET', path('/matches'))).json<Match[]>()).toEqual([]);
  });

  it('bad currency, unknown countries, negative or absurd amounts and stages beyond the price are refused field by field, changing nothing', async () => {
    const { mx, log, offers } = await day();
    const refused = async (change: Record<string, unknown>, path: string) => {
      const answer = await log(mx, { ...mexicoOffer, ...change });
      expect(answer.statusCode, path).toBe(400);
      const fields = answer.json<{ error: { details: { fields: { path: string }[] } } }>().error.details.fields;
      // schema errors name the body's field, rules checked after reading name the field itself
      expect(
        fields.map((f) => f.path.replace(/^body\./, '')),
        path,
      ).toContain(path);
    };
    await refused({ currency: 'XYZ' }, 'currency');
    await refused({ currency: 'XAU' }, 'currency');
    await refused({ route: ['GT', 'ZZ', 'US'] }, 'route.1');
    await refused({ route: ['GT'] }, 'route');
    await refused({ priceMinor: -5 }, 'priceMinor');
    await refused({ priceMinor: 1.5 }, 'priceMinor');
    await refused({ priceMinor: 2_000_000_000 }, 'priceMinor');
    await refused({ currency: undefined }, 'currency');
    await refused({ stages: [{ amountMinor: 700_000, at: 'upfront' }] }, 'stages');
    await refused({ stages: [{ amountMinor: 100, at: 'somewhen' }] }, 'stages.0.at');
    await refused({ stages: [{ amountMinor: 0, at: 'upfront' }] }, 'stages.0.amountMinor');
    await refused({ contacts: [{ identifierKind: 'phone', value: '12' }] }, 'contacts.0.value');
    expect(await offers()).toEqual([]);
    // said so: the ad asks more in stages than its headline price
    const beyond = await log(mx, {
      ...mexicoOffer,
      stages: [{ amountMinor: 700_000, at: 'upfront' }],
      stagesBeyondPrice: true,
    });
    expect(beyond.statusCode).toBe(201);
  });

  it("an offer's amounts follow its currency's minor units: yen have none, dinars three", async () => {
    const { mx, log } = await day();
    expect((await log(mx, { ...mexicoOffer, currency: 'JPY', priceMinor: 900_000, stages: [] })).statusCode).toBe(201);
    expect((await log(mx, { ...mexicoOffer, currency: 'JPY', priceMinor: 90_000_000, stages: [] })).statusCode).toBe(
      400,
    );
    expect((await log(mx, { ...mexicoOffer, currency: 'KWD', priceMinor: 90_000_000, stages: [] })).statusCode).toBe(
      201,
    );
  });

  it('an operation without the smuggling theme refuses offers; the advertiser must be a suspect of the operation', async () => {
    const trafficking = await day(['sexual']);
    const off = await trafficking.log(trafficking.mx, mexicoOffer);
    expect(off.statusCode).toBe(400);
    expect(off.json<{ error: { code: string } }>().error.code).toBe('findings.theme_off');

    const { mx, log } = await day();
    const identifier = (
      await log(mx, { kind: 'identifier', identifierKind: 'username', value: '@coyote' })
    ).json<FindingCreated>().finding;
    const notSuspect = await log(mx, { ...mexicoOffer, advertiserId: identifier.id });
    expect(notSuspect.json<{ error: { code: string } }>().error.code).toBe('findings.not_a_suspect');
    const suspect = (
      await log(mx, { kind: 'suspect', aliases: ['El Coyote'], role: 'smuggler' })
    ).json<FindingCreated>().finding;
    const linked = await log(mx, { ...mexicoOffer, advertiserId: suspect.id });
    expect(linked.json<FindingCreated>().finding.advertiserId).toBe(suspect.id);
  });

  it('a change to the price is held to the same rules as logging it', async () => {
    const { mx, log } = await day();
    const offer = (await log(mx, mexicoOffer)).json<FindingCreated>().finding;
    const tooLow = await t.request(mx, 'PATCH', `/api/findings/${offer.id}`, { priceMinor: 100_000 });
    expect(tooLow.statusCode).toBe(400);
    expect(tooLow.json<{ error: { details: { fields: { path: string }[] } } }>().error.details.fields[0]?.path).toBe(
      'stages',
    );
    const ok = await t.request(mx, 'PATCH', `/api/findings/${offer.id}`, { priceMinor: 450_000, route: ['GT', 'US'] });
    expect(ok.json<Finding>()).toMatchObject({ priceMinor: 450_000, route: ['GT', 'US'] });
  });

  it('a smuggling day starts with the smuggling and liaison figures, which equal a recount', async () => {
    const { mx, es, log, coordinator, path } = await day();
    await log(mx, mexicoOffer);
    await log(es, { ...mexicoOffer, route: ['MA', 'ES'], currency: 'EUR', contacts: [] });
    await log(es, { kind: 'suspect', aliases: ['Rafa'], role: 'smuggler' });
    const tally = (await t.request(coordinator, 'GET', path('/tallies'))).json<Tally>();
    const values = Object.fromEntries(tally.figures.map((f) => [f.key, f.value]));
    expect(values).toMatchObject({ offers_logged: 2, smugglers_logged: 1, content_reported: 0 });
    expect(values).not.toHaveProperty('possible_victims');
  });
});
