import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test/test-app.js';

describe('TOTP codes are single-use', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('a code that signed its owner in cannot sign anyone in again, even within its 30 seconds', async () => {
    const owner = await t.user();
    const { secret } = (await t.request(owner, 'POST', '/api/me/totp')).json<{ secret: string }>();
    expect(
      (await t.request(owner, 'POST', '/api/me/totp/enable', { code: await generate({ secret }) })).statusCode,
    ).toBe(200);
    const code = await generate({ secret });
    const signIn = () =>
      t.request(null, 'POST', '/api/session', { email: owner.email, password: owner.password, code });
    expect((await signIn()).statusCode).toBe(200);
    const replay = await signIn();
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('auth.invalid_credentials');
  });
});
