import { leafHash } from './audit.merkle.js';

/** JSON with keys sorted at every level, so a value hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields of an audit entry that its leaf hash covers: everything but its id and its position. */
export interface EntryFields {
  chain: string;
  at: Date;
  actorId: string | null;
  operationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/**
 * The entry as the tree sees it (RFC 9162's `entry`): canonical JSON of its own
 * fields, so the writer needs nothing but the row it inserts, and a verifier
 * re-derives the leaf from the stored columns alone.
 */
export function entryBytes(entry: EntryFields): Buffer {
  const { chain, at, actorId, operationId, action, targetType, targetId, details, ip } = entry;
  return Buffer.from(
    canonicalJson({
      v: 1,
      chain,
      at: at.toISOString(),
      actorId,
      operationId,
      action,
      targetType,
      targetId,
      details,
      ip,
    }),
    'utf8',
  );
}

/** The entry's leaf hash, hex: `SHA-256(0x00 || entry)`. */
export function entryLeafHash(entry: EntryFields): string {
  return leafHash(entryBytes(entry)).toString('hex');
}
