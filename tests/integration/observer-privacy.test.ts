import type { Operation, Platform } from '@actionday/shared';
import { type Session, TestApp, eventually } from '@actionday/server/test/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Values that identify people; none may reach an observer. */
const secrets = [
  'Olena Early',
  'Viktor Secretov',
  'V-NL-001',
  '+31612345678',
  '0612345678',
  'lola_secret',
  'pimp@example.org',
  'Noor Investigator',
];
/** Field names that only records about people carry. */
const personalFields = ['"aliases"', '"reference"', '"normalizedValue"', '"ageEstimate"', '"identifierKind"'];

describe('observers see aggregates only', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let observer: Session;
  const events: string[] = [];

  beforeAll(async () => {
    t = await TestApp.create({ listen: true });
    ({ operation, coordinator } = await t.operation({ focusNationalities: ['UA'] }));
    observer = await t.member(operation.id, coordinator, 'observer', 'BE', 'Press Officer');
    // a participant who joined before the observer connects must not be named to them either
    await t.member(operation.id, coordinator, 'investigator', 'UA', 'Olena Early');
    const socket = await t.socket(observer);
    socket.onAny((event, payload) => events.push(`${event} ${JSON.stringify(payload)}`));
    events.push(`ack ${JSON.stringify(await socket.emitWithAck('operation:join', { operationId: operation.id }))}`);

    const investigator = await t.member(operation.id, coordinator, 'investigator', 'NL', 'Noor Investigator');
    const belgian = await t.member(operation.id, coordinator, 'investigator', 'BE', 'Bram');
    const platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Ads',
        url: 'https://ads.example.org',
        category: 'escort_ads',
        tags: ['ukraine'],
      })
    ).json<Platform>();
    await t.request(investigator, 'POST', `/api/platforms/${platform.id}/claim`);
    const log = (who: Session, body: Record<string, unknown>) =>
      t.request(who, 'POST', `/api/operations/${operation.id}/findings`, { platformId: platform.id, ...body });
    await log(investigator, { kind: 'suspect', aliases: ['Viktor Secretov'], identified: true });
    await log(investigator, {
      kind: 'victim',
      nationality: 'UA',
      exploitation: 'sexual',
      minor: true,
    });
    await log(investigator, { kind: 'identifier', identifierKind: 'phone', value: '0612345678' });
    await log(belgian, { kind: 'identifier', identifierKind: 'phone', value: '+31612345678' });
    await log(investigator, { kind: 'identifier', identifierKind: 'username', value: '@lola_secret' });
    await log(investigator, { kind: 'identifier', identifierKind: 'email', value: 'pimp@example.org' });
    await t.request(investigator, 'POST', `/api/platforms/${platform.id}/verdict`, {
      verdict: 'confirmed',
      followUp: true,
      summary: 'Viktor Secretov runs it',
    });
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/announcements`, { message: 'Well done all' });
    await eventually(
      () =>
        expect(
          events.some(
            (e) =>
              e.startsWith('tally:updated') &&
              e.includes('"possible_victims","label":"possible victims found","value":1'),
          ),
        ).toBe(true),
      5000,
    );
  });
  afterAll(() => t.close());

  it('no event an observer received holds a name, alias, identifier or victim record', () => {
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      for (const secret of secrets) expect(event, event.slice(0, 80)).not.toContain(secret);
      for (const field of personalFields) expect(event, event.slice(0, 80)).not.toContain(field);
    }
    expect(events.some((e) => e.startsWith('finding:') || e.startsWith('hit:'))).toBe(false);
  });

  it('no answer an observer can get holds personal data, and record routes are closed to them', async () => {
    const op = `/api/operations/${operation.id}`;
    for (const path of [
      op,
      `${op}/tallies`,
      `${op}/platforms`,
      `${op}/timeline`,
      `${op}/announcements`,
      `${op}/figures`,
      '/api/me',
    ]) {
      const response = await t.request(observer, 'GET', path);
      expect(response.statusCode, path).toBe(200);
      for (const secret of secrets) expect(response.body, path).not.toContain(secret);
      for (const field of personalFields) expect(response.body, path).not.toContain(field);
    }
    for (const path of [
      `${op}/findings`,
      `${op}/matches`,
      `${op}/evidence`,
      `${op}/activity`,
      `${op}/audit`,
      `${op}/indicators`,
    ]) {
      expect((await t.request(observer, 'GET', path)).statusCode, path).toBe(403);
    }
  });
});
