import type { FindingCreated, Graph, Match, Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, type Session, TestApp, eventually } from '../../test/test-app.js';

describe.shuffle('matches: one value with all its sightings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
  });
  afterAll(() => t.close());

  /** An operation of its own for each test: NL, BE and DE investigators, an analyst, an observer, one ad site. */
  async function day() {
    const w = await t.seed({
      members: {
        nl: ['investigator', 'NL', 'Noor'],
        be: ['investigator', 'BE', 'Bram'],
        de: ['investigator', 'DE', 'Dieter'],
        analyst: ['analyst', 'NL', 'Europol analyst'],
        observer: ['observer', 'NL'],
      },
      platforms: [{ name: 'Ads', url: 'https://ads.example.org', category: 'classified_ads', countryFocus: 'NL' }],
    });
    const { operation, coordinator } = w;
    const { nl, be, de, analyst, observer } = w.members;
    const platform = w.platforms[0] as Platform;
    const log = (session: Session, identifierKind: string, value: string, extra: Record<string, unknown> = {}) =>
      t.request(session, 'POST', `/api/operations/${operation.id}/findings`, {
        kind: 'identifier',
        platformId: platform.id,
        identifierKind,
        value,
        ...extra,
      });
    const matches = async (session: Session, query = '') =>
      (await t.request(session, 'GET', `/api/operations/${operation.id}/matches${query}`)).json<Match[]>();
    return { operation, coordinator, nl, be, de, analyst, observer, platform, log, matches };
  }

  /** Sockets joined to the operation, recording every match event they receive. */
  async function listen(operation: Operation, sessions: Session[]) {
    const heard = new Map<Session, { event: string; match?: Match; matchId?: string }[]>();
    for (const session of sessions) {
      const socket: ClientSocket = await t.socket(session);
      await socket.emitWithAck('operation:join', { operationId: operation.id });
      heard.set(session, []);
      for (const event of ['match:found', 'match:updated', 'match:resolved'] as const) {
        socket.on(event, ({ match }) => heard.get(session)?.push({ event, match }));
      }
      socket.on('match:withdrawn', ({ matchId }) => heard.get(session)?.push({ event: 'match:withdrawn', matchId }));
    }
    return heard;
  }

  it('three countries logging one phone in three national formats make one match with three sightings, not three pairs', async () => {
    const { operation, coordinator, nl, be, de, analyst, observer, log, matches } = await day();
    const heard = await listen(operation, [analyst, nl, observer]);
    expect((await log(nl, 'phone', '+31 6 1234 5678')).json<FindingCreated>().matches).toEqual([]);
    const second = (await log(be, 'phone', '0612345678')).json<FindingCreated>();
    expect(second.matches).toEqual([{ matchId: expect.any(String), status: 'open', strength: 'exact' }]);
    const third = (await log(de, 'phone', '06-12 34 56 78')).json<FindingCreated>();
    expect(third.matches.map((m) => m.matchId)).toEqual(second.matches.map((m) => m.matchId));

    const [match, ...rest] = await matches(analyst);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ redacted: false, value: '+31612345678', countries: ['BE', 'DE', 'NL'] });
    expect(match?.sightings).toHaveLength(3);
    expect(await matches(coordinator)).toHaveLength(1);

    // live: the analyst saw it found, then joined by the third country
    await eventually(() => expect(heard.get(analyst)?.map((h) => h.event)).toEqual(['match:found', 'match:updated']));
    expect(heard.get(analyst)?.[1]?.match?.sightings).toHaveLength(3);
    // the observer hears nothing of records
    expect(heard.get(observer)).toEqual([]);
    expect((await t.request(observer, 'GET', `/api/operations/${operation.id}/matches`)).statusCode).toBe(403);
  });

  it('an investigator learns that their own identifier matched and whom to call, never the other records', async () => {
    const { nl, be, log, matches } = await day();
    const mine = (await log(nl, 'phone', '+31 6 2222 3333')).json<FindingCreated>().finding;
    await log(be, 'phone', '0622223333');
    const [seen] = await matches(nl);
    expect(seen).toMatchObject({
      redacted: true,
      value: '+31622223333',
      contacts: [{ name: 'Bram', country: 'BE', agency: 'Police BE' }],
    });
    const others = seen?.sightings.filter((s) => !s.mine) ?? [];
    expect(others).toHaveLength(1);
    expect(others[0]).toMatchObject({ findingId: null, platformId: null, value: null, country: 'BE' });
    // the finding itself is marked in their list, with the match state
    const list = (await t.request(nl, 'GET', `/api/operations/${mine.operationId}/findings?kind=identifier`)).json<
      { id: string; matches?: unknown[] }[]
    >();
    expect(list.find((f) => f.id === mine.id)?.matches).toEqual([
      { matchId: seen?.id, status: 'open', strength: 'exact' },
    ]);
  });

  it('an investigator not involved does not learn of the match, nor that a finding they can read is in one', async () => {
    const { nl, be, de, log, matches } = await day();
    const noor = (await log(nl, 'email', 'x@example.org')).json<FindingCreated>().finding;
    await log(be, 'email', 'X@Example.org');
    expect(await matches(de)).toEqual([]);
    const list = (await t.request(de, 'GET', `/api/operations/${noor.operationId}/findings?kind=identifier`)).json<
      { id: string; matches?: unknown }[]
    >();
    expect(list.find((f) => f.id === noor.id)?.matches).toBeUndefined();
  });

  it('an analyst confirms a match once, the note is shown afterwards with who and when, and can reopen it', async () => {
    const { nl, be, analyst, coordinator, log, matches } = await day();
    await log(nl, 'phone', '+31 6 4444 5555');
    await log(be, 'phone', '0644445555');
    const [open] = await matches(analyst);
    const confirmed = await t.request(analyst, 'POST', `/api/matches/${open?.id}/resolution`, {
      status: 'confirmed',
      note: 'Same number in Europol data',
      version: open?.version,
    });
    expect(confirmed.json<Match>()).toMatchObject({
      status: 'confirmed',
      resolution: { note: 'Same number in Europol data', by: 'Europol analyst' },
    });
    // a stale version (someone acted meanwhile) is refused and changes nothing
    const stale = await t.request(coordinator, 'POST', `/api/matches/${open?.id}/resolution`, {
      status: 'dismissed',
      version: open?.version,
    });
    expect(stale.json().error.code).toBe('matches.version_conflict');
    expect((await matches(analyst, '?status=confirmed')).map((m) => m.id)).toEqual([open?.id]);
    // the investigator sees the state, not the analyst's note
    expect((await matches(nl))[0]).toMatchObject({ status: 'confirmed', resolution: { note: null, by: null } });
    const reopened = await t.request(analyst, 'POST', `/api/matches/${open?.id}/resolution`, { status: 'open' });
    expect(reopened.json<Match>()).toMatchObject({ status: 'open', resolution: null });
    // investigators may not resolve
    expect(
      (await t.request(nl, 'POST', `/api/matches/${open?.id}/resolution`, { status: 'dismissed' })).statusCode,
    ).toBe(403);
  });

  it('the analyst resolves several matches at once and filters by kind, country and text', async () => {
    const { operation, nl, be, de, analyst, log, matches } = await day();
    await log(nl, 'phone', '+31 6 1111 0001');
    await log(be, 'phone', '0611110001');
    await log(nl, 'email', 'pimp@example.org');
    await log(de, 'email', 'pimp@example.org');
    expect(await matches(analyst, '?kind=email')).toHaveLength(1);
    expect((await matches(analyst, '?country=DE')).map((m) => m.value)).toEqual(['pimp@example.org']);
    expect((await matches(analyst, '?q=1111')).map((m) => m.value)).toEqual(['+31611110001']);
    const all = await matches(analyst);
    const bulk = await t.request(analyst, 'POST', `/api/operations/${operation.id}/matches/resolution`, {
      matchIds: all.map((m) => m.id),
      status: 'dismissed',
    });
    expect(bulk.json<Match[]>().map((m) => m.status)).toEqual(['dismissed', 'dismissed']);
  });

  it('a reference-list entry joins the match as a sighting with its list and label', async () => {
    const { operation, nl, be, analyst, log, matches } = await day();
    await log(nl, 'phone', '+31 6 1777 8888');
    await log(be, 'phone', '0617778888');
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/reference-lists?name=Europol`,
      headers: { cookie: analyst.cookie, 'content-type': 'text/csv' },
      payload: 'kind,value,label\nphone,+31617778888,known pimp\nphone,+31600000000,nobody\n',
    });
    expect(imported.json()).toMatchObject({ entries: 2, matches: 1 });
    const [match] = await matches(analyst);
    expect(match?.sightings.map((s) => s.source).sort()).toEqual(['finding', 'finding', 'reference']);
    expect(match?.sightings.find((s) => s.source === 'reference')).toMatchObject({
      referenceList: 'Europol',
      referenceLabel: 'known pimp',
    });
    const lists = (await t.request(analyst, 'GET', `/api/operations/${operation.id}/reference-lists`)).json<
      { id: string }[]
    >();
    expect(lists).toHaveLength(1);
    // deleting the list takes its sighting away, the match stays with the two findings
    await t.request(analyst, 'DELETE', `/api/operations/${operation.id}/reference-lists/${lists[0]?.id}`);
    expect((await matches(analyst))[0]?.sightings).toHaveLength(2);
  });

  it('a deleted finding leaves the match; who knew of it is told it is gone for them', async () => {
    const { operation, nl, be, analyst, log, matches } = await day();
    const heard = await listen(operation, [nl, analyst]);
    await log(nl, 'phone', '+31 6 3030 4040');
    const bram = (await log(be, 'phone', '0630304040')).json<FindingCreated>().finding;
    await eventually(() => expect(heard.get(nl)?.map((h) => h.event)).toEqual(['match:found']));
    await t.request(be, 'DELETE', `/api/findings/${bram.id}`);
    expect(await matches(analyst)).toEqual([]);
    await eventually(() => expect(heard.get(nl)?.map((h) => h.event)).toEqual(['match:found', 'match:withdrawn']));
  });

  it('a TLP:RED owner is told at once; the other side learns only the contact, and only once the owner shares it', async () => {
    const { operation, nl, be, coordinator, analyst, log, matches } = await day();
    const heard = await listen(operation, [nl, be]);
    await log(nl, 'phone', '+31 6 1999 0000', { handling: 'TLP:RED' });
    const bram = (await log(be, 'phone', '0619990000')).json<FindingCreated>();
    // Bram's answer says nothing, his list says nothing, he heard nothing
    expect(bram.matches).toEqual([]);
    expect(await matches(be)).toEqual([]);
    // an analyst of NL sees it; an analyst of another country is kept out like Bram; the coordinator sees both sides
    expect(await matches(analyst)).toHaveLength(1);
    const analystDe = await t.member(operation.id, coordinator, 'analyst', 'DE', 'Analyst DE');
    expect(await matches(analystDe)).toEqual([]);
    const [forCoordinator] = await matches(coordinator);
    expect(forCoordinator?.disclosures).toEqual([{ country: 'NL', state: 'pending', decidedAt: null }]);
    // Noor (NL) is told at once, and may decide
    const [forNoor] = await matches(nl);
    expect(forNoor).toMatchObject({ mayDisclose: true, contacts: [{ name: 'Bram', country: 'BE' }] });
    await eventually(() => expect(heard.get(nl)?.length).toBeGreaterThan(0));
    expect(heard.get(be)).toEqual([]);
    // Bram may not decide for NL
    expect(
      (await t.request(be, 'POST', `/api/matches/${forNoor?.id}/disclosure`, { share: true })).json().error.code,
    ).toBe('matches.not_found');
    // Noor shares the contact: now Bram learns whom to call, never the contents
    const shared = await t.request(nl, 'POST', `/api/matches/${forNoor?.id}/disclosure`, { share: true });
    expect(shared.json<Match>().disclosures).toEqual([
      { country: 'NL', state: 'shared', decidedAt: expect.any(String) },
    ]);
    expect((await matches(analystDe))[0]?.sightings.find((s) => s.country === 'NL')).toMatchObject({
      value: null,
      findingId: null,
    });
    const [forBram] = await matches(be);
    expect(forBram).toMatchObject({ redacted: true, contacts: [{ name: 'Noor', country: 'NL' }] });
    expect(forBram?.sightings.find((s) => !s.mine)).toMatchObject({
      value: null,
      platformId: null,
      findingId: null,
      country: 'NL',
    });
    await eventually(() => expect(heard.get(be)?.map((h) => h.event)).toContain('match:resolved'));
  });

  it('a TLP:RED owner keeps it closed: the other side never learns, and counts do not tell it either', async () => {
    const { operation, nl, be, observer, log, matches } = await day();
    await log(nl, 'phone', '+31 6 1212 3434', { handling: 'TLP:RED' });
    await log(be, 'phone', '0612123434');
    const [forNoor] = await matches(nl);
    await t.request(nl, 'POST', `/api/matches/${forNoor?.id}/disclosure`, { share: false });
    expect(await matches(be)).toEqual([]);
    const tally = (await t.request(observer, 'GET', `/api/operations/${operation.id}/tallies`)).json<{
      byCountry: Record<string, { matches: number }>;
    }>();
    expect(tally.byCountry.BE?.matches ?? 0).toBe(0);
    expect(tally.byCountry.NL?.matches ?? 0).toBe(0);
  });

  it('the link chart of an investigator of another country holds no node they could not open', async () => {
    const { operation, nl, be, de, coordinator, log } = await day();
    const red = (await log(nl, 'phone', '+31 6 5656 7878', { handling: 'TLP:RED' })).json<FindingCreated>().finding;
    await log(be, 'phone', '0656567878');
    const victim = await t.request(nl, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'victim',
      platformId: red.platformId,
      exploitation: 'sexual',
    });
    expect(victim.statusCode).toBe(201);
    const graph = (await t.request(de, 'GET', `/api/operations/${operation.id}/graph`)).json<Graph>();
    for (const node of graph.nodes.filter((n) => n.ref && ['identifier', 'suspect', 'victim'].includes(n.kind))) {
      expect((await t.request(de, 'GET', `/api/findings/${node.ref}`)).statusCode).toBe(200);
    }
    expect(graph.nodes.some((n) => n.ref === red.id)).toBe(false);
    expect(graph.nodes.some((n) => n.kind === 'match')).toBe(false);
    expect(JSON.stringify(graph)).not.toContain('V-NL-001');
    // the coordinator's chart holds both sides and the match between them
    const full = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/graph`)).json<Graph>();
    expect(full.nodes.some((n) => n.ref === red.id)).toBe(true);
    expect(full.edges.filter((e) => e.kind === 'sighting')).toHaveLength(2);
  });
});
