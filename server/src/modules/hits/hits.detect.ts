import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { FindingRow } from '../findings/findings.dto.js';
import { findings } from '../findings/findings.table.js';
import { hits, referenceEntries } from './hits.table.js';

export type HitRow = typeof hits.$inferSelect;

/**
 * Compares a newly logged identifier with what the operation already knows:
 * identifiers logged by other participants, and imported reference entries.
 * Each match becomes a hit row, inside the caller's transaction.
 */
export async function detectHits(tx: Db, finding: FindingRow): Promise<HitRow[]> {
  if (!finding.normalizedValue || !finding.identifierKind) return [];
  const same = await tx
    .select({ id: findings.id })
    .from(findings)
    .where(
      and(
        eq(findings.operationId, finding.operationId),
        eq(findings.normalizedValue, finding.normalizedValue),
        eq(findings.kind, 'identifier'),
        isNull(findings.deletedAt),
        ne(findings.authorId, finding.authorId),
        ne(findings.id, finding.id),
      ),
    );
  const references = await tx
    .select({ id: referenceEntries.id })
    .from(referenceEntries)
    .where(
      and(
        eq(referenceEntries.operationId, finding.operationId),
        eq(referenceEntries.normalizedValue, finding.normalizedValue),
      ),
    );
  const values = [
    ...same.map((m) => ({ matchedFindingId: m.id, referenceEntryId: null })),
    ...references.map((r) => ({ matchedFindingId: null, referenceEntryId: r.id })),
  ].map((match) => ({
    operationId: finding.operationId,
    identifierKind: finding.identifierKind as NonNullable<FindingRow['identifierKind']>,
    normalizedValue: finding.normalizedValue as string,
    findingId: finding.id,
    ...match,
  }));
  if (values.length === 0) return [];
  return tx.insert(hits).values(values).onConflictDoNothing().returning();
}

/**
 * Matches the entries of an imported reference list against identifiers
 * already logged, in one set-based statement (lists have up to 100,000
 * entries). Safe to run again: existing hits are kept, only new ones return.
 */
export async function detectHitsForList(tx: Db, operationId: string, listId: string): Promise<HitRow[]> {
  const matches = await tx
    .select({
      findingId: findings.id,
      identifierKind: findings.identifierKind,
      normalizedValue: referenceEntries.normalizedValue,
      entryId: referenceEntries.id,
      entryKind: referenceEntries.identifierKind,
    })
    .from(referenceEntries)
    .innerJoin(
      findings,
      and(
        eq(findings.operationId, referenceEntries.operationId),
        eq(findings.normalizedValue, referenceEntries.normalizedValue),
      ),
    )
    .where(
      and(
        eq(referenceEntries.listId, listId),
        eq(referenceEntries.operationId, operationId),
        eq(findings.kind, 'identifier'),
        isNull(findings.deletedAt),
      ),
    );
  const created: HitRow[] = [];
  for (let i = 0; i < matches.length; i += 1000) {
    const batch = matches.slice(i, i + 1000).map((m) => ({
      operationId,
      identifierKind: m.identifierKind ?? m.entryKind,
      normalizedValue: m.normalizedValue,
      findingId: m.findingId,
      referenceEntryId: m.entryId,
    }));
    created.push(...(await tx.insert(hits).values(batch).onConflictDoNothing().returning()));
  }
  return created;
}
