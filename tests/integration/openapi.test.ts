import { randomUUID } from 'node:crypto';
import { type Evidence, type Finding, type Platform, errorCatalogue } from '@actionday/shared';
import { createSession } from '@actionday/server/modules/auth/index';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Body,
  type DocRoute,
  type OpenApiDocument,
  documentedRoutes,
  fillPath,
  json,
  malformedBodies,
  multipart,
  registeredRoutes,
  undocumented,
} from './openapi.support.js';

/** Hidden on purpose: the document itself (static client files are outside /api/ and never documented). */
const hidden = ['GET /api/openapi.json'];

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let raw: Record<string, unknown>;
  let routes: DocRoute[];

  beforeAll(async () => {
    t = await TestApp.create();
    const answer = await t.request(null, 'GET', '/api/openapi.json');
    doc = answer.json<OpenApiDocument>();
    raw = answer.json<Record<string, unknown>>();
    routes = documentedRoutes(doc);
  });
  afterAll(() => t.close());

  /** An operation with one of each record, and the people who probe it. */
  async function world() {
    const { operation, coordinator } = await t.operation();
    const observer = await t.member(operation.id, coordinator, 'observer', 'NL');
    const investigator = await t.member(operation.id, coordinator, 'investigator', 'NL');
    const leaver = await t.member(operation.id, coordinator, 'analyst', 'DE');
    const op = `/api/operations/${operation.id}`;
    const platform = (
      await t.request(coordinator, 'POST', `${op}/platforms`, {
        name: 'Board',
        url: `https://${randomUUID()}.example.org`,
        category: 'forum',
      })
    ).json<Platform>();
    const finding = (
      await t.request(investigator, 'POST', `${op}/findings`, {
        kind: 'suspect',
        platformId: platform.id,
        aliases: ['X'],
      })
    ).json<{ finding: Finding }>().finding;
    const upload = multipart({ platformId: platform.id });
    const evidence = (
      await t.app.inject({
        method: 'POST',
        url: `${op}/evidence`,
        headers: { cookie: investigator.cookie, 'content-type': upload.contentType },
        payload: upload.payload,
      })
    ).json<Evidence>();
    const invite = (
      await t.request(coordinator, 'POST', `${op}/invites`, { role: 'observer', country: 'NL', agency: 'KP' })
    ).json<{ code: string }>();
    const ids = {
      operationId: operation.id,
      platformId: platform.id,
      findingId: finding.id,
      evidenceId: evidence.id,
      participantId: leaver.memberId ?? '',
      code: invite.code,
      country: 'NL',
    };
    return { coordinator, observer, investigator, ids };
  }
  type World = Awaited<ReturnType<typeof world>>;

  /** A request each route takes when it is right, by operationId (fresh values: names and addresses are unique). */
  function example(w: World, operationId: string): { body?: Body; query?: string } {
    const unique = randomUUID();
    const bodies: Record<string, { body?: Body; query?: string }> = {
      signIn: { body: json({ email: 'nobody@example.org', password: 'not-the-password' }) },
      completeSetup: {
        body: json({ token: 'not-the-token', name: 'A', email: 'setup@example.org', password: 'a-long-password-1' }),
      },
      enableTotp: { body: json({ code: '000000' }) },
      disableTotp: { body: json({ code: '000000' }) },
      createOperation: {
        body: json({ name: 'Day', startsAt: '2022-09-06T06:00:00Z', endsAt: '2022-09-06T18:00:00Z', timeZone: 'UTC' }),
      },
      updateOperation: { body: json({ name: 'Renamed' }) },
      setOperationStatus: { body: json({ status: 'live' }) },
      createInvite: { body: json({ role: 'observer', country: 'NL', agency: 'KP' }) },
      acceptInvite: { body: json({ name: 'New', email: `${unique}@example.org`, password: 'a-long-password-1' }) },
      createPlatforms: {
        body: json({ name: 'Found', url: `https://${unique}.example.org`, category: 'forum', discovered: true }),
      },
      importPlatforms: {
        body: { payload: `name,url,category\nListed,https://${unique}.example.org,forum`, contentType: 'text/csv' },
        query: '?dryRun=true',
      },
      recordVerdict: { body: json({ verdict: 'no_indicators', followUp: false }) },
      assignPlatform: { body: json({ participantId: w.investigator.memberId }) },
      createFinding: {
        body: json({
          kind: 'identifier',
          platformId: w.ids.platformId,
          identifierKind: 'email',
          value: `${unique}@example.org`,
        }),
      },
      updateFinding: { body: json({ note: 'checked again' }) },
      uploadEvidence: { body: multipart({ platformId: w.ids.platformId }) },
      replaceIndicators: { body: json([{ language: 'en', phrase: 'new in town' }]) },
      extractIdentifiers: { body: json({ text: 'call +31 6 12345678', platformId: w.ids.platformId }) },
      replaceFigures: { body: json([]) },
      createAnnouncement: { body: json({ message: 'Briefing at nine' }) },
      getReport: { query: '?format=csv' },
      listAuditEvents: { query: '?format=csv' },
    };
    return bodies[operationId] ?? {};
  }

  /** A new session of that person for each request, so that signing out in one probe leaves the next one signed in. */
  const freshCookie = async (who: Session) => `actionday_session=${await createSession(t.app.deps.db, who.userId)}`;

  async function call(route: DocRoute, who: Session | null, values: Record<string, string>, body?: Body, query = '') {
    return t.app.inject({
      method: route.method as 'GET',
      url: fillPath(route.path, values) + query,
      headers: {
        ...(who ? { cookie: await freshCookie(who) } : {}),
        ...(body ? { 'content-type': body.contentType } : {}),
      },
      ...(body ? { payload: body.payload } : {}),
    });
  }

  /** Calls every route as `who` and lists the answers its entry does not document. */
  async function probe(w: World, who: Session | null, values: Record<string, string>, name: string) {
    const problems: string[] = [];
    for (const route of routes) {
      const { body, query } = example(w, route.operation.operationId ?? '');
      const problem = undocumented(route, await call(route, who, values, body, query), name);
      if (problem) problems.push(problem);
    }
    return problems;
  }

  it('is a valid OpenAPI document whose error answers carry codes of their own status', async () => {
    const result = await new Validator().validate(raw);
    expect(result.errors ?? []).toEqual([]);
    const wrong = documentedRoutes(doc).flatMap(({ method, path, operation }) =>
      Object.entries(operation.responses).flatMap(([status, answer]) => {
        const codes = answer.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? [];
        return codes
          .filter((code) => errorCatalogue[code as keyof typeof errorCatalogue]?.status !== Number(status))
          .map((code) => `${method} ${path} ${status}: ${code}`);
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('lists every route the app registered, each with an operationId, a summary, tags, security, answers and body', {
    timeout: 120_000,
  }, async () => {
    const w = await world();
    const registered = registeredRoutes(t.app.printRoutes({ commonPrefix: false })).filter(
      (route) => route.includes(' /api/') && !hidden.includes(route),
    );
    const documented = routes.map((route) => `${route.method} ${route.path}`);
    expect(registered.length).toBeGreaterThan(40);
    expect(registered.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !registered.includes(route))).toEqual([]);

    const problems: string[] = [];
    const ids = routes.map((route) => route.operation.operationId);
    for (const { method, path, operation } of routes) {
      const where = `${method} ${path}`;
      const statuses = Object.keys(operation.responses).map(Number);
      const takesInput = method !== 'GET' || path.includes('{') || !!operation.security?.length;
      if (!operation.operationId || !/^[a-z]+[A-Z]\w+$/.test(operation.operationId))
        problems.push(`${where}: operationId`);
      if (ids.filter((id) => id === operation.operationId).length > 1)
        problems.push(`${where}: operationId not unique`);
      if (!operation.summary) problems.push(`${where}: summary`);
      if (!operation.tags?.length) problems.push(`${where}: tags`);
      if (!Array.isArray(operation.security)) problems.push(`${where}: no security decision`);
      for (const requirement of operation.security ?? [])
        for (const scheme of Object.keys(requirement))
          if (!doc.components.securitySchemes[scheme]) problems.push(`${where}: unknown scheme ${scheme}`);
      if (!statuses.some((s) => s >= 200 && s < 300)) problems.push(`${where}: no 2xx answer`);
      // an empty schema (`z.unknown()`) says nothing about an answer: a file is `format: binary` of its media type
      for (const [status, answer] of Object.entries(operation.responses))
        for (const [type, media] of Object.entries(answer.content ?? {}))
          if (Object.keys(media.schema ?? {}).length === 0) problems.push(`${where}: ${status} ${type} undescribed`);
      // a public GET without parameters (the health check) has nothing a client could get wrong
      if (takesInput && !statuses.some((s) => s >= 400 && s < 500)) problems.push(`${where}: no 4xx answer`);
      if (method !== 'GET' && !operation.requestBody) {
        // a body of the wrong type: a route that reads one refuses it (by schema or in its handler), and then it
        // must document it; a route without a body ignores it and does its work
        const answer = await call({ method, path, operation }, w.coordinator, w.ids, json('probe'));
        const code = answer.statusCode >= 400 ? answer.json<{ error?: { code?: string } }>().error?.code : null;
        if (code === 'request.invalid' || answer.statusCode === 415)
          problems.push(`${where}: reads a body, documents none`);
      }
    }
    expect(problems).toEqual([]);
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['ErrorBody', 'ErrorDetails', 'FieldError', 'Finding', 'Platform', 'Operation']),
    );
  });

  it('documents every answer an anonymous caller and an observer get', { timeout: 180_000 }, async () => {
    const w = await world();
    const problems = [
      ...(await probe(w, null, w.ids, 'anonymous')),
      ...(await probe(w, w.observer, w.ids, 'observer')),
    ];
    expect(problems).toEqual([]);
  });

  it('documents every answer to a coordinator naming records that do not exist', { timeout: 180_000 }, async () => {
    const w = await world();
    expect(await probe(w, w.coordinator, { code: 'no-such-invite', country: 'ZZ' }, 'unknown ids')).toEqual([]);
  });

  it('documents every answer to a malformed body', { timeout: 180_000 }, async () => {
    const w = await world();
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.operation.requestBody)) {
      for (const [name, body] of Object.entries(malformedBodies)) {
        const problem = undocumented(route, await call(route, w.coordinator, w.ids, body), name);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents every answer to a coordinator using each route, then again once the day is closed', {
    timeout: 240_000,
  }, async () => {
    const w = await world();
    const problems = await probe(w, w.coordinator, w.ids, 'coordinator');
    const closed = await t.request(w.coordinator, 'POST', `/api/operations/${w.ids.operationId}/status`, {
      status: 'closed',
    });
    expect(closed.statusCode).toBe(200);
    problems.push(...(await probe(w, w.coordinator, w.ids, 'closed')));
    expect(problems).toEqual([]);
  });
});
