import { randomUUID } from 'node:crypto';
import type { FindingCreated, Match, Platform } from '@actionday/shared';
import { type ClientSocket, type Session, type TestApp, eventually } from '@actionday/server/test/test-app';
import { type Body, json, multipart } from './openapi.support.js';

/** The people whose observations are compared: none of them may see the hidden records. */
export const viewers = ['investigator', 'analyst', 'observer'] as const;
export type ViewerName = (typeof viewers)[number];

/** Socket events left out of the comparison, each with its reason. */
export const eventExemptions: Record<string, string> = {
  'presence:updated': 'who is online: sockets only, no record; its coalescing window follows the clock',
  'presence:counts': 'online counts per country: sockets only, no record; coalesced by time',
};

/**
 * Routes of the API document the day does not probe, each with its reason. Every other route must have a probe
 * in `probes`, so that a new route fails the test until someone says how hidden records could show in it.
 */
export const routeExemptions: Record<string, string> = {
  'GET /api/health': 'liveness: reads no record',
  'GET /api/ready': 'readiness: migrations and the evidence folder, no record',
  'POST /api/session': 'sign-in: accounts, no record of an operation',
  'DELETE /api/session': 'sign-out: ends the session the comparison needs',
  'GET /api/setup': 'first-run setup: no operation exists for it',
  'POST /api/setup': 'first-run setup: no operation exists for it',
  'GET /api/invites/{code}': 'invite codes: a secret of their own, no record',
  'POST /api/invites/{code}/accept': 'invite codes: a secret of their own, no record',
  'POST /api/me/totp': 'the account’s second factor: no record',
  'POST /api/me/totp/enable': 'the account’s second factor: no record',
  'DELETE /api/me/totp': 'the account’s second factor: no record',
  'PUT /api/me/language': 'the account’s language: no record',
  'POST /api/operations': 'creates a new, empty operation: no record of this one',
  'GET /api/operations/{operationId}/report?format=pdf':
    'the HTML report printed by Chromium: the same model as the HTML, which is compared',
};

/** The ids a probe fills a path with: the hidden records' own in the run that has them, fresh ids otherwise. */
export interface Ids {
  operationId: string;
  platformId: string;
  spareId: string;
  findingId: string;
  evidenceId: string;
  matchId: string;
  listId: string;
  participantId: string;
  country: string;
}

/** One probe of a documented route: its path (with a query when it matters) and body. */
export interface Probe {
  route: string;
  query?: string;
  body?: (ids: Ids) => Body;
}

const csv = (text: string): Body => ({ payload: text, contentType: 'text/csv' });

