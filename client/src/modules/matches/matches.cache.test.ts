import type { Match } from '@actionday/shared';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  applyMatch,
  isKnownMatch,
  matchesKey,
  newerMatch,
  passes,
  reconcileMatches,
  withdrawMatch,
} from './matches.cache';

const op = 'op-1';

function match(id: string, overrides: Partial<Match> = {}): Match {
  return {
    id,
    operationId: op,
    redacted: false,
    status: 'open',
    strength: 'exact',
    identifierKind: 'phone',
    value: '+4915123456789',
    sightings: [],
    countries: ['DE', 'NL'],
    contacts: [{ name: 'Anna de Vries', country: 'NL', agency: 'Police NL' }],
    resolution: null,
    disclosures: [],
    mayDisclose: false,
    analystMaySee: true,
    createdAt: `2022-09-06T08:0${id.length % 10}:00.000Z`,
    updatedAt: '2022-09-06T08:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** A query client with the lists an analyst's page would have cached: all, open only, confirmed only. */
function cached(initial: Match[] = []) {
  const client = new QueryClient();
  client.setQueryData(matchesKey(op, {}), initial);
  client.setQueryData(
    matchesKey(op, { status: 'open' }),
    initial.filter((m) => m.status === 'open'),
  );
  client.setQueryData(
    matchesKey(op, { status: 'confirmed' }),
    initial.filter((m) => m.status === 'confirmed'),
  );
  const ids = (query: Parameters<typeof matchesKey>[1]) =>
    (client.getQueryData<Match[]>(matchesKey(op, query)) ?? []).map((m) => m.id);
  return { client, ids };
}

describe('the match lists in the cache', () => {
  it('a found match joins every list whose filters it passes, and no list is fetched again', () => {
    const { client, ids } = cached();
    applyMatch(client, match('m1'));
    expect(ids({})).toEqual(['m1']);
    expect(ids({ status: 'open' })).toEqual(['m1']);
    expect(ids({ status: 'confirmed' })).toEqual([]);
    // put in place, not marked for a refetch
    expect(client.getQueryState(matchesKey(op, {}))?.isInvalidated).toBe(false);
    expect(client.getQueryState(matchesKey(op, { status: 'open' }))?.isInvalidated).toBe(false);
  });

  it('a confirmed match leaves the open list and appears in the confirmed one, replaced everywhere', () => {
    const { client, ids } = cached([match('m1'), match('m22')]);
    applyMatch(client, match('m1', { status: 'confirmed', version: 2 }));
    expect(ids({ status: 'open' })).toEqual(['m22']);
    expect(ids({ status: 'confirmed' })).toEqual(['m1']);
    const all = client.getQueryData<Match[]>(matchesKey(op, {})) ?? [];
    expect(all.find((m) => m.id === 'm1')?.status).toBe('confirmed');
  });

  it('an older copy arriving late never undoes a newer one', () => {
    const { client } = cached([match('m1', { status: 'confirmed', version: 3 })]);
    applyMatch(client, match('m1', { status: 'open', version: 2 }));
    expect(client.getQueryData<Match[]>(matchesKey(op, {}))?.[0]?.status).toBe('confirmed');
    // the same version is a change that keeps it (a disclosure): the incoming copy wins
    const shared = match('m1', { status: 'confirmed', version: 3, mayDisclose: false, contacts: [] });
    expect(newerMatch(match('m1', { status: 'confirmed', version: 3 }), shared)).toBe(shared);
  });

  it('a withdrawn match leaves every list, and an answer asked for before the withdrawal does not bring it back', () => {
    const { client, ids } = cached([match('m1'), match('m22')]);
    const requestedAt = Date.now() - 1000;
    withdrawMatch(client, op, 'm1');
    expect(ids({})).toEqual(['m22']);
    expect(ids({ status: 'open' })).toEqual(['m22']);
    const answer = reconcileMatches(client, op, {}, [match('m1'), match('m22')], requestedAt);
    expect(answer.map((m) => m.id)).toEqual(['m22']);
    // found again later (a new sighting): it is back
    applyMatch(client, match('m1', { version: 5 }));
    expect(ids({}).sort()).toEqual(['m1', 'm22']);
  });

  it('keeps what events said while a list was on its way, in the lists those events belong to', () => {
    const { client } = cached([]);
    const requestedAt = Date.now() - 1000;
    // while the open list was being read: m1 was confirmed, m3 was found
    applyMatch(client, match('m1', { status: 'confirmed', version: 2 }));
    applyMatch(client, match('m333'));
    const open = reconcileMatches(client, op, { status: 'open' }, [match('m1'), match('m22')], requestedAt);
    expect(open.map((m) => m.id).sort()).toEqual(['m22', 'm333']);
    const all = reconcileMatches(client, op, {}, [match('m1'), match('m22')], requestedAt);
    expect(all.find((m) => m.id === 'm1')?.status).toBe('confirmed');
  });

  it('filters a pushed match the way the server filters the list', () => {
    const m = match('m1', { countries: ['BE', 'NL'], value: 'telegram:katya_sweet99' });
    expect(passes(m, { country: 'BE' })).toBe(true);
    expect(passes(m, { country: 'FR' })).toBe(false);
    expect(passes(m, { q: 'KATYA' })).toBe(true);
    expect(passes(m, { q: 'anna' })).toBe(true);
    expect(passes(m, { q: 'ivan' })).toBe(false);
    expect(passes(m, { strength: 'possible' })).toBe(false);
    expect(passes(m, { kind: 'phone', status: 'open' })).toBe(true);
  });

  it('tells news from a match this tab already knew', () => {
    const { client } = cached([match('m1')]);
    expect(isKnownMatch(client, op, 'm1')).toBe(true);
    expect(isKnownMatch(client, op, 'm9')).toBe(false);
    applyMatch(client, match('m9'));
    expect(isKnownMatch(client, op, 'm9')).toBe(true);
  });
});
