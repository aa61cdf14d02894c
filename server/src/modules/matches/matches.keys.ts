import type { IdentifierKind, MatchStrength } from '@actionday/shared';

/** Where a value is looked up: its whole identity (exact), or a handle alone (possible). */
export interface MatchKey {
  strength: MatchStrength;
  key: string;
}

/**
 * A handle's identity is `service:handle` when its network is known, the bare handle otherwise. The bare handle
 * of both is what a *possible* match compares: a handle of unknown service may be the same account as that handle
 * on any service.
 */
export function handleOf(kind: IdentifierKind, value: string): string | null {
  if (kind !== 'username') return null;
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(colon + 1);
}

/** The network of a handle's identity, or null when it is not known. */
export function serviceOf(kind: IdentifierKind, value: string): string | null {
  if (kind !== 'username') return null;
  const colon = value.indexOf(':');
  return colon === -1 ? null : value.slice(0, colon);
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
