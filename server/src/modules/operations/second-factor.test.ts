import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.create();
});
afterAll(() => t.close());

async function turnOnTotp(who: Session): Promise<void> {
  const { secret } = (await t.request(who, 'POST', '/api/me/totp')).json<{ secret: string }>();
  const enabled = await t.request(who, 'POST', '/api/me/totp/enable', { code: await generate({ secret }) });
  expect(enabled.statusCode).toBe(200);
}

describe.shuffle('an operation that requires a second factor', () => {
  it('refuses coordinators and analysts without TOTP with a code that says to set it up; others work on', async () => {
    const w = await t.seed({
      members: {
        lead: ['coordinator', 'DE'],
        analyst: ['analyst', 'FR'],
        investigator: ['investigator', 'NL'],
        observer: ['observer', 'BE'],
      },
    });
    // the coordinator who turns it on must have it, or would lock themselves out
    const early = await t.request(w.coordinator, 'PATCH', w.path(), { requireTotp: true });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('operations.totp_required');
    await turnOnTotp(w.coordinator);
    const on = await t.request(w.coordinator, 'PATCH', w.path(), { requireTotp: true });
    expect(on.json()).toMatchObject({ requireTotp: true });

    for (const who of [w.members.lead, w.members.analyst]) {
      const refused = await t.request(who, 'GET', w.path('/platforms'));
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'operations.totp_required' });
    }
    // (the key figures: the one read every role has, observers included)
    for (const who of [w.members.investigator, w.members.observer, w.coordinator])
      expect((await t.request(who, 'GET', w.path('/tallies'))).statusCode).toBe(200);

    await turnOnTotp(w.members.analyst);
    expect((await t.request(w.members.analyst, 'GET', w.path('/platforms'))).statusCode).toBe(200);
    // the operation's own page says the same, so the client can show the way to the account page
    expect((await t.request(w.members.lead, 'GET', w.path())).json().error.code).toBe('operations.totp_required');
  });

  it('is off by default: nobody needs TOTP', async () => {
    const w = await t.seed({ members: { analyst: ['analyst', 'FR'] } });
    expect((await t.request(w.coordinator, 'GET', w.path())).json()).toMatchObject({ requireTotp: false });
    expect((await t.request(w.members.analyst, 'GET', w.path('/platforms'))).statusCode).toBe(200);
  });
});
