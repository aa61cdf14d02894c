import type { Finding, FindingCreated, FindingView, Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';

describe.shuffle('logging findings', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let nl: Session;
  let nl2: Session;
  let be: Session;
  let analyst: Session;
  let observer: Session;
  let platform: Platform;
  let ukrainePlatform: Platform;

  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  // every test in a world of its own
  beforeEach(async () => {
    const w = await t.seed({
      operation: { focusTags: ['ukraine', 'labour'] },
      members: {
        nl: ['investigator', 'NL', 'Noor'],
        nl2: ['investigator', 'NL', 'Niels'],
        be: ['investigator', 'BE', 'Bram'],
        analyst: ['analyst', 'FR', 'Analyst'],
        observer: ['observer', 'NL'],
      },
      platforms: [
        { name: 'Dating', url: 'https://dating.example.org', category: 'dating' },
        { name: 'Help UA', url: 'https://help-ua.example.org', category: 'help_platform', tags: ['ukraine'] },
      ],
    });
    ({ operation, coordinator } = w);
    ({ nl, nl2, be, analyst, observer } = w.members);
    [platform, ukrainePlatform] = w.platforms as [Platform, Platform];
  });

  const log = (session: Session, body: Record<string, unknown>) =>
    t.request(session, 'POST', `/api/operations/${operation.id}/findings`, body);
  const list = (session: Session, query = '') =>
    t.request(session, 'GET', `/api/operations/${operation.id}/findings${query}`);

  it('an investigator logs a suspect, an identifier and a possible victim', async () => {
    const suspect = await log(nl, {
      kind: 'suspect',
      platformId: platform.id,
      aliases: ['Big Mike', 'mike_77'],
      identified: false,
      nationality: 'ro',
      role: 'recruiter',
    });
    expect(suspect.statusCode).toBe(201);
    expect(suspect.json<FindingCreated>().finding).toMatchObject({
      kind: 'suspect',
      aliases: ['Big Mike', 'mike_77'],
      nationality: 'RO',
      role: 'recruiter',
      country: 'NL',
      handling: 'TLP:AMBER',
      tags: [],
    });
    const identifier = await log(nl, {
      kind: 'identifier',
      platformId: platform.id,
      identifierKind: 'phone',
      value: '06-12 34 56 78',
    });
    expect(identifier.json<FindingCreated>()).toMatchObject({
      finding: { normalizedValue: '+31612345678', value: '06-12 34 56 78', result: 'nothing_found' },
      matches: [],
    });
    const victim = await log(nl, {
      kind: 'victim',
      platformId: ukrainePlatform.id,
      nationality: 'UA',
      ageEstimate: 16,
      exploitation: 'sexual',
    });
    expect(victim.json<FindingCreated>().finding).toMatchObject({
      reference: expect.stringMatching(/^V-NL-\d{3}$/),
      minor: true,
      tags: ['ukraine'],
      referral: 'not_referred',
    });
  });

  it("a victim's reference is given by the server, numbered per country; a typed one (a name) is refused", async () => {
    const victim = (who: Session, extra: Record<string, unknown> = {}) =>
      log(who, { kind: 'victim', platformId: platform.id, exploitation: 'labour', ...extra });
    const typed = await victim(nl, { reference: 'Anna Petrenko' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details.fields).toMatchObject([{ path: 'body.reference' }]);
    const given = await Promise.all([victim(nl), victim(nl2), victim(be), victim(nl)]);
    const references = given.map((r) => r.json<FindingCreated>().finding.reference);
    expect(references[2]).toBe('V-BE-001');
    expect([references[0], references[1], references[3]].sort()).toEqual(['V-NL-001', 'V-NL-002', 'V-NL-003']);
    // TLP:RED victims are numbered apart: those who may not see them find no gap in the numbers they see
    const red = await victim(nl, { handling: 'TLP:RED' });
    expect(red.json<FindingCreated>().finding.reference).toBe('V-NL-R-001');
    expect((await victim(nl2)).json<FindingCreated>().finding.reference).toBe('V-NL-004');
  });

  it("TLP:RED victims are numbered in a series of their own, so another country's next number never counts them", async () => {
    const victim = (extra: Record<string, unknown> = {}) =>
      log(nl, { kind: 'victim', platformId: platform.id, exploitation: 'labour', ...extra }).then(
        (r) => r.json<FindingCreated>().finding.reference,
      );
    const before = await victim();
    expect(await victim({ handling: 'TLP:RED' })).toMatch(/^V-NL-R-\d{3}$/);
    const after = await victim();
    expect(Number(after?.slice(-3))).toBe(Number(before?.slice(-3)) + 1);
  });

  it('bad findings get a clear 4xx naming the problem and write nothing', async () => {
    const before = (await list(coordinator)).json<FindingView[]>().length;
    const other = await t.operation();
    const foreign = (
      await t.request(other.coordinator, 'POST', `/api/operations/${other.operation.id}/platforms`, {
        name: 'Elsewhere',
        url: 'https://elsewhere.example.org',
        category: 'forum',
      })
    ).json<Platform>();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: 'rumour', platformId: platform.id }, 400, 'request.invalid'],
      [
        { kind: 'identifier', platformId: platform.id, identifierKind: 'phone', value: 'call me maybe' },
        400,
        'findings.bad_identifier',
      ],
      [
        { kind: 'identifier', platformId: platform.id, identifierKind: 'email', value: 'not-an-email' },
        400,
        'findings.bad_identifier',
      ],
      [{ kind: 'suspect', platformId: platform.id, aliases: [] }, 400, 'request.invalid'],
      [{ kind: 'suspect', platformId: foreign.id, aliases: ['X'] }, 400, 'findings.platform_mismatch'],
      [{ kind: 'victim', platformId: platform.id, exploitation: 'sexual', name: 'Real Name' }, 201, ''],
      [{ kind: 'victim', platformId: platform.id, exploitation: 'begging' }, 400, 'request.invalid'],
      [{ kind: 'suspect', platformId: platform.id, aliases: ['X'], tags: ['drugs'] }, 400, 'operations.unknown_tag'],
      [
        { kind: 'suspect', platformId: platform.id, aliases: ['X'], links: ['00000000-0000-4000-8000-000000000000'] },
        400,
        'findings.bad_link',
      ],
    ];
    let written = 0;
    for (const [body, status, code] of cases) {
      const response = await log(nl, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      if (status === 201) {
        written++;
        // unknown fields such as a victim's name are dropped, never stored
        expect(JSON.stringify(response.json())).not.toContain('Real Name');
      } else {
        expect(response.json().error.code).toBe(code);
      }
    }
    expect((await list(coordinator)).json<FindingView[]>().length).toBe(before + written);
    expect((await log(observer, { kind: 'suspect', platformId: platform.id, aliases: ['X'] })).statusCode).toBe(403);
    expect((await log(analyst, { kind: 'suspect', platformId: platform.id, aliases: ['X'] })).statusCode).toBe(403);
  });

  const logVictim = () =>
    log(nl, {
      kind: 'victim',
      platformId: ukrainePlatform.id,
      nationality: 'UA',
      ageEstimate: 16,
      exploitation: 'sexual',
    });

  it('findings are listed by kind and platform', async () => {
    await logVictim();
    await log(nl, { kind: 'victim', platformId: platform.id, exploitation: 'labour' });
    await log(nl, { kind: 'suspect', platformId: ukrainePlatform.id, aliases: ['Big Mike'] });
    const victims = (await list(nl, `?kind=victim&platformId=${ukrainePlatform.id}`)).json<Finding[]>();
    expect(victims.map((v) => v.reference)).toEqual(['V-NL-001']);
  });

  it("another country's investigator sees only that a victim was logged on that platform", async () => {
    await logVictim();
    const seen = (await list(be, '?kind=victim')).json<FindingView[]>();
    expect(seen.length).toBeGreaterThan(0);
    for (const view of seen) {
      expect(view).toEqual({
        id: expect.any(String),
        operationId: operation.id,
        platformId: expect.any(String),
        kind: 'victim',
        redacted: true,
        country: 'NL',
        createdAt: expect.any(String),
      });
    }
    const sameCountry = (await list(nl2, '?kind=victim')).json<FindingView[]>();
    expect(sameCountry.every((v) => !v.redacted)).toBe(true);
    const analystView = (await list(analyst, '?kind=victim')).json<FindingView[]>();
    expect(analystView.every((v) => !v.redacted && 'reference' in v)).toBe(true);
  });

  it("a TLP:RED finding is seen by the author's country and the coordinators only", async () => {
    const red = (
      await log(nl, { kind: 'suspect', platformId: platform.id, aliases: ['Secret Sam'], handling: 'TLP:RED' })
    ).json<FindingCreated>().finding;
    const ids = async (session: Session) => (await list(session)).json<FindingView[]>().map((f) => f.id);
    expect(await ids(nl2)).toContain(red.id);
    expect(await ids(coordinator)).toContain(red.id);
    expect(await ids(be)).not.toContain(red.id);
    expect(await ids(analyst)).not.toContain(red.id);
    expect((await t.request(be, 'GET', `/api/findings/${red.id}`)).statusCode).toBe(404);
    expect((await t.request(nl2, 'GET', `/api/findings/${red.id}`)).json()).toMatchObject({ aliases: ['Secret Sam'] });
  });

  it('observers see no finding records at all', async () => {
    expect((await list(observer)).statusCode).toBe(403);
  });

  it('the author or a coordinator edits and soft-deletes a finding; the deletion stays in the audit log', async () => {
    const suspect = (
      await log(nl, { kind: 'suspect', platformId: platform.id, aliases: ['Temp'] })
    ).json<FindingCreated>().finding;
    expect((await t.request(be, 'PATCH', `/api/findings/${suspect.id}`, { identified: true })).json().error.code).toBe(
      'findings.not_author',
    );
    const edited = await t.request(nl, 'PATCH', `/api/findings/${suspect.id}`, {
      identified: true,
      aliases: ['Temp', 'T.'],
    });
    expect(edited.json()).toMatchObject({ identified: true, aliases: ['Temp', 'T.'], version: 2 });
    expect(
      (await t.request(nl, 'PATCH', `/api/findings/${suspect.id}`, { exploitation: 'sexual' })).json().error.code,
    ).toBe('findings.kind_mismatch');
    // an edit based on an older version is refused instead of overwriting the newer one
    const stale = await t.request(coordinator, 'PATCH', `/api/findings/${suspect.id}`, {
      note: 'from an old screen',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('findings.version_conflict');
    expect(
      (await t.request(coordinator, 'PATCH', `/api/findings/${suspect.id}`, { note: 'up to date', version: 2 })).json(),
    ).toMatchObject({ note: 'up to date', version: 3 });
    expect((await t.request(nl, 'PATCH', `/api/findings/${suspect.id}`, { reference: 'x' })).statusCode).toBe(400);
    expect((await t.request(coordinator, 'DELETE', `/api/findings/${suspect.id}`)).statusCode).toBe(200);
    expect((await list(nl)).json<FindingView[]>().map((f) => f.id)).not.toContain(suspect.id);
    expect((await t.request(nl, 'DELETE', `/api/findings/${suspect.id}`)).json().error.code).toBe('findings.not_found');
    const audit = (await t.app.deps.db.select().from(auditEvents)).sort((a, b) => a.id - b.id);
    expect(audit.filter((a) => a.targetId === suspect.id).map((a) => a.action)).toEqual([
      'finding.logged',
      'finding.updated',
      'finding.updated',
      'finding.deleted',
    ]);
  });

  it('reading findings is recorded in the audit log without their contents', async () => {
    await logVictim();
    await log(nl, { kind: 'suspect', platformId: platform.id, aliases: ['Big Mike'] });
    await list(be);
    const audit = await t.app.deps.db.select().from(auditEvents);
    const reads = audit.filter((a) => a.action === 'finding.list_read' && a.actorId === be.userId);
    expect(reads.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('V-NL-001');
    expect(JSON.stringify(audit)).not.toContain('Big Mike');
  });

  it('logging on a platform one holds keeps the claim alive', async () => {
    await t.request(nl, 'POST', `/api/platforms/${platform.id}/claim`);
    const before = (await t.request(nl, 'GET', `/api/operations/${operation.id}/platforms`))
      .json<Platform[]>()
      .find((p) => p.id === platform.id)?.lastActivityAt;
    await log(nl, { kind: 'suspect', platformId: platform.id, aliases: ['Alive'] });
    const after = (await t.request(nl, 'GET', `/api/operations/${operation.id}/platforms`))
      .json<Platform[]>()
      .find((p) => p.id === platform.id)?.lastActivityAt;
    expect(new Date(after as string).getTime()).toBeGreaterThanOrEqual(new Date(before as string).getTime());
    expect(after).not.toBeNull();
  });
});
