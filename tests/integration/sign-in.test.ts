import { TestApp } from '@actionday/server/test/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('sign-in that protects without locking out', () => {
  let t: TestApp;
  beforeAll(async () => {
    // six free failures per account, then growing delays; the address limit stays out of the way here
    t = await TestApp.create({ signInLimits: { perAccount: 6 } });
  });
  afterAll(() => t.close());

  it('ten wrong passwords for an account do not lock its owner out: the right one still signs in', {
    timeout: 60_000,
  }, async () => {
    const owner = await t.user();
    const answers = [];
    for (let i = 0; i < 10; i++)
      answers.push(
        (await t.request(null, 'POST', '/api/session', { email: owner.email, password: `guess-${i}` })).statusCode,
      );
    expect(answers).toEqual(Array(10).fill(401));
    const right = await t.request(null, 'POST', '/api/session', { email: owner.email, password: owner.password });
    expect(right.statusCode).toBe(200);
  });

  it('a new account with one of the commonest passwords is refused, saying why', async () => {
    const { operation, coordinator } = await t.operation();
    for (const password of ['aaaaaaaaaa', 'password123', 'qwertyuiop']) {
      const invite = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/invites`, {
        role: 'investigator',
        country: 'NL',
        agency: 'Politie',
      });
      const { code } = invite.json<{ code: string }>();
      const answer = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
        name: 'New investigator',
        email: `new.${password}@example.org`,
        password,
      });
      expect(answer.statusCode, password).toBe(400);
      expect(answer.json().error.code).toBe('auth.weak_password');
      expect(answer.json().error.message).toMatch(/^Choose a harder password to guess\. .+/);
      // the invite was not used up: the same person can try again with a better password
      const again = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
        name: 'New investigator',
        email: `new.${password}@example.org`,
        password: 'amber lantern under seven bridges',
      });
      expect(again.statusCode).toBe(200);
    }
  });
});
