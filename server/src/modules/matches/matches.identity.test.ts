import type { FindingCreated, Match, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, type Session, TestApp, eventually } from '../../test/test-app.js';

describe('the same person found whichever site they were quoted on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
  });
  afterAll(() => t.close());

  async function day() {
    const { operation, coordinator } = await t.operation();
    const nl = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Noor');
    const de = await t.member(operation.id, coordinator, 'investigator', 'DE', 'Dieter');
    const ua = await t.member(operation.id, coordinator, 'investigator', 'UA', 'Olena');
    const analyst = await t.member(operation.id, coordinator, 'analyst', 'NL', 'Analyst');
    const platform = async (body: Record<string, unknown>) =>
      (
        await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
          category: 'classified_ads',
          ...body,
        })
      ).json<Platform>();
    const log = async (
      session: Session,
      on: Platform,
      identifierKind: string,
      value: string,
      extra: Record<string, unknown> = {},
    ) => {
      const response = await t.request(session, 'POST', `/api/operations/${operation.id}/findings`, {
        kind: 'identifier',
        platformId: on.id,
        identifierKind,
        value,
        ...extra,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<FindingCreated>();
    };
    const matches = async (session: Session) =>
      (await t.request(session, 'GET', `/api/operations/${operation.id}/matches`)).json<Match[]>();
    return { operation, coordinator, nl, de, ua, analyst, platform, log, matches };
  }

  it('a Telegram handle quoted in an escort ad, logged on t.me and listed in a reference list is one match with three sightings, pushed live', async () => {
    const { operation, nl, de, analyst, platform, log, matches } = await day();
    const socket: ClientSocket = await t.socket(analyst);
    await socket.emitWithAck('operation:join', { operationId: operation.id });
    const heard: Match[] = [];
    socket.on('match:found', ({ match }) => heard.push(match));
    socket.on('match:updated', ({ match }) => heard.push(match));
    const ads = await platform({ name: 'Escort ads', url: 'https://ads.example.com' });
    const telegram = await platform({ name: 'Telegram', url: 'https://t.me', category: 'messaging' });

    const quoted = await log(nl, ads, 'username', 'Telegram @katya_sweet99');
    expect(quoted.finding).toMatchObject({ normalizedValue: 'telegram:katya_sweet99', service: 'telegram' });
    await log(de, telegram, 'profile_url', 't.me/katya_sweet99');
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/reference-lists?name=Europol`,
      headers: { cookie: analyst.cookie, 'content-type': 'text/csv' },
      payload: 'kind,service,value,label\nusername,telegram,katya_sweet99,known recruiter\n',
    });
    expect(imported.json()).toMatchObject({ entries: 1, rejected: [] });

    const [match, ...others] = await matches(analyst);
    expect(others).toEqual([]);
    expect(match).toMatchObject({ value: 'telegram:katya_sweet99', strength: 'exact', countries: ['DE', 'NL'] });
    expect(match?.sightings.map((s) => s.source).sort()).toEqual(['finding', 'finding', 'reference']);
    await eventually(() => expect(heard.at(-1)?.sightings).toHaveLength(3));
  });

  it('a handle with no known service is a possible match with the same handle on a service, shown as such', async () => {
    const { nl, de, analyst, platform, log, matches } = await day();
    const forum = await platform({ name: 'Forum', url: 'https://forum.example.net', category: 'forum' });
    const insta = await platform({ name: 'Instagram', url: 'https://instagram.com', category: 'social_media' });
    await log(nl, forum, 'username', '@anna_k');
    await log(de, insta, 'profile_url', 'https://m.instagram.com/anna_k/?hl=en');
    const found = await matches(analyst);
    expect(found.map((m) => [m.strength, m.value])).toEqual([['possible', 'anna_k']]);
  });

  it('an Instagram profile URL with a mobile host and tracking parameters is the same identity as the bare profile URL', async () => {
    const { nl, de, analyst, platform, log, matches } = await day();
    const ads = await platform({ name: 'Ads', url: 'https://ads.example.org' });
    await log(nl, ads, 'profile_url', 'https://m.instagram.com/anna_k/?hl=en');
    await log(de, ads, 'profile_url', 'instagram.com/anna_k');
    expect((await matches(analyst)).map((m) => [m.strength, m.value])).toEqual([['exact', 'instagram:anna_k']]);
  });

  it('local numbers are read where they are valid: a German mobile on a French-focused platform, a Ukrainian number in a Ukrainian ad', async () => {
    const { de, ua, platform, log } = await day();
    const french = await platform({ name: 'Annonces', url: 'https://annonces.example.fr', countryFocus: 'FR' });
    const german = await log(de, french, 'phone', '0151 23456789');
    expect(german.finding).toMatchObject({ normalizedValue: '+4915123456789', readAs: { region: 'DE' } });
    const ukrainian = await platform({ name: 'Оголошення', url: 'https://ogoloshennya.example.ua', languages: ['uk'] });
    const viber = await log(ua, ukrainian, 'phone', 'Viber: 0501234567');
    expect(viber.finding).toMatchObject({ normalizedValue: '+380501234567', readAs: { region: 'UA' } });
  });

  it('the person may say where a number is read: a choice of region beats the guess', async () => {
    const { nl, platform, log } = await day();
    const ads = await platform({ name: 'Ads', url: 'https://ads.example.org', countryFocus: 'NL' });
    const read = await log(nl, ads, 'phone', '0151 23456789', { regions: ['DE'] });
    expect(read.finding.readAs).toMatchObject({ region: 'DE' });
  });

  it('spelled-out words never become a number: paste-extract lists them as not recognised', async () => {
    const { operation, de, nl } = await day();
    const response = await t.request(de, 'POST', `/api/operations/${operation.id}/extract`, {
      text: 'call me: zero six one two three four five six seven eight, or 0176/11223344',
    });
    const body = response.json<{
      identifiers: { normalizedValue: string | null }[];
      unrecognised: { reason: string }[];
    }>();
    expect(body.identifiers.map((i) => i.normalizedValue)).toEqual(['+4917611223344']);
    expect(body.unrecognised.map((u) => u.reason)).toContain('spelled_out');
    // read by a Dutch investigator the German number is no Dutch number: it is listed, not dropped
    const dutch = await t.request(nl, 'POST', `/api/operations/${operation.id}/extract`, { text: 'bel 0176/11223344' });
    expect(dutch.json<{ unrecognised: { raw: string; reason: string }[] }>().unrecognised).toEqual([
      expect.objectContaining({ raw: expect.stringContaining('0176/11223344'), reason: 'not_valid' }),
    ]);
  });
});