/** A probe per documented route (and format), each sent by every viewer after the scripted day. */
export const probes: Probe[] = [
  { route: 'GET /api/me' },
  { route: 'GET /api/operations' },
  { route: 'GET /api/operations/{operationId}' },
  { route: 'PATCH /api/operations/{operationId}', body: () => json({ name: 'Renamed' }) },
  { route: 'POST /api/operations/{operationId}/status', body: () => json({ status: 'briefing' }) },
  {
    route: 'POST /api/operations/{operationId}/invites',
    body: () => json({ role: 'observer', country: 'NL', agency: 'X' }),
  },
  { route: 'POST /api/operations/{operationId}/participants/{participantId}/revoke' },
  { route: 'DELETE /api/operations/{operationId}/participants/{participantId}/revocation-request' },
  { route: 'POST /api/operations/{operationId}/participants/{participantId}/reinstate' },
  { route: 'GET /api/operations/{operationId}/revocations' },
  { route: 'GET /api/operations/{operationId}/platforms' },
  { route: 'GET /api/operations/{operationId}/platforms/summary' },
  {
    route: 'POST /api/operations/{operationId}/platforms',
    body: () => json({ name: 'Found', url: 'https://found.example.org', category: 'forum', discovered: true }),
  },
  {
    route: 'POST /api/operations/{operationId}/platforms/import',
    query: 'dryRun=true',
    body: () => csv('name,url,category\nX,https://x.example.org,forum'),
  },
  { route: 'POST /api/platforms/{platformId}/claim' },
  { route: 'POST /api/platforms/{platformId}/heartbeat' },
  {
    route: 'POST /api/platforms/{platformId}/verdict',
    body: () => json({ verdict: 'no_indicators', followUp: false }),
  },
  { route: 'POST /api/platforms/{platformId}/release' },
  { route: 'POST /api/platforms/{platformId}/reopen' },
  { route: 'POST /api/platforms/{platformId}/assign', body: (ids) => json({ participantId: ids.participantId }) },
  { route: 'GET /api/operations/{operationId}/findings' },
  {
    route: 'POST /api/operations/{operationId}/findings',
    body: (ids) => json({ kind: 'suspect', platformId: ids.spareId, aliases: ['Probe'], links: [ids.findingId] }),
  },
  { route: 'GET /api/findings/{findingId}' },
  { route: 'PATCH /api/findings/{findingId}', body: () => json({ note: 'changed' }) },
  { route: 'DELETE /api/findings/{findingId}' },
  { route: 'GET /api/operations/{operationId}/evidence' },
  {
    route: 'POST /api/operations/{operationId}/evidence',
    body: (ids) => multipart({ platformId: ids.spareId, findingId: ids.findingId }),
  },
  { route: 'GET /api/evidence/{evidenceId}/file' },
  { route: 'GET /api/operations/{operationId}/matches' },
  {
    route: 'POST /api/operations/{operationId}/matches/resolution',
    body: (ids) => json({ matchIds: [ids.matchId], status: 'confirmed' }),
  },
  { route: 'GET /api/matches/{matchId}' },
  { route: 'POST /api/matches/{matchId}/resolution', body: () => json({ status: 'dismissed' }) },
  { route: 'POST /api/matches/{matchId}/disclosure', body: () => json({ share: true }) },
  { route: 'GET /api/operations/{operationId}/graph' },
  { route: 'GET /api/operations/{operationId}/reference-lists' },
  {
    route: 'POST /api/operations/{operationId}/reference-lists',
    query: 'name=Probe',
    body: () => csv('kind,value\nphone,+31687654321\nusername,@hidden_handle'),
  },
  { route: 'DELETE /api/operations/{operationId}/reference-lists/{listId}' },
  { route: 'GET /api/operations/{operationId}/indicators' },
  {
    route: 'PUT /api/operations/{operationId}/indicators',
    body: () => json([{ language: 'en', phrase: 'new in town' }]),
  },
  { route: 'POST /api/operations/{operationId}/extract', body: () => json({ text: 'call +31687654321' }) },
  { route: 'GET /api/operations/{operationId}/tallies' },
  { route: 'GET /api/operations/{operationId}/figures' },
  { route: 'PUT /api/operations/{operationId}/figures', body: () => json([]) },
  { route: 'GET /api/operations/{operationId}/announcements' },
  { route: 'POST /api/operations/{operationId}/announcements', body: () => json({ message: 'probe' }) },
  { route: 'GET /api/operations/{operationId}/activity' },
  { route: 'GET /api/operations/{operationId}/timeline' },
  { route: 'GET /api/operations/{operationId}/audit' },
  { route: 'GET /api/operations/{operationId}/audit/verify' },
  { route: 'GET /api/operations/{operationId}/report', query: 'format=json' },
  { route: 'GET /api/operations/{operationId}/report', query: 'format=json&audience=public' },
  { route: 'GET /api/operations/{operationId}/report', query: 'format=html' },
  { route: 'GET /api/operations/{operationId}/report', query: 'format=csv&table=figures' },
  { route: 'GET /api/operations/{operationId}/report', query: 'format=csv&table=by_country' },
  { route: 'GET /api/operations/{operationId}/report', query: 'format=csv&table=by_tag' },
  { route: 'GET /api/operations/{operationId}/report', query: 'format=csv&table=by_exploitation' },
  { route: 'GET /api/operations/{operationId}/report', query: 'format=csv&table=timeline' },
  { route: 'GET /api/operations/{operationId}/packages/{country}' },
];

