import type { LiaisonRequest, Platform, Tally } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp, eventually } from '../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';

describe.shuffle('requests to platforms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
  });
  afterAll(() => t.close());

  async function day() {
    const w = await t.seed({
      operation: { themes: ['smuggling'] },
      members: {
        es: ['investigator', 'ES', 'Elena'],
        it: ['investigator', 'IT', 'Ivo'],
        analyst: ['analyst', 'NL'],
        observer: ['observer', 'NL'],
      },
      platforms: [
        { name: 'TikTok', url: 'https://www.tiktok.com', category: 'social_media' },
        { name: 'Facebook', url: 'https://www.facebook.com', category: 'social_media' },
      ],
    });
    const [tiktok, facebook] = w.platforms as [Platform, Platform];
    const ask = (session: Session, body: Record<string, unknown>) =>
      t.request(session, 'POST', w.path('/requests'), { platformId: tiktok.id, ...body });
    const move = (session: Session, id: string, body: Record<string, unknown>) =>
      t.request(session, 'PATCH', `/api/requests/${id}`, body);
    const list = async (session: Session, query = '') =>
      (await t.request(session, 'GET', w.path(`/requests${query}`))).json<LiaisonRequest[]>();
    return { ...w, ...w.members, tiktok, facebook, ask, move, list };
  }

  it("a takedown goes from draft to removed, each change dated, audited and live on the readers' screens, never the observers'", async () => {
    const { operation, es, analyst, observer, coordinator, ask, move } = await day();
    const heard = new Map<Session, string[]>();
    for (const session of [analyst, observer, coordinator]) {
      const socket = await t.socket(session);
      await socket.emitWithAck('operation:join', { operationId: operation.id });
      heard.set(session, []);
      socket.on('request:updated', ({ request }) => heard.get(session)?.push(request.state));
    }
    const made = await ask(es, {
      kind: 'takedown',
      contentUrl: 'https://www.tiktok.com/@viajes_seguros/video/123',
      note: 'Route Morocco–Spain, price in euros',
    });
    expect(made.statusCode).toBe(201);
    const draft = made.json<LiaisonRequest>();
    expect(draft).toMatchObject({ state: 'draft', kind: 'takedown', country: 'ES', legalRequestNeeded: false });
    const sent = (await move(es, draft.id, { state: 'sent', platformReference: 'TT-2026-991' })).json<LiaisonRequest>();
    expect(sent).toMatchObject({ state: 'sent', platformReference: 'TT-2026-991' });
    expect((await move(es, draft.id, { state: 'acknowledged' })).statusCode).toBe(200);
    const removed = (await move(es, draft.id, { state: 'removed' })).json<LiaisonRequest>();
    expect(removed.history.map((h) => h.state)).toEqual(['draft', 'sent', 'acknowledged', 'removed']);
    expect(removed.history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);

    const audit = await t.app.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, draft.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'request.created',
      'request.state_changed',
      'request.state_changed',
      'request.state_changed',
    ]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('viajes_seguros');

    for (const session of [analyst, coordinator])
      await eventually(() => expect(heard.get(session)).toEqual(['draft', 'sent', 'acknowledged', 'removed']));
    expect(heard.get(observer)).toEqual([]);
    expect((await t.request(observer, 'GET', `/api/operations/${operation.id}/requests`)).statusCode).toBe(403);
  });

  it('states only move forward; unknown states and others’ requests are refused and change nothing', async () => {
    const { es, it: italy, coordinator, ask, move, list } = await day();
    const request = (await ask(es, { kind: 'preservation', state: 'sent' })).json<LiaisonRequest>();
    const back = await move(es, request.id, { state: 'draft' });
    expect(back.statusCode).toBe(409);
    expect(back.json<{ error: { code: string } }>().error.code).toBe('requests.bad_transition');
    const unknown = await move(es, request.id, { state: 'deleted' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('request.invalid');
    expect((await move(italy, request.id, { state: 'refused' })).statusCode).toBe(403);
    const badKind = await ask(es, { kind: 'ban' });
    expect(badKind.statusCode).toBe(400);
    expect((await list(coordinator)).map((r) => [r.state, r.version])).toEqual([['sent', 1]]);
    // the coordinator may move anyone's request; the same state again is no change (a retry)
    expect((await move(coordinator, request.id, { state: 'no_answer' })).json<LiaisonRequest>().version).toBe(2);
    expect((await move(coordinator, request.id, { state: 'no_answer' })).json<LiaisonRequest>().version).toBe(2);
  });

  it('the list filters by platform, kind, state and the legal route', async () => {
    const { es, analyst, facebook, ask, list } = await day();
    await ask(es, { kind: 'takedown', state: 'sent' });
    await ask(es, { kind: 'information', platformId: facebook.id, legalRequestNeeded: true });
    expect(await list(analyst)).toHaveLength(2);
    expect((await list(analyst, `?platformId=${facebook.id}`)).map((r) => r.kind)).toEqual(['information']);
    expect((await list(analyst, '?state=sent')).map((r) => r.kind)).toEqual(['takedown']);
    expect((await list(analyst, '?legalRequestNeeded=true')).map((r) => r.kind)).toEqual(['information']);
    expect((await list(analyst, '?kind=preservation')).length).toBe(0);
  });

  it('the liaison figures equal a recount of the requests', async () => {
    const { es, it: italy, coordinator, ask, move, path } = await day();
    const a = (await ask(es, { kind: 'takedown', state: 'sent' })).json<LiaisonRequest>();
    const b = (await ask(italy, { kind: 'takedown', state: 'sent' })).json<LiaisonRequest>();
    await ask(es, { kind: 'takedown' });
    await ask(es, { kind: 'information', state: 'sent' });
    await move(es, a.id, { state: 'removed' });
    await move(italy, b.id, { state: 'refused' });
    await eventually(async () => {
      const tally = (await t.request(coordinator, 'GET', path('/tallies'))).json<Tally>();
      const figure = (key: string) => tally.figures.find((f) => f.key === key);
      expect(figure('content_reported')?.value).toBe(3);
      expect(figure('content_reported')?.breakdowns.map((x) => [x.key, x.value])).toEqual([
        ['takedown', 2],
        ['preservation', 0],
        ['information', 1],
      ]);
      expect(figure('content_removed')?.value).toBe(1);
      expect(figure('requests_refused')?.value).toBe(1);
    });
  });
});
