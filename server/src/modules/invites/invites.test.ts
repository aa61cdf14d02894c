import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../../test/test-app.js';

describe('invites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('a coordinator invites an investigator, who joins with role, country and agency', async () => {
    const { operation, coordinator } = await t.operation();
    const invite = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/invites`, {
      role: 'investigator',
      country: 'ua',
      agency: 'National Police',
    });
    expect(invite.statusCode).toBe(201);
    const { code, url, expiresAt } = invite.json();
    expect(url).toBe(`http://localhost:3000/invite/${code}`);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());

    const preview = await t.request(null, 'GET', `/api/invites/${code}`);
    expect(preview.json()).toMatchObject({
      operationName: 'Action day',
      role: 'investigator',
      country: 'UA',
      agency: 'National Police',
    });

    const accepted = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
      name: 'Olena',
      email: 'olena@example.org',
      password: 'a-long-password',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ ok: true, operationId: operation.id });
    const cookie = accepted.cookies.find((c) => c.name === 'actionday_session');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `actionday_session=${cookie?.value}` },
    });
    expect(me.json().memberships).toEqual([
      expect.objectContaining({
        operationId: operation.id,
        role: 'investigator',
        country: 'UA',
        agency: 'National Police',
      }),
    ]);
  });

  it('an invite code works once', async () => {
    const { operation, coordinator } = await t.operation();
    const { code } = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/invites`, {
        role: 'analyst',
        country: 'NL',
        agency: 'Europol',
      })
    ).json();
    const first = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
      name: 'A',
      email: 'a1@example.org',
      password: 'a-long-password',
    });
    expect(first.statusCode).toBe(200);
    const second = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
      name: 'B',
      email: 'b1@example.org',
      password: 'a-long-password',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('invites.used');
  });

  it('an unknown code is 404 and an expired one 410', async () => {
    expect((await t.request(null, 'GET', '/api/invites/nope')).json().error.code).toBe('invites.not_found');
    const { operation, coordinator } = await t.operation();
    const { code } = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/invites`, {
        role: 'observer',
        country: 'BE',
        agency: 'Eurojust',
      })
    ).json();
    const { invites } = await import('./invites.table.js');
    await t.app.deps.db.update(invites).set({ expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
      name: 'Late',
      email: 'late@example.org',
      password: 'a-long-password',
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('invites.expired');
  });

  it('only a coordinator may invite, and bad input is refused', async () => {
    const { operation, coordinator } = await t.operation();
    const investigator = await t.member(operation.id, coordinator, 'investigator', 'DE');
    const refused = await t.request(investigator, 'POST', `/api/operations/${operation.id}/invites`, {
      role: 'coordinator',
      country: 'DE',
      agency: 'BKA',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
    for (const bad of [
      { role: 'boss', country: 'NL', agency: 'X' },
      { role: 'investigator', country: 'XX', agency: 'X' },
      { role: 'investigator', country: 'NL', agency: '' },
    ]) {
      const response = await t.request(coordinator, 'POST', `/api/operations/${operation.id}/invites`, bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().error.code).toBe('request.invalid');
    }
  });

  it("an invite never tells whether an account exists, and is no way round sign-in, nor to change someone's role", async () => {
    const { operation, coordinator } = await t.operation();
    const { code } = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/invites`, {
        role: 'observer',
        country: 'BE',
        agency: 'X',
      })
    ).json();
    // a guess at an existing account is the sign-in's answer; the invite stays as it was
    const guess = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
      name: 'Mallory',
      email: coordinator.email,
      password: 'Tq8#vLm2!pZr-wide',
    });
    expect(guess.statusCode).toBe(401);
    expect(guess.json().error.code).toBe('auth.invalid_credentials');
    expect(guess.cookies.find((c) => c.name === 'actionday_session')).toBeUndefined();
    expect((await t.request(null, 'GET', `/api/invites/${code}`)).statusCode).toBe(200);
    // a weak password is refused the same way whether the e-mail has an account or not
    for (const email of [coordinator.email, 'nobody-here@example.org']) {
      const weak = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
        name: 'Mallory',
        email,
        password: 'password12',
      });
      expect(weak.json().error.code, email).toBe('auth.weak_password');
    }
    // with the account's own password (or signed in) it is their own choice to join — never a change of a membership
    const own = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
      name: 'Lead',
      email: coordinator.email,
      password: coordinator.password,
    });
    expect(own.json().error.code).toBe('invites.already_member');
    expect((await t.request(coordinator, 'GET', `/api/operations/${operation.id}`)).json().me.role).toBe('coordinator');
    const other = await t.operation();
    const joined = await t.request(
      coordinator,
      'POST',
      `/api/invites/${(await t.request(other.coordinator, 'POST', `/api/operations/${other.operation.id}/invites`, { role: 'analyst', country: 'NL', agency: 'Europol' })).json().code}/accept`,
      { name: 'Lead', email: coordinator.email, password: 'irrelevant-here' },
    );
    expect(joined.statusCode).toBe(200);
  });

  it('a weak password is refused when accepting and the invite stays usable', async () => {
    const { operation, coordinator } = await t.operation();
    const { code } = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/invites`, {
        role: 'investigator',
        country: 'FR',
        agency: 'OCRTEH',
      })
    ).json();
    const weak = await t.request(null, 'POST', `/api/invites/${code}/accept`, {
      name: 'Jean',
      email: 'jean@example.org',
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect((await t.request(null, 'GET', `/api/invites/${code}`)).statusCode).toBe(200);
  });
});
