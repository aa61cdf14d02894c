import type { FindingCreated, Hit, HitView, Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, type Session, TestApp, eventually } from '../../test/test-app.js';

describe('cross-hits', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let nl: Session;
  let be: Session;
  let de: Session;
  let analyst: Session;
  let observer: Session;
  let platform: Platform;
  const heard = new Map<Session, HitView[]>();

  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
    ({ operation, coordinator } = await t.operation());
    nl = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Noor');
    be = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram');
    de = await t.member(operation.id, coordinator, 'investigator', 'DE', 'Dieter');
    analyst = await t.member(operation.id, coordinator, 'analyst', 'NL', 'Europol analyst');
    observer = await t.member(operation.id, coordinator, 'observer', 'NL');
    platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Ads',
        url: 'https://ads.example.org',
        category: 'classified_ads',
        countryFocus: 'NL',
      })
    ).json<Platform>();
    for (const session of [coordinator, nl, be, de, analyst, observer]) {
      const socket: ClientSocket = await t.socket(session);
      await socket.emitWithAck('operation:join', { operationId: operation.id });
      heard.set(session, []);
      socket.on('hit:found', ({ hit }) => heard.get(session)?.push(hit));
    }
  });
  afterAll(() => t.close());

  const logPhone = (session: Session, value: string, extra: Record<string, unknown> = {}) =>
    t.request(session, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: platform.id,
      identifierKind: 'phone',
      value,
      ...extra,
    });

  it('the same number in three spellings from two countries is a hit, pushed to the right people only', async () => {
    const first = await logPhone(nl, '+31 6 1234 5678');
    expect(first.json<FindingCreated>().hits).toEqual([]);
    const second = await logPhone(be, '0612345678');
    const { hits, finding } = second.json<FindingCreated>();
    expect(hits).toEqual([{ hitId: expect.any(String), source: 'finding' }]);
    expect(finding.normalizedValue).toBe('+31612345678');

    await eventually(() => {
      expect(heard.get(coordinator)).toHaveLength(1);
      expect(heard.get(analyst)).toHaveLength(1);
      expect(heard.get(nl)).toHaveLength(1);
      expect(heard.get(be)).toHaveLength(1);
    });
    expect(heard.get(analyst)?.[0]).toMatchObject({
      redacted: false,
      normalizedValue: '+31612345678',
      contacts: expect.arrayContaining([
        expect.objectContaining({ name: 'Noor', country: 'NL' }),
        expect.objectContaining({ name: 'Bram', country: 'BE' }),
      ]),
    });

    // the investigators learn that there is a hit and whom to contact — not the other record
    const toNoor = heard.get(nl)?.[0];
    expect(toNoor).toMatchObject({ redacted: true, contacts: [{ name: 'Bram', country: 'BE', agency: 'Police BE' }] });
    expect(JSON.stringify(toNoor)).not.toContain('+316');
    expect(JSON.stringify(heard.get(be)?.[0])).not.toContain(first.json<FindingCreated>().finding.id);

    const third = await logPhone(de, '06-12 34 56 78');
    expect(third.json<FindingCreated>().hits).toHaveLength(2);
    await eventually(() => expect(heard.get(de)).toHaveLength(2));
    expect(heard.get(observer)).toEqual([]);
  });

  it('two countries logging the same number at the same moment still meet in a hit', async () => {
    const [first, second] = await Promise.all([logPhone(nl, '+31 6 5555 0001'), logPhone(be, '0655550001')]);
    const hits = [...first.json<FindingCreated>().hits, ...second.json<FindingCreated>().hits];
    expect(hits).toHaveLength(1);
  });

  it('logging the same identifier twice oneself is no hit', async () => {
    await logPhone(nl, '+32 470 12 34 56');
    expect((await logPhone(nl, '0032470123456')).json<FindingCreated>().hits).toEqual([]);
  });

  it('an analyst imports a reference list: earlier findings that match become hits, and later ones too', async () => {
    const earlier = await t.request(nl, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: platform.id,
      identifierKind: 'email',
      value: 'Boss@Example.org',
    });
    const csv =
      'kind,value,label,region\nemail,boss@example.org,known trafficker,\nphone,0470 99 88 77,known facilitator,BE\nphone,not a phone,,\nfax,123,,\n';
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/reference-lists?name=Agency%20list`,
      headers: { cookie: nl.cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(refused.statusCode).toBe(403);
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/reference-lists?name=Agency%20list`,
      headers: { cookie: analyst.cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({
      name: 'Agency list',
      entries: 2,
      rejected: [{ line: 4 }, { line: 5 }],
      hits: 1,
    });
    const later = await t.request(be, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: platform.id,
      identifierKind: 'phone',
      value: '+32 470 99 88 77',
    });
    expect(later.json<FindingCreated>().hits).toEqual([{ hitId: expect.any(String), source: 'reference' }]);
    const all = (await t.request(analyst, 'GET', `/api/operations/${operation.id}/hits`)).json<Hit[]>();
    const fromList = all.filter((h) => h.referenceList === 'Agency list');
    expect(fromList.map((h) => h.referenceLabel).sort()).toEqual(['known facilitator', 'known trafficker']);
    expect(fromList.find((h) => h.findingId === earlier.json<FindingCreated>().finding.id)).toBeDefined();
  });

  it('hits are listed by role: all for analysts, own ones (redacted) for investigators, none for observers', async () => {
    const forAnalyst = (await t.request(analyst, 'GET', `/api/operations/${operation.id}/hits`)).json<HitView[]>();
    const forNoor = (await t.request(nl, 'GET', `/api/operations/${operation.id}/hits`)).json<HitView[]>();
    expect(forAnalyst.every((h) => !h.redacted)).toBe(true);
    expect(forNoor.length).toBeGreaterThan(0);
    expect(forNoor.length).toBeLessThan(forAnalyst.length);
    expect(forNoor.every((h) => h.redacted)).toBe(true);
    expect((await t.request(observer, 'GET', `/api/operations/${operation.id}/hits`)).statusCode).toBe(403);
  });

  it('an analyst confirms or dismisses a hit, once', async () => {
    const [hit] = (await t.request(analyst, 'GET', `/api/operations/${operation.id}/hits`)).json<Hit[]>();
    expect((await t.request(nl, 'POST', `/api/hits/${hit?.id}/resolve`, { status: 'confirmed' })).statusCode).toBe(403);
    const confirmed = await t.request(analyst, 'POST', `/api/hits/${hit?.id}/resolve`, {
      status: 'confirmed',
      note: 'same person',
    });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', resolvedAt: expect.any(String) });
    const again = await t.request(analyst, 'POST', `/api/hits/${hit?.id}/resolve`, { status: 'dismissed' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('hits.already_resolved');
  });

  it("a hit on a TLP:RED record stays with the coordinators and the record's own country", async () => {
    const secretPlatform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Forum',
        url: 'https://forum.example.org',
        category: 'forum',
      })
    ).json<Platform>();
    await t.request(be, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: secretPlatform.id,
      identifierKind: 'wallet',
      value: '0x1111111111111111111111111111111111111111',
      handling: 'TLP:RED',
    });
    const before = {
      analyst: heard.get(analyst)?.length ?? 0,
      de: heard.get(de)?.length ?? 0,
      coordinator: heard.get(coordinator)?.length ?? 0,
    };
    const logged = await t.request(de, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: secretPlatform.id,
      identifierKind: 'wallet',
      value: '0x1111111111111111111111111111111111111111',
    });
    // recorded for the coordinators, but the German investigator is not told of a Belgian TLP:RED record
    expect(logged.json<FindingCreated>().hits).toEqual([]);
    await eventually(() => expect(heard.get(coordinator)?.length).toBe(before.coordinator + 1));
    // a later hit everyone hears proves delivery caught up
    await logPhone(nl, '+31 6 7777 0001');
    await logPhone(de, '0677770001');
    await eventually(() => expect(heard.get(analyst)?.length).toBe(before.analyst + 1));
    expect(JSON.stringify(heard.get(analyst))).not.toContain('0x1111');
    expect(heard.get(de)?.length).toBe(before.de + 1);
    const listed = (await t.request(analyst, 'GET', `/api/operations/${operation.id}/hits`)).json<HitView[]>();
    expect(JSON.stringify(listed)).not.toContain('0x1111');
  });
});
