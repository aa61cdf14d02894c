import type { FindingView, Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp, eventually } from '../../test/test-app.js';

describe('findings arrive live, as each viewer may see them', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let platform: Platform;
  const people: Record<string, Session> = {};
  const heard: Record<string, FindingView[]> = {};
  const deleted: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
    ({ operation, coordinator } = await t.operation());
    people.coordinator = coordinator;
    people.nlAuthor = await t.member(operation.id, coordinator, 'investigator', 'NL');
    people.nlColleague = await t.member(operation.id, coordinator, 'investigator', 'NL');
    people.beInvestigator = await t.member(operation.id, coordinator, 'investigator', 'BE');
    people.frAnalyst = await t.member(operation.id, coordinator, 'analyst', 'FR');
    people.nlObserver = await t.member(operation.id, coordinator, 'observer', 'NL');
    platform = (await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, { name: 'Chat', url: 'https://chat.example.org', category: 'messaging' })).json<Platform>();
    for (const [name, session] of Object.entries(people)) {
      const socket = await t.socket(session);
      await socket.emitWithAck('operation:join', { operationId: operation.id });
      heard[name] = [];
      deleted[name] = [];
      socket.on('finding:logged', ({ finding }) => heard[name]?.push(finding));
      socket.on('finding:deleted', ({ id }) => deleted[name]?.push(id));
    }
  });
  afterAll(() => t.close());

  it('a victim record goes in full to coordinators, analysts and the same country, redacted to other investigators, not at all to observers', async () => {
    const response = await t.request(people.nlAuthor as Session, 'POST', `/api/operations/${operation.id}/findings`, { kind: 'victim', platformId: platform.id, reference: 'V-NL-9', exploitation: 'labour' });
    const id = response.json().finding.id;
    await eventually(() => {
      for (const name of ['coordinator', 'nlAuthor', 'nlColleague', 'frAnalyst', 'beInvestigator']) expect(heard[name]?.map((f) => f.id), name).toEqual([id]);
    });
    for (const name of ['coordinator', 'nlAuthor', 'nlColleague', 'frAnalyst']) expect(heard[name]?.[0]).toMatchObject({ redacted: false, reference: 'V-NL-9' });
    expect(heard.beInvestigator?.[0]).toMatchObject({ redacted: true });
    expect(JSON.stringify(heard.beInvestigator)).not.toContain('V-NL-9');

    await t.request(people.nlAuthor as Session, 'DELETE', `/api/findings/${id}`);
    await eventually(() => expect(deleted.coordinator).toEqual([id]));
    expect(heard.nlObserver).toEqual([]);
    expect(deleted.nlObserver).toEqual([]);
  });

  it('a TLP:RED suspect reaches only the author\'s country and the coordinators', async () => {
    for (const list of Object.values(heard)) list.length = 0;
    const id = (await t.request(people.nlAuthor as Session, 'POST', `/api/operations/${operation.id}/findings`, { kind: 'suspect', platformId: platform.id, aliases: ['Red'], handling: 'TLP:RED' })).json().finding.id;
    // a later AMBER finding reaches everyone; once it has, the RED one would have too
    const later = (await t.request(people.nlAuthor as Session, 'POST', `/api/operations/${operation.id}/findings`, { kind: 'suspect', platformId: platform.id, aliases: ['Amber'] })).json().finding.id;
    await eventually(() => {
      for (const name of ['coordinator', 'nlColleague', 'beInvestigator', 'frAnalyst']) expect(heard[name]?.map((f) => f.id)).toContain(later);
    });
    expect(heard.nlColleague?.map((f) => f.id)).toEqual([id, later]);
    expect(heard.coordinator?.map((f) => f.id)).toEqual([id, later]);
    expect(heard.beInvestigator?.map((f) => f.id)).toEqual([later]);
    expect(heard.frAnalyst?.map((f) => f.id)).toEqual([later]);
    expect(heard.nlObserver).toEqual([]);
  });
});
