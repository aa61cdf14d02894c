import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test/test-app.js';

const body = {
  name: 'EMPACT action day',
  startsAt: '2022-09-06T06:00:00Z',
  endsAt: '2022-09-06T18:00:00Z',
  timeZone: 'Europe/Amsterdam',
  focusTags: ['ukraine'],
};

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('an administrator creates an operation and becomes its coordinator', async () => {
    const admin = await t.user({ isAdmin: true });
    const created = await t.request(admin, 'POST', '/api/operations', body);
    expect(created.statusCode).toBe(201);
    const operation = created.json();
    expect(operation).toMatchObject({
      name: 'EMPACT action day',
      status: 'planned',
      focusTags: ['ukraine'],
      timeZone: 'Europe/Amsterdam',
      claimLimit: 2,
    });
    expect(operation.startsAt).toBe('2022-09-06T06:00:00.000Z');

    const read = await t.request(admin, 'GET', `/api/operations/${operation.id}`);
    expect(read.json().me).toMatchObject({ role: 'coordinator', country: 'NL', agency: 'Europol' });
    const list = await t.request(admin, 'GET', '/api/operations');
    expect(list.json().map((o: { id: string }) => o.id)).toContain(operation.id);
  });

  it('a user who is not an administrator cannot create an operation', async () => {
    const user = await t.user();
    const response = await t.request(user, 'POST', '/api/operations', body);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.admin_only');
  });

  it('bad input is refused with a clear code and creates nothing', async () => {
    const admin = await t.user({ isAdmin: true });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body, endsAt: '2022-09-06T05:00:00Z' }, 'operations.invalid_window'],
      [{ ...body, timeZone: 'Mars/Olympus' }, 'request.invalid'],
      [{ ...body, startsAt: 'tomorrow' }, 'request.invalid'],
      [{ ...body, focusTags: ['Not A Tag!'] }, 'request.invalid'],
      [{ ...body, name: '' }, 'request.invalid'],
    ];
    for (const [input, code] of cases) {
      const response = await t.request(admin, 'POST', '/api/operations', input);
      expect(response.statusCode, JSON.stringify(input)).toBe(400);
      expect(response.json().error.code).toBe(code);
    }
    expect((await t.request(admin, 'GET', '/api/operations')).json()).toEqual([]);
  });

  it('a non-member cannot read an operation, and an unknown id is 404', async () => {
    const { operation } = await t.operation();
    const stranger = await t.user();
    const refused = await t.request(stranger, 'GET', `/api/operations/${operation.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('operations.not_member');
    const unknown = await t.request(stranger, 'GET', '/api/operations/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('operations.not_found');
    const malformed = await t.request(stranger, 'GET', '/api/operations/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
  });

  it('the OpenAPI document lists the public routes', async () => {
    const response = await t.request(null, 'GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/session', '/api/operations', '/api/platforms/{platformId}/claim']),
    );
  });

  it('the health check answers ok', async () => {
    const response = await t.request(null, 'GET', '/api/health');
    expect(response.json()).toEqual({ ok: true });
  });
});
