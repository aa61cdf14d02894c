import { randomUUID } from 'node:crypto';
import {
  type ClientToServerEvents,
  type Evidence,
  type Finding,
  NOTES_NAMESPACE,
  type NotesClientToServerEvents,
  type Platform,
} from '@actionday/shared';
import { createSession } from '@actionday/server/modules/auth/index';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import { tableFingerprinter } from '@actionday/server/test/table-fingerprint';
import fc from 'fast-check';
import { type Socket, io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type JsonSchema,
  csvArbitrary,
  fileArbitrary,
  fromSchema,
  junk,
  multipartBody,
  nastyString,
} from './fuzz.support.js';
import { type DocRoute, type OpenApiDocument, documentedRoutes, multipart } from './openapi.support.js';

/**
 * The fuzz suite: random and malformed requests at every route of the OpenAPI document and every event of the
 * socket event maps, as each role. Reproducible: FUZZ_SEED (default 14) and FUZZ_RUNS per route (default 4).
 */
const seed = Number(process.env.FUZZ_SEED ?? 14);
const numRuns = Number(process.env.FUZZ_RUNS ?? 4);
/** Longer than any answer may take: a request still unanswered by then hangs. */
const HANG_MS = 10_000;

/** Tables that reads change by design (the audit log, sessions, idempotency keys) or that recount on their own. */
const volatile = /^(audit_|sessions$|idempotency_keys$|tally_)/;

type Role = 'anonymous' | 'coordinator' | 'investigator' | 'analyst' | 'observer';
const roles: Role[] = ['anonymous', 'coordinator', 'investigator', 'analyst', 'observer'];

/** Every event a client may send, each with the payload shapes it takes (the maps' keys: a new event must be added). */
const mainEvents = {
  'operation:join': { ack: true },
  'operation:leave': { ack: true },
  'presence:viewing': { ack: false },
} satisfies Record<keyof ClientToServerEvents, { ack: boolean }>;
const noteEvents = {
  'note:open': { ack: true },
  'note:sync': { ack: true },
  'note:awareness': { ack: false },
  'note:close': { ack: true },
} satisfies Record<keyof NotesClientToServerEvents, { ack: boolean }>;

