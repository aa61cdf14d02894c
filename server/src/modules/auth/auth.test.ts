import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test/test-app.js';

describe('signing in and out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('a user signs in with e-mail and password and is known to /api/me', async () => {
    const user = await t.user({ name: 'Anna' });
    const me = await t.request(user, 'GET', '/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: user.email, name: 'Anna', isAdmin: false }, memberships: [] });
  });

  it('the session cookie is httpOnly and SameSite', async () => {
    const user = await t.user();
    const response = await t.request(null, 'POST', '/api/session', {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    const cookie = response.cookies.find((c) => c.name === 'actionday_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('a wrong password gets 401 auth.invalid_credentials, and the failure is audited', async () => {
    const user = await t.user();
    const response = await t.request(null, 'POST', '/api/session', { email: user.email, password: 'not-the-password' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'auth.invalid_credentials', message: expect.any(String) } });
    const unknown = await t.request(null, 'POST', '/api/session', {
      email: 'nobody@example.org',
      password: 'whatever-it-is',
    });
    expect(unknown.json().error.code).toBe('auth.invalid_credentials');
  });

  it('a malformed sign-in body gets 400 request.invalid', async () => {
    const response = await t.request(null, 'POST', '/api/session', { email: 'not an email' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.invalid');
  });

  it('signed out, /api/me answers 401 auth.unauthenticated', async () => {
    const response = await t.request(null, 'GET', '/api/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.unauthenticated');
  });

  it('signing out ends the session on the server', async () => {
    const user = await t.user();
    expect((await t.request(user, 'DELETE', '/api/session')).statusCode).toBe(200);
    expect((await t.request(user, 'GET', '/api/me')).statusCode).toBe(401);
  });
});

describe('the first account', () => {
  it('with no user and no admin variables, a one-time setup link is printed and creates the first administrator once', async () => {
    const lines: string[] = [];
    const t = await TestApp.create({ print: (line) => lines.push(line) });
    try {
      const link = lines.join('\n').match(/\/setup\?token=([\w-]+)/);
      expect(link).not.toBeNull();
      const token = link?.[1] as string;
      expect((await t.request(null, 'GET', '/api/setup')).json()).toEqual({ open: true });

      const wrong = await t.request(null, 'POST', '/api/setup', {
        token: 'guess',
        name: 'Eve',
        email: 'eve@example.org',
        password: 'long-enough-password',
      });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error.code).toBe('auth.setup_token_invalid');

      const ok = await t.request(null, 'POST', '/api/setup', {
        token,
        name: 'Lead',
        email: 'lead@example.org',
        password: 'long-enough-password',
      });
      expect(ok.statusCode).toBe(200);
      const cookie = ok.cookies.find((c) => c.name === 'actionday_session');
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `actionday_session=${cookie?.value}` },
      });
      expect(me.json().user).toMatchObject({ email: 'lead@example.org', isAdmin: true });

      const again = await t.request(null, 'POST', '/api/setup', {
        token,
        name: 'Lead',
        email: 'lead2@example.org',
        password: 'long-enough-password',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('auth.setup_not_available');
    } finally {
      await t.close();
    }
  });

  it('ACTIONDAY_ADMIN_EMAIL and PASSWORD create the first administrator and no link is printed', async () => {
    const lines: string[] = [];
    const t = await TestApp.create({
      print: (line) => lines.push(line),
      config: { admin: { email: 'boss@example.org', password: 'a-long-password-1' } },
    });
    try {
      expect(lines.join('')).not.toContain('/setup');
      const cookie = await t.signIn('boss@example.org', 'a-long-password-1');
      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect(me.json().user.isAdmin).toBe(true);
    } finally {
      await t.close();
    }
  });
});
