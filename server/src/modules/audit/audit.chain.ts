import { createHash } from 'node:crypto';

/** The hash before the first row of every chain. */
export const GENESIS = '0'.repeat(64);

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

/** The fields of an audit row that its hash covers. */
export interface ChainedFields {
  chain: string;
  chainIndex: number;
  prevHash: string;
  at: Date;
  actorId: string | null;
  operationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** SHA-256 of the previous hash and the row's fields. */
export function hashAuditRow(row: ChainedFields): string {
  const { chain, chainIndex, prevHash, at, actorId, operationId, action, targetType, targetId, details, ip } = row;
  return createHash('sha256')
    .update(
      canonicalJson({
        chain,
        chainIndex,
        prevHash,
        at: at.toISOString(),
        actorId,
        operationId,
        action,
        targetType,
        targetId,
        details,
        ip,
      }),
    )
    .digest('hex');
}

/** The outcome of re-walking a chain. */
export interface ChainVerdict {
  chain: string;
  ok: boolean;
  count: number;
  /** The last hash: anchor it elsewhere (the after-action report) to detect a removed tail too. */
  head: string;
  problems: { chainIndex: number; id: number | null; problem: 'hash_mismatch' | 'broken_link' | 'missing_row' }[];
}

/** Re-walks rows of one chain in order; any edit, deletion or insertion shows as a problem. */
export function verifyChain(chain: string, rows: (ChainedFields & { id: number; hash: string })[]): ChainVerdict {
  const problems: ChainVerdict['problems'] = [];
  let expectedPrev = GENESIS;
  let expectedIndex = 1;
  for (const row of rows) {
    if (row.chainIndex !== expectedIndex)
      problems.push({ chainIndex: expectedIndex, id: null, problem: 'missing_row' });
    if (row.prevHash !== expectedPrev)
      problems.push({ chainIndex: row.chainIndex, id: row.id, problem: 'broken_link' });
    if (hashAuditRow(row) !== row.hash)
      problems.push({ chainIndex: row.chainIndex, id: row.id, problem: 'hash_mismatch' });
    expectedPrev = row.hash;
    expectedIndex = row.chainIndex + 1;
  }
  return { chain, ok: problems.length === 0, count: rows.length, head: expectedPrev, problems };
}
