import type { QueryClient } from '@tanstack/react-query';

/** Anything kept in a live list: an id, and when it was created (newest first). */
export interface Listed {
  id: string;
  createdAt: string;
}

/**
 * What live events said while lists were on their way: the last copy of each
 * record that arrived (and when, on this device's clock), and which records
 * were deleted. A list answer requested before an event must not undo it.
 */
export interface LiveLedger<T extends Listed> {
  live: Map<string, { at: number; item: T }>;
  deleted: Map<string, number>;
}

export function newLedger<T extends Listed>(): LiveLedger<T> {
  return { live: new Map(), deleted: new Map() };
}

const ledgers = new WeakMap<QueryClient, Map<string, LiveLedger<Listed>>>();

/** The ledger of one kind of record in one operation, kept beside the query cache it serves. */
export function ledgerOf<T extends Listed>(queryClient: QueryClient, scope: string): LiveLedger<T> {
  let byScope = ledgers.get(queryClient);
  if (!byScope) {
    byScope = new Map();
    ledgers.set(queryClient, byScope);
  }
  let ledger = byScope.get(scope);
  if (!ledger) {
    ledger = newLedger();
    byScope.set(scope, ledger);
  }
  return ledger as unknown as LiveLedger<T>;
}

/** Newest first; ties by id, so the order is stable. */
export function byNewest<T extends Listed>(a: T, b: T): number {
  return b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
}

/** Inserts or replaces one record (the `pick`ed copy when known), keeping newest-first order. */
export function upsertListed<T extends Listed>(list: readonly T[], item: T, pick: (known: T, incoming: T) => T): T[] {
  const index = list.findIndex((known) => known.id === item.id);
  if (index === -1) return [...list, item].sort(byNewest);
  const known = list[index] as T;
  const chosen = pick(known, item);
  if (chosen === known) return list as T[];
  const next = [...list];
  next[index] = chosen;
  return next;
}

export function removeListed<T extends Listed>(list: readonly T[], id: string): T[] {
  return list.some((item) => item.id === id) ? list.filter((item) => item.id !== id) : (list as T[]);
}

/**
 * Folds a fresh list answer into what is cached. The answer is the truth for
 * everything that happened before it was requested (records missing from it
 * are gone); events that arrived after `requestedAt` are newer than it and
 * stay applied; a deleted record never comes back from a stale answer.
 * `belongs` says which live records belong in this list (e.g. one platform's).
 */
export function reconcile<T extends Listed>(
  current: readonly T[] | undefined,
  fresh: readonly T[],
  requestedAt: number,
  ledger: LiveLedger<T>,
  pick: (known: T, incoming: T) => T,
  belongs: (item: T) => boolean = () => true,
): T[] {
  const cached = new Map((current ?? []).map((item) => [item.id, item]));
  const result = new Map<string, T>();
  for (const item of fresh) {
    if (ledger.deleted.has(item.id)) continue;
    const known = cached.get(item.id);
    result.set(item.id, known ? pick(known, item) : item);
  }
  for (const [id, { at, item }] of ledger.live) {
    if (at < requestedAt || ledger.deleted.has(id) || !belongs(item)) continue;
    const known = result.get(id);
    result.set(id, known ? pick(known, item) : item);
  }
  return [...result.values()].sort(byNewest);
}
