import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test/test-app.js';

describe('the interface language of an account', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the browser’s until chosen, then remembered for the account', async () => {
    const user = await t.user({ name: 'Olena' });
    expect((await t.request(user, 'GET', '/api/me')).json().user.language).toBeNull();
    const chosen = await t.request(user, 'PUT', '/api/me/language', { language: 'uk' });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toEqual({ language: 'uk' });
    expect((await t.request(user, 'GET', '/api/me')).json().user.language).toBe('uk');
  });

  it('refuses a language the app does not ship, and a caller who is not signed in', async () => {
    const user = await t.user({ name: 'Piotr' });
    const refused = await t.request(user, 'PUT', '/api/me/language', { language: 'xx' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('request.invalid');
    expect((await t.request(user, 'GET', '/api/me')).json().user.language).toBeNull();
    expect((await t.request(null, 'PUT', '/api/me/language', { language: 'pl' })).statusCode).toBe(401);
  });
});
