import type { FindingCreated, LiaisonRequest, Platform, Report } from '@actionday/shared';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';

const offer = (route: string[], currency: string, priceMinor: number) => ({
  kind: 'offer',
  route,
  currency,
  priceMinor,
  stages: [],
});

describe('the route and liaison tables of the after-action report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  async function smugglingDay() {
    const w = await t.seed({
      operation: { themes: ['smuggling'] },
      members: { es: ['investigator', 'ES'], mx: ['investigator', 'MX'], observer: ['observer', 'NL'] },
      platforms: [{ name: 'TikTok', url: 'https://www.tiktok.com', category: 'social_media' }],
    });
    const platform = w.platforms[0] as Platform;
    const log = (session: Session, body: Record<string, unknown>) =>
      t.request(session, 'POST', w.path('/findings'), { platformId: platform.id, ...body });
    const ask = async (session: Session, body: Record<string, unknown>) =>
      (
        await t.request(session, 'POST', w.path('/requests'), { platformId: platform.id, ...body })
      ).json<LiaisonRequest>();
    const move = (session: Session, id: string, state: string) =>
      t.request(session, 'PATCH', `/api/requests/${id}`, { state });
    const report = (session: Session, query = '') => t.request(session, 'GET', w.path(`/report?${query}`));
    return { ...w, ...w.members, log, ask, move, report };
  }

  it('counts offers per route and currency with their median price, and requests per kind and state, as a recount does', async () => {
    const { es, mx, coordinator, log, ask, move, report } = await smugglingDay();
    await log(mx, offer(['GT', 'MX', 'US'], 'USD', 500_000));
    await log(mx, offer(['GT', 'US'], 'USD', 700_000));
    await log(mx, offer(['HN', 'US'], 'USD', 900_000));
    await log(es, offer(['MA', 'ES'], 'EUR', 150_000));
    const gone = (await log(es, offer(['MA', 'ES'], 'EUR', 999_900))).json<FindingCreated>().finding;
    await t.request(es, 'DELETE', `/api/findings/${gone.id}`);

    const a = await ask(es, { kind: 'takedown', state: 'sent' });
    const b = await ask(mx, { kind: 'takedown', state: 'sent', legalRequestNeeded: true });
    await ask(es, { kind: 'preservation' });
    await move(es, a.id, 'removed');
    await move(mx, b.id, 'refused');

    const json = (await report(coordinator, 'format=json')).json<Report>();
    expect(json.tables.byRoute).toEqual([
      { origin: 'GT', destination: 'US', currency: 'USD', offers: 2, medianPriceMinor: 600_000 },
      { origin: 'HN', destination: 'US', currency: 'USD', offers: 1, medianPriceMinor: 900_000 },
      { origin: 'MA', destination: 'ES', currency: 'EUR', offers: 1, medianPriceMinor: 150_000 },
    ]);
    const takedowns = json.tables.liaison.find((r) => r.kind === 'takedown');
    expect(takedowns).toMatchObject({ requests: 2, sent: 0, removed: 1, refused: 1, legalRequestNeeded: 1 });
    expect(takedowns?.medianMinutesToRemoval).toBe(0);
    expect(json.tables.liaison.find((r) => r.kind === 'preservation')).toMatchObject({ requests: 1, draft: 1 });
    const figure = (key: string) => json.figures.find((f) => f.key === key)?.value;
    expect([figure('offers_logged'), figure('content_reported'), figure('content_removed')]).toEqual([4, 2, 1]);

    // the same tables in CSV, HTML (in Spanish) and the statement
    const zip = await report(coordinator, 'format=csv&table=by_route');
    const rows = Papa.parse<Record<string, string>>(zip.body.replace(/^\uFEFF/, ''), { header: true }).data;
    expect(rows.map((r) => [r.origin, r.destination, r.offers, r.median_price_minor])).toEqual([
      ['GT', 'US', '2', '600000'],
      ['HN', 'US', '1', '900000'],
      ['MA', 'ES', '1', '150000'],
    ]);
    const html = (await report(coordinator, 'format=html&lang=es')).body;
    expect(html).toContain('data-table="by-route"');
    expect(html).toContain('data-table="liaison"');
    expect(html).toContain('Marruecos');
    expect(json.statement.en.text).toContain('4 smuggling offers logged');
  });

  it('in the public version small numbers of offers read "<N" and their median price is not given', async () => {
    const { mx, coordinator, observer, log, report, path } = await smugglingDay();
    await t.request(coordinator, 'PATCH', path(), { suppressBelow: 3 });
    await log(mx, offer(['GT', 'US'], 'USD', 700_000));
    await log(mx, offer(['GT', 'US'], 'USD', 800_000));
    await log(mx, offer(['GT', 'US'], 'USD', 900_000));
    await log(mx, offer(['SV', 'US'], 'USD', 400_000));
    const json = (await report(observer, 'format=json')).json<Report>();
    expect(json.tables.byRoute).toEqual([
      { origin: 'GT', destination: 'US', currency: 'USD', offers: 3, medianPriceMinor: 800_000 },
      { origin: 'SV', destination: 'US', currency: 'USD', offers: null, medianPriceMinor: null },
    ]);
    const csv = (await report(observer, 'format=csv&table=by_route')).body;
    expect(csv).toContain('<3');
    expect(csv).not.toContain('400000');
  });
});
