import { type IdentifierKind, type MatchStrength, identityOf, possibleMatchKey } from '@actionday/shared';

/** Where a value is looked up: its whole identity (exact), or a handle alone (possible). */
export interface MatchKey {
  strength: MatchStrength;
  key: string;
}

/**
 * A handle's identity is `service:handle` when its network is known, the bare handle otherwise. What a
 * *possible* match compares is the handle alone, as `possibleMatchKey` folds it: a handle of unknown service may
 * be the same account as that handle on any service.
 */
export function handleOf(kind: IdentifierKind, value: string): string | null {
  return kind === 'username' ? possibleMatchKey(value) : null;
}

/** The network of a handle's identity, or null when it is not known. */
export function serviceOf(kind: IdentifierKind, value: string): string | null {
  return kind === 'username' ? (identityOf(value)?.service ?? null) : null;
}

/** The keys a sighting is looked up under, in one fixed order (locks are taken in it). */
export function keysOf(kind: IdentifierKind, value: string): MatchKey[] {
  const handle = handleOf(kind, value);
  return [{ strength: 'exact', key: value }, ...(handle ? [{ strength: 'possible' as const, key: handle }] : [])];
}

/** Keys without repeats, sorted: two transactions taking their locks in this order never deadlock. */
export function uniqueKeys(keys: readonly MatchKey[]): MatchKey[] {
  const seen = new Map(keys.map((k) => [`${k.strength}\u0000${k.key}`, k]));
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
}