describe('the fuzz suite', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let people: Record<Exclude<Role, 'anonymous'>, Session>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
    doc = (await t.request(null, 'GET', '/api/openapi.json')).json<OpenApiDocument>();
    const { operation, coordinator } = await t.operation();
    const op = `/api/operations/${operation.id}`;
    people = {
      coordinator,
      investigator: await t.member(operation.id, coordinator, 'investigator', 'NL'),
      analyst: await t.member(operation.id, coordinator, 'analyst', 'DE'),
      observer: await t.member(operation.id, coordinator, 'observer', 'BE'),
    };
    const platform = (
      await t.request(coordinator, 'POST', `${op}/platforms`, {
        name: 'Board',
        url: `https://${randomUUID()}.example.org`,
        category: 'forum',
      })
    ).json<Platform>();
    const finding = (
      await t.request(people.investigator, 'POST', `${op}/findings`, {
        kind: 'identifier',
        platformId: platform.id,
        identifierKind: 'email',
        value: 'seller@example.org',
      })
    ).json<{ finding: Finding }>().finding;
    const upload = multipart({ platformId: platform.id });
    const evidence = (
      await t.app.inject({
        method: 'POST',
        url: `${op}/evidence`,
        headers: { cookie: people.investigator.cookie, 'content-type': upload.contentType },
        payload: upload.payload,
      })
    ).json<Evidence>();
    const invite = (
      await t.request(coordinator, 'POST', `${op}/invites`, { role: 'observer', country: 'NL', agency: 'KP' })
    ).json<{ code: string }>();
    fingerprint = await tableFingerprinter(t.app.deps.db, volatile, { operations: ['tally_seq', 'tally_fingerprint'] });
    ids = {
      operationId: operation.id,
      platformId: platform.id,
      findingId: finding.id,
      evidenceId: evidence.id,
      participantId: people.analyst.memberId ?? '',
      code: invite.code,
      country: 'NL',
    };
  }, 180_000);
  afterAll(() => t.close());

  /** Row counts and a checksum of every table a refused request must leave alone. */
  let fingerprint: () => Promise<Record<string, string>>;

  /** The tables whose rows differ between two fingerprints. */
  const changed = (before: Record<string, string>, after: Record<string, string>) =>
    Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);

  const cookieOf = async (role: Role): Promise<Record<string, string>> =>
    role === 'anonymous'
      ? {}
      : { cookie: `actionday_session=${await createSession(t.app.deps.db, people[role].userId)}` };

  /** A value for a path parameter: mostly the world's own, so requests get past the lookups. */
  const paramArbitrary = (name: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(ids[name] ?? randomUUID()) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: nastyString.filter((s) => s.length > 0 && s.length < 3000) },
    );

  interface Probe {
    role: Role;
    params: Record<string, string>;
    query: Record<string, unknown>;
    body?: { payload: string | Buffer; contentType: string };
  }

  function probeArbitrary(route: DocRoute): fc.Arbitrary<Probe> {
    const components = doc.components.schemas as Record<string, JsonSchema>;
    const idValues = Object.values(ids);
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const parameters =
      (route.operation as { parameters?: { in: string; name: string; schema?: JsonSchema }[] }).parameters ?? [];
    const query = fc.record(
      Object.fromEntries(
        parameters.filter((p) => p.in === 'query').map((p) => [p.name, fromSchema(p.schema, components, idValues)]),
      ),
      { requiredKeys: [] },
    );
    const content = route.operation.requestBody?.content ?? {};
    const bodies: fc.Arbitrary<Probe['body']>[] = [
      fc.constant(undefined),
      fc.string({ maxLength: 50 }).map((payload) => ({ payload, contentType: 'application/json' })),
      junk.map((value) => ({ payload: JSON.stringify(value) ?? 'null', contentType: 'application/json' })),
    ];
    const jsonSchema = (content['application/json'] as { schema?: JsonSchema } | undefined)?.schema;
    if (jsonSchema)
      bodies.push(
        ...Array.from({ length: 4 }, () =>
          fromSchema(jsonSchema, components, idValues).map((value) => ({
            payload: JSON.stringify(value) ?? 'null',
            contentType: 'application/json',
          })),
        ),
      );
    if (content['multipart/form-data'])
      bodies.push(
        ...Array.from({ length: 4 }, () =>
          fc
            .tuple(
              fc.record(
                {
                  platformId: fc.oneof(fc.constant(ids.platformId ?? ''), nastyString),
                  findingId: fc.oneof(fc.constant(ids.findingId ?? ''), nastyString),
                  url: nastyString,
                  handling: fc.oneof(fc.constantFrom('TLP:RED', 'TLP:AMBER'), nastyString),
                  capturedAt: nastyString,
                },
                { requiredKeys: [] },
              ),
              fc.array(fileArbitrary, { maxLength: 3 }),
            )
            .map(([fields, files]) => multipartBody(fields, files)),
        ),
      );
    if (content['text/csv'])
      bodies.push(
        ...Array.from({ length: 4 }, () => csvArbitrary.map((payload) => ({ payload, contentType: 'text/csv' }))),
      );
    return fc.record({
      role: fc.constantFrom(...roles),
      params: fc.record(Object.fromEntries(names.map((name) => [name, paramArbitrary(name)]))),
      query,
      body: fc.oneof(...bodies),
    });
  }

  async function send(route: DocRoute, probe: Probe) {
    const path = route.path.replace(/\{(\w+)\}/g, (_w, name: string) => encodeURIComponent(probe.params[name] ?? ''));
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(probe.query))
      if (value !== undefined) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    const url = `${path}${search.size ? `?${search}` : ''}`;
    const answer = t.app.inject({
      method: route.method as 'GET',
      url,
      headers: {
        ...(await cookieOf(probe.role)),
        ...(probe.body ? { 'content-type': probe.body.contentType } : {}),
      },
      ...(probe.body ? { payload: probe.body.payload } : {}),
    });
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${route.method} ${url} did not answer in ${HANG_MS} ms`)), HANG_MS);
    });
    try {
      return { url, response: await Promise.race([answer, hang]) };
    } finally {
      clearTimeout(timer);
    }
  }

  it('no route answers a random or malformed request with a server error, a hang or a change when it refuses it', {
    timeout: 300_000,
  }, async () => {
    const routes = documentedRoutes(doc).filter((route) => route.path.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(40);
    let requests = 0;
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(probeArbitrary(route), async (probe) => {
          const before = await fingerprint();
          const { url, response } = await send(route, probe);
          requests += 1;
          const where = `${route.method} ${url} as ${probe.role} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (response.statusCode < 400) return;
          expect(response.json<{ error?: { code?: unknown } }>().error?.code, where).toEqual(expect.any(String));
          expect(changed(before, await fingerprint()), `a refused request changed the database: ${where}`).toEqual([]);
        }),
        { seed, numRuns, endOnFailure: true },
      );
    }
    // the server is alive and well afterwards
    expect((await t.request(null, 'GET', '/api/health')).statusCode).toBe(200);
    expect(requests).toBe(routes.length * numRuns);
  });

  /** A socket of a role on a namespace, connected. */
  async function connect(role: Exclude<Role, 'anonymous'>, namespace = '') {
    const socket: Socket = ioClient(`${t.url}${namespace}`, {
      transports: ['websocket'],
      extraHeaders: await cookieOf(role),
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('no socket event answers a random payload with server.internal, a hang, a disconnect or a change', {
    timeout: 120_000,
  }, async () => {
    const bystander = await connect('observer');
    const joined = await bystander.timeout(3000).emitWithAck('operation:join', { operationId: ids.operationId });
    expect(joined.ok).toBe(true);
    const idValues = Object.values(ids);
    const payload = fc.oneof(
      junk,
      fc.record(
        {
          operationId: fc.oneof(fc.constantFrom(...idValues), nastyString),
          platformId: fc.oneof(fc.constantFrom(...idValues), fc.constant(null), nastyString),
          docName: fc.oneof(
            fc.constant(`platform:${ids.platformId}`),
            fc.constant(`operation:${ids.operationId}`),
            nastyString,
          ),
          kind: fc.oneof(fc.constantFrom('platform', 'operation'), nastyString),
          message: fc.oneof(fc.uint8Array({ maxLength: 64 }), junk),
          update: fc.oneof(fc.uint8Array({ maxLength: 64 }), junk),
        },
        { requiredKeys: [] },
      ),
    );
    const namespaces = [
      { namespace: '', events: mainEvents },
      { namespace: NOTES_NAMESPACE, events: noteEvents },
    ];
    for (const { namespace, events } of namespaces) {
      for (const [event, { ack }] of Object.entries(events)) {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom<Exclude<Role, 'anonymous'>>('coordinator', 'investigator', 'analyst', 'observer'),
            payload,
            async (role, body) => {
              const socket = await connect(role, namespace);
              try {
                const before = await fingerprint();
                const where = `${namespace}${event} as ${role} with ${JSON.stringify(body)?.slice(0, 200)}`;
                if (ack) {
                  const answer = (await socket.timeout(5000).emitWithAck(event, body)) as {
                    ok: boolean;
                    error?: { code: string };
                  };
                  expect(answer.error?.code, where).not.toBe('server.internal');
                  if (!answer.ok)
                    expect(await fingerprint(), `a refused event changed the database: ${where}`).toEqual(before);
                } else {
                  socket.emit(event, body);
                  // still served after it: the socket answers the next request
                  const next = await socket
                    .timeout(5000)
                    .emitWithAck(
                      namespace ? 'note:close' : 'operation:leave',
                      namespace ? { docName: 'none' } : { operationId: randomUUID() },
                    );
                  expect(next, where).toHaveProperty('ok');
                }
                expect(socket.connected, where).toBe(true);
              } finally {
                socket.disconnect();
              }
            },
          ),
          { seed, numRuns: numRuns * 2, endOnFailure: true },
        );
      }
    }
    expect(bystander.connected).toBe(true);
    expect((await t.request(null, 'GET', '/api/health')).statusCode).toBe(200);
  });
});
