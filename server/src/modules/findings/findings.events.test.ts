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
    platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Chat',
        url: 'https://chat.example.org',
        category: 'messaging',
      })
    ).json<Platform>();
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
    const response = await t.request(people.nlAuthor as Session, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'victim',
      platformId: platform.id,
      exploitation: 'labour',
    });
    const id = response.json().finding.id;
    await eventually(() => {
      for (const name of ['coordinator', 'nlAuthor', 'nlColleague', 'frAnalyst', 'beInvestigator'])
        expect(
          heard[name]?.map((f) => f.id),
          name,
        ).toEqual([id]);
    });
    for (const name of ['coordinator', 'nlAuthor', 'nlColleague', 'frAnalyst'])
      expect(heard[name]?.[0]).toMatchObject({ redacted: false, reference: 'V-NL-001' });
    expect(heard.beInvestigator?.[0]).toMatchObject({ redacted: true });
    expect(JSON.stringify(heard.beInvestigator)).not.toContain('V-NL-9');

    await t.request(people.nlAuthor as Session, 'DELETE', `/api/findings/${id}`);
    await eventually(() => expect(deleted.coordinator).toEqual([id]));
    expect(heard.nlObserver).toEqual([]);
    expect(deleted.nlObserver).toEqual([]);
  });

  it("a TLP:RED suspect reaches only the author's country and the coordinators", async () => {
    for (const list of Object.values(heard)) list.length = 0;
    const id = (
      await t.request(people.nlAuthor as Session, 'POST', `/api/operations/${operation.id}/findings`, {
        kind: 'suspect',
        platformId: platform.id,
        aliases: ['Red'],
        handling: 'TLP:RED',
      })
    ).json().finding.id;
    // a later AMBER finding reaches everyone; once it has, the RED one would have too
    const later = (
      await t.request(people.nlAuthor as Session, 'POST', `/api/operations/${operation.id}/findings`, {
        kind: 'suspect',
        platformId: platform.id,
        aliases: ['Amber'],
      })
    ).json().finding.id;
    await eventually(() => {
      for (const name of ['coordinator', 'nlColleague', 'beInvestigator', 'frAnalyst'])
        expect(heard[name]?.map((f) => f.id)).toContain(later);
    });
    expect(heard.nlColleague?.map((f) => f.id)).toEqual([id, later]);
    expect(heard.coordinator?.map((f) => f.id)).toEqual([id, later]);
    expect(heard.beInvestigator?.map((f) => f.id)).toEqual([later]);
    expect(heard.frAnalyst?.map((f) => f.id)).toEqual([later]);
    expect(heard.nlObserver).toEqual([]);
  });

  it('a finding turned TLP:RED disappears at once from the screens of those who may no longer see it', async () => {
    const id = (
      await t.request(people.nlAuthor as Session, 'POST', `/api/operations/${operation.id}/findings`, {
        kind: 'suspect',
        platformId: platform.id,
        aliases: ['Soon red'],
      })
    ).json().finding.id;
    await eventually(() => expect(heard.beInvestigator?.map((f) => f.id)).toContain(id));
    await t.request(people.nlAuthor as Session, 'PATCH', `/api/findings/${id}`, { handling: 'TLP:RED' });
    await eventually(() => {
      expect(deleted.beInvestigator).toContain(id);
      expect(deleted.frAnalyst).toContain(id);
    });
    expect(deleted.nlColleague).not.toContain(id);
    expect(deleted.coordinator).not.toContain(id);
  });

  it('new TLP:RED evidence is announced only to those who may see it', async () => {
    const evidenceHeard: Record<string, string[]> = {};
    for (const name of Object.keys(people)) evidenceHeard[name] = [];
    const listeners = await Promise.all(
      Object.entries(people).map(async ([name, session]) => {
        const socket = await t.socket(session);
        await socket.emitWithAck('operation:join', { operationId: operation.id });
        socket.on('evidence:uploaded', ({ evidenceId }) => evidenceHeard[name]?.push(evidenceId));
        return socket;
      }),
    );
    const boundary = '----evidence-event';
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="platformId"\r\n\r\n${platform.id}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="handling"\r\n\r\nTLP:RED\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/evidence`,
      headers: {
        cookie: (people.nlAuthor as Session).cookie,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const id = uploaded.json().id;
    await eventually(() => {
      for (const name of ['coordinator', 'nlAuthor', 'nlColleague']) expect(evidenceHeard[name], name).toEqual([id]);
    });
    // a later AMBER finding reaches everyone; had the RED evidence been sent to them, it would have arrived first
    const later = (
      await t.request(people.nlAuthor as Session, 'POST', `/api/operations/${operation.id}/findings`, {
        kind: 'suspect',
        platformId: platform.id,
        aliases: ['Marker'],
      })
    ).json().finding.id;
    await eventually(() => expect(heard.beInvestigator?.map((f) => f.id)).toContain(later));
    expect(evidenceHeard.beInvestigator).toEqual([]);
    expect(evidenceHeard.frAnalyst).toEqual([]);
    expect(evidenceHeard.nlObserver).toEqual([]);
    for (const socket of listeners) socket.disconnect();
  });
});