/** Headers whose value a viewer could read something from (lengths follow the bodies, which are compared). */
const observedHeaders = ['content-type', 'cache-control', 'content-disposition', 'location', 'retry-after'];

/** What one run of the day gave each viewer to observe, in order, ids and times replaced by placeholders. */
export type Observations = Record<ViewerName, string[]>;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const isoTime = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
const email = /[\w.+-]+@test\.actionday/g;

/** Replaces ids by `#n` in the order they first appear in the run, times and e-mail addresses by a mark. */
export function normaliser(): (text: string) => string {
  const ids = new Map<string, string>();
  return (text) =>
    text

      .replace(uuid, (id) => {
        const key = id.toLowerCase();
        if (!ids.has(key)) ids.set(key, `#${ids.size + 1}`);
        return ids.get(key) ?? '#?';
      })
      .replace(isoTime, '<time>')
      .replace(email, '<email>');
}

/**
 * JSON as compared, without the transport's bookkeeping: a tally's `seq` (pushes are coalesced in time), the
 * audit log's row numbers (shared by every operation), and a match's `version`, which counts its changes, hidden
 * ones too (docs/architecture.md, "What counts a viewer sees": what is left).
 */
const canonical = (value: unknown): string =>
  JSON.stringify(value, function (this: unknown, key, v: unknown) {
    if (key === 'seq') return undefined;
    if (key === 'id' && typeof v === 'number') return 0;
    if (key === 'version' && typeof this === 'object' && this !== null && 'sightings' in this) return undefined;
    return v;
  });
const canonicalBody = (body: string): string => {
  try {
    return canonical(JSON.parse(body));
  } catch {
    return body;
  }
};

