import type { Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../app.js';
import { openTestDatabase } from '../test/test-database.js';
import { testConfig } from '../test/test-app.js';

describe('the server log', () => {
  const lines: string[] = [];
  let app: App;
  let cookie = '';

  beforeAll(async () => {
    app = await buildApp({
      config: testConfig({ admin: { email: 'lead@example.org', password: 'a-long-password-1' } }),
      database: await openTestDatabase(),
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
      clientDir: false,
      claimSweepMs: 0,
    });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'lead@example.org', password: 'a-long-password-1' },
    });
    cookie = `actionday_session=${signIn.cookies.find((c) => c.name === 'actionday_session')?.value}`;
  });
  afterAll(() => app.close());

  it('never holds invite codes, passwords or what was logged about people', async () => {
    const operation = (
      await app.inject({
        method: 'POST',
        url: '/api/operations',
        headers: { cookie },
        payload: { name: 'Day', startsAt: '2022-09-06T06:00:00Z', endsAt: '2022-09-06T18:00:00Z', timeZone: 'UTC' },
      })
    ).json();
    const { code } = (
      await app.inject({
        method: 'POST',
        url: `/api/operations/${operation.id}/invites`,
        headers: { cookie },
        payload: { role: 'investigator', country: 'NL', agency: 'KP' },
      })
    ).json();
    await app.inject({ method: 'GET', url: `/api/invites/${code}` });
    const platform = (
      await app.inject({
        method: 'POST',
        url: `/api/operations/${operation.id}/platforms`,
        headers: { cookie },
        payload: { name: 'P', url: 'https://p.example.org', category: 'forum' },
      })
    ).json<Platform>();
    // a NUL byte cannot be stored: a clear 400, not a 500 whose log would carry the query's values
    const nul = await app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/findings`,
      headers: { cookie },
      payload: { kind: 'suspect', platformId: platform.id, aliases: ['Jane Doe\u0000'] },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('request.bad_text');
    const log = lines.join('');
    expect(log).toContain('/api/invites/');
    expect(log).not.toContain(code);
    expect(log).not.toContain('a-long-password-1');
    expect(log).not.toContain('Jane Doe');
  });
});
