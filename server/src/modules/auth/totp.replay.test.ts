import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test/test-app.js';

/** The code of the 30-second step after the current one (accepted: one step of drift is allowed). */
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

describe('TOTP codes are single-use', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  const turnOn = async () => {
    const owner = await t.user();
    const { secret } = (await t.request(owner, 'POST', '/api/me/totp')).json<{ secret: string }>();
    const confirming = await generate({ secret });
    expect((await t.request(owner, 'POST', '/api/me/totp/enable', { code: confirming })).statusCode).toBe(200);
    return { owner, secret, confirming };
  };

  it('a code that signed its owner in cannot sign anyone in again, even within its 30 seconds', async () => {
    const { owner, secret } = await turnOn();
    const code = await nextCode(secret);
    const signIn = () =>
      t.request(null, 'POST', '/api/session', { email: owner.email, password: owner.password, code });
    expect((await signIn()).statusCode).toBe(200);
    const replay = await signIn();
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('auth.invalid_credentials');
  });

  it('the code that turned the second factor on cannot be replayed for the first sign-in', async () => {
    const { owner, secret, confirming } = await turnOn();
    const replay = await t.request(null, 'POST', '/api/session', {
      email: owner.email,
      password: owner.password,
      code: confirming,
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('auth.invalid_credentials');
    // the owner's next code still signs them in
    const next = await t.request(null, 'POST', '/api/session', {
      email: owner.email,
      password: owner.password,
      code: await nextCode(secret),
    });
    expect(next.statusCode).toBe(200);
  });

  it('a wrong confirming code leaves the second factor off', async () => {
    const owner = await t.user();
    const { secret } = (await t.request(owner, 'POST', '/api/me/totp')).json<{ secret: string }>();
    // a code from ten minutes ahead: outside the one step of drift allowed
    const wrong = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 600 });
    const refused = await t.request(owner, 'POST', '/api/me/totp/enable', { code: wrong });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('auth.totp_invalid');
    const signIn = await t.request(null, 'POST', '/api/session', { email: owner.email, password: owner.password });
    expect(signIn.statusCode).toBe(200);
  });
});