/** The scripted day: the same steps with or without the hidden records. */
export async function runDay(t: TestApp, withHidden: boolean): Promise<{ observed: Observations; probed: string[] }> {
  const w = await t.seed({
    operation: { focusNationalities: ['UA'] },
    members: {
      nl: ['investigator', 'NL', 'Noor'],
      investigator: ['investigator', 'DE', 'Dieter'],
      analyst: ['analyst', 'FR', 'Europol analyst'],
      observer: ['observer', 'BE', 'Press officer'],
    },
    platforms: [
      { name: 'Ads', url: 'https://ads.example.org', category: 'classified_ads', tags: ['ukraine'] },
      { name: 'Chat', url: 'https://chat.example.org', category: 'messaging' },
      { name: 'Board', url: 'https://board.example.org', category: 'forum' },
    ],
  });
  const { coordinator, members } = w;
  const [ads, chat, board] = w.platforms as [Platform, Platform, Platform];
  // one numbering of ids per viewer: what one of them sees does not shift the other's
  const observed: Observations = { investigator: [], analyst: [], observer: [] };
  const people: Record<ViewerName, Session> = {
    investigator: members.investigator,
    analyst: members.analyst,
    observer: members.observer,
  };
  const norms: Record<ViewerName, (text: string) => string> = {
    investigator: normaliser(),
    analyst: normaliser(),
    observer: normaliser(),
  };
  const note = (viewer: ViewerName, line: string) => observed[viewer].push(norms[viewer](line));

  /** Every socket event a viewer receives, kept per step and sorted there (deliveries of one step may interleave). */
  const heard: Record<ViewerName, string[]> = { investigator: [], analyst: [], observer: [] };
  const lastHeard = { at: Date.now() };
  const sockets: Partial<Record<ViewerName, ClientSocket>> = {};
  for (const viewer of viewers) {
    const socket = await t.socket(people[viewer]);
    socket.onAny((event: string, payload: unknown) => {
      if (event in eventExemptions) return;
      lastHeard.at = Date.now();
      heard[viewer].push(`${event} ${canonical(payload)}`);
    });
    sockets[viewer] = socket;
    note(viewer, `join ${canonical(await socket.emitWithAck('operation:join', { operationId: w.operation.id }))}`);
  }
  let step = 0;
  /** Ends a step: every viewer has heard its marker and the sockets were quiet for a moment; what they heard is noted. */
  const settle = async (name: string) => {
    step += 1;
    if (process.env.NI_TIMING) console.log(`${Date.now() % 100000} before ${name}`);
    const marker = `step ${step}: ${name}`;
    await t.request(coordinator, 'POST', w.path('/announcements'), { message: marker });
    await eventually(() => {
      for (const viewer of viewers) if (!heard[viewer].some((e) => e.includes(marker))) throw new Error(marker);
      if (Date.now() - lastHeard.at < 150) throw new Error('still delivering');
    }, 8000);
    // the live figures end where a fresh read of them is: only the last one pushed in a step is compared
    for (const viewer of viewers) {
      const events = heard[viewer].splice(0);
      const tallies = events.filter((e) => e.startsWith('tally:updated '));
      const rest = events
        .filter((e) => !e.startsWith('tally:updated '))
        .map((e) => ({ e, key: e.replace(uuid, '').replace(isoTime, '') }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map(({ e }) => e);
      for (const line of rest) note(viewer, `[${name}] ${line}`);
      if (tallies.length > 0) note(viewer, `[${name}] last ${tallies.at(-1) ?? ''}`);
    }
  };
  /** A request by a viewer, noted as they saw its answer. */
  const ask = async (viewer: ViewerName, method: string, url: string, body?: Body) => {
    const response = await t.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: people[viewer].cookie, ...(body ? { 'content-type': body.contentType } : {}) },
      ...(body ? { payload: body.payload } : {}),
    });
    const headers = observedHeaders
      .filter((h) => response.headers[h] !== undefined)
      .map((h) => `${h}: ${String(response.headers[h])}`)
      .join('; ');
    note(viewer, `${method} ${url} → ${response.statusCode} {${headers}} ${canonicalBody(response.body)}`);
    return response;
  };
  const log = (who: Session, body: Record<string, unknown>) =>
    t.request(who, 'POST', w.path('/findings'), body).then((r) => {
      if (r.statusCode !== 201) throw new Error(`logging failed: ${r.body}`);
      return r.json<FindingCreated>();
    });

  // the day, step by step
  await t.request(coordinator, 'PATCH', w.path(), { suppressBelow: 3 });
  await t.request(members.nl, 'POST', `/api/platforms/${ads.id}/claim`);
  await log(members.nl, { kind: 'suspect', platformId: ads.id, aliases: ['Viktor'], identified: true });
  await log(members.nl, { kind: 'identifier', platformId: ads.id, identifierKind: 'phone', value: '+31612345678' });
  await log(members.nl, {
    kind: 'victim',
    platformId: ads.id,
    nationality: 'UA',
    exploitation: 'sexual',
  });
  await log(coordinator, { kind: 'identifier', platformId: board.id, identifierKind: 'username', value: '@shared_y' });
  await log(coordinator, {
    kind: 'identifier',
    platformId: board.id,
    identifierKind: 'username',
    value: '@coord_only',
  });
  await settle('the Dutch log their first records');

  const ids: Ids = {
    operationId: w.operation.id,
    platformId: board.id,
    spareId: chat.id,
    findingId: randomUUID(),
    evidenceId: randomUUID(),
    matchId: randomUUID(),
    listId: randomUUID(),
    participantId: members.nl.memberId ?? '',
    country: 'NL',
  };
  if (withHidden) {
    const red = { handling: 'TLP:RED' };
    ids.findingId = (
      await log(members.nl, { kind: 'suspect', platformId: ads.id, aliases: ['Red one'], ...red })
    ).finding.id;
    await log(members.nl, {
      kind: 'victim',
      platformId: ads.id,
      nationality: 'UA',
      minor: true,
      exploitation: 'labour',
      ...red,
    });
    await log(members.nl, {
      kind: 'identifier',
      platformId: ads.id,
      identifierKind: 'phone',
      value: '+31687654321',
      ...red,
    });
    // a RED side of a match only the coordinators and the Dutch may know of
    const matched = await log(members.nl, {
      kind: 'identifier',
      platformId: ads.id,
      identifierKind: 'username',
      value: '@shared_y',
      ...red,
    });
    if (matched.matches.length === 0) throw new Error('the RED side of a match made none');
    // a match only the coordinators and the Dutch may know of: no list holds its value
    const only = await log(members.nl, {
      kind: 'identifier',
      platformId: ads.id,
      identifierKind: 'username',
      value: '@coord_only',
      ...red,
    });
    ids.matchId = only.matches[0]?.matchId ?? ids.matchId;
    const upload = multipart({ platformId: ads.id, handling: 'TLP:RED' });
    const evidence = await t.app.inject({
      method: 'POST',
      url: w.path('/evidence'),
      headers: { cookie: members.nl.cookie, 'content-type': upload.contentType },
      payload: upload.payload,
    });
    ids.evidenceId = evidence.json<{ id: string }>().id;
  }
  await settle('hidden records, or none');

  // the German investigator meets the hidden value, and reaches for the hidden ids
  await ask('investigator', 'POST', `/api/platforms/${chat.id}/claim`);
  await ask(
    'investigator',
    'POST',
    w.path('/findings'),
    json({
      kind: 'identifier',
      platformId: chat.id,
      identifierKind: 'phone',
      value: '+31687654321',
    }),
  );
  await ask(
    'investigator',
    'POST',
    w.path('/findings'),
    json({
      kind: 'identifier',
      platformId: chat.id,
      identifierKind: 'phone',
      value: '+31612345678',
    }),
  );
  await ask(
    'investigator',
    'POST',
    w.path('/findings'),
    json({
      kind: 'suspect',
      platformId: chat.id,
      aliases: ['Linked'],
      links: [ids.findingId],
    }),
  );
  await settle('the Germans log the same values');

  // the analyst imports a list holding the hidden value, and asks for the hidden match
  await ask(
    'analyst',
    'POST',
    `${w.path('/reference-lists')}?name=Europol`,
    csv('kind,value\nphone,+31687654321\nphone,+31612345678\nusername,@shared_y'),
  );
  await settle('the analyst imports a list');
  const listed = await t.request(members.analyst, 'GET', w.path('/matches'));
  if (listed.statusCode !== 200) throw new Error(`matches: ${listed.body}`);
  const matches = listed.json<Match[]>();
  const first = matches.at(-1);
  if (first)
    await ask('analyst', 'POST', `/api/matches/${first.id}/resolution`, json({ status: 'confirmed', note: 'same' }));
  await settle('the analyst confirms a match');

  await t.request(members.nl, 'POST', `/api/platforms/${ads.id}/verdict`, { verdict: 'confirmed', followUp: true });
  await ask(
    'investigator',
    'POST',
    `/api/platforms/${chat.id}/verdict`,
    json({ verdict: 'suspected', followUp: false }),
  );
  await t.request(coordinator, 'GET', w.path('/packages/NL'));
  await t.request(coordinator, 'GET', w.path('/packages/DE'));
  await settle('verdicts and packages');

  // every route of the document, as every viewer
  const probed: string[] = [];
  for (const viewer of viewers) {
    for (const probe of probes) {
      const [method = 'GET', template = ''] = probe.route.split(' ');
      const path = template.replace(/\{(\w+)\}/g, (_whole, name: string) => ids[name as keyof Ids] ?? randomUUID());
      const started = Date.now();
      await ask(viewer, method, probe.query ? `${path}?${probe.query}` : path, probe.body?.(ids));
      if (process.env.NI_TIMING && Date.now() - started > 300)
        console.log(`${Date.now() - started} ms ${probe.route} ${probe.query ?? ''}`);
      probed.push(
        probe.query?.startsWith('format=')
          ? `${probe.route}?format=${probe.query.slice(7).split('&')[0]}`
          : probe.route,
      );
    }
  }
  await settle('the probes');
  for (const socket of Object.values(sockets)) socket?.disconnect();
  return { observed, probed };
}
