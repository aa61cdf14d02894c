import type { Match, MatchesQuery } from '@actionday/shared';
import type { QueryClient } from '@tanstack/react-query';
import { type LiveLedger, ledgerOf, reconcile, removeListed, upsertListed } from '../../app/live-list';

/** Every cached match list of an operation starts with this key (one list per set of filters). */
export const matchesRoot = (operationId: string) => ['matches', operationId] as const;

/** The filters as a key: only those set, so `{}` and `{ q: '' }` share one list. */
export function cleanQuery(query: MatchesQuery): MatchesQuery {
  const clean: MatchesQuery = {};
  if (query.status) clean.status = query.status;
  if (query.kind) clean.kind = query.kind;
  if (query.strength) clean.strength = query.strength;
  if (query.country) clean.country = query.country;
  const q = query.q?.trim();
  if (q) clean.q = q;
  return clean;
}

/** The key of one list: the operation's, with these filters. */
export const matchesKey = (operationId: string, query: MatchesQuery) =>
  [...matchesRoot(operationId), cleanQuery(query)] as const;

/** What live events said about the operation's matches, kept beside the query cache (see `app/live-list.ts`). */
export const matchLedger = (queryClient: QueryClient, operationId: string): LiveLedger<Match> =>
  ledgerOf<Match>(queryClient, `matches:${operationId}`);

/** The later of two copies of a match: the higher version; on a tie the incoming one (a disclosure keeps the version). */
export function newerMatch(known: Match, incoming: Match): Match {
  return incoming.version >= known.version ? incoming : known;
}

/**
 * Whether a match belongs in a list asked for with these filters: the same test the server applies
 * (`listMatches`), so a pushed match lands in exactly the lists that would have listed it.
 */
export function passes(match: Match, query: MatchesQuery): boolean {
  if (query.status && match.status !== query.status) return false;
  if (query.kind && match.identifierKind !== query.kind) return false;
  if (query.strength && match.strength !== query.strength) return false;
  if (query.country && !match.countries.includes(query.country)) return false;
  const q = query.q?.trim().toLowerCase();
  if (!q) return true;
  return (match.value ?? '').toLowerCase().includes(q) || match.contacts.some((c) => c.name.toLowerCase().includes(q));
}

const queryOf = (key: readonly unknown[]): MatchesQuery => (key[2] ?? {}) as MatchesQuery;

/**
 * A match from an event or an answer, put into every cached list of its operation: added or replaced where
 * it passes the list's filters, removed where it no longer does (a confirmed match leaves the "open" list).
 * Nothing is fetched again.
 */
export function applyMatch(queryClient: QueryClient, match: Match): void {
  const ledger = matchLedger(queryClient, match.operationId);
  ledger.deleted.delete(match.id);
  const known = ledger.live.get(match.id)?.item;
  const chosen = known ? newerMatch(known, match) : match;
  ledger.live.set(match.id, { at: Date.now(), item: chosen });
  for (const [key, list] of queryClient.getQueriesData<Match[]>({ queryKey: matchesRoot(match.operationId) })) {
    if (!list) continue;
    const query = queryOf(key);
    const listed = list.find((m) => m.id === match.id);
    const best = listed ? newerMatch(listed, chosen) : chosen;
    const next = passes(best, query) ? upsertListed(list, best, newerMatch) : removeListed(list, match.id);
    if (next !== list) queryClient.setQueryData(key, next);
  }
}

/** A match this viewer no longer may know of (a sighting deleted, a list removed): gone from every list. */
export function withdrawMatch(queryClient: QueryClient, operationId: string, matchId: string): void {
  const ledger = matchLedger(queryClient, operationId);
  ledger.live.delete(matchId);
  ledger.deleted.set(matchId, Date.now());
  for (const [key, list] of queryClient.getQueriesData<Match[]>({ queryKey: matchesRoot(operationId) })) {
    if (!list) continue;
    const next = removeListed(list, matchId);
    if (next !== list) queryClient.setQueryData(key, next);
  }
}

/** Whether this tab already knew of a match (in a cached list or from an event): a push of it is no news. */
export function isKnownMatch(queryClient: QueryClient, operationId: string, matchId: string): boolean {
  if (matchLedger(queryClient, operationId).live.has(matchId)) return true;
  return queryClient
    .getQueriesData<Match[]>({ queryKey: matchesRoot(operationId) })
    .some(([, list]) => list?.some((m) => m.id === matchId) ?? false);
}

/**
 * Folds a fresh list answer into the cached one: the answer is the truth for what happened before it was
 * asked for; events that arrived since stay applied (where they pass the list's filters); a withdrawn match
 * does not come back from an older answer.
 */
export function reconcileMatches(
  queryClient: QueryClient,
  operationId: string,
  query: MatchesQuery,
  fresh: readonly Match[],
  requestedAt: number,
): Match[] {
  const ledger = matchLedger(queryClient, operationId);
  const merged = reconcile(
    queryClient.getQueryData<Match[]>(matchesKey(operationId, query)),
    fresh,
    requestedAt,
    ledger,
    newerMatch,
    (match) => passes(match, query),
  );
  // an event since the request may have moved a listed match out of these filters (confirmed, off "open")
  return merged.filter((match) => {
    const live = ledger.live.get(match.id);
    return !live || live.at < requestedAt || passes(live.item, query);
  });
}
