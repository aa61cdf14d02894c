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
    .where(and(eq(referenceEntries.operationId, finding.operationId), eq(referenceEntries.normalizedValue, finding.normalizedValue)));
  const values = [
    ...same.map((m) => ({ matchedFindingId: m.id, referenceEntryId: null })),
    ...references.map((r) => ({ matchedFindingId: null, referenceEntryId: r.id })),
  ].map((match) => ({ operationId: finding.operationId, identifierKind: finding.identifierKind as NonNullable<FindingRow['identifierKind']>, normalizedValue: finding.normalizedValue as string, findingId: finding.id, ...match }));
  if (values.length === 0) return [];
  return tx.insert(hits).values(values).onConflictDoNothing().returning();
}

/** Matches freshly imported reference entries against identifiers already logged. */
export async function detectHitsForEntries(tx: Db, operationId: string, entries: (typeof referenceEntries.$inferSelect)[]): Promise<HitRow[]> {
  const created: HitRow[] = [];
  for (const entry of entries) {
    const matches = await tx
      .select({ id: findings.id, identifierKind: findings.identifierKind })
      .from(findings)
      .where(and(eq(findings.operationId, operationId), eq(findings.normalizedValue, entry.normalizedValue), eq(findings.kind, 'identifier'), isNull(findings.deletedAt)));
    if (matches.length === 0) continue;
    created.push(
      ...(await tx
        .insert(hits)
        .values(matches.map((m) => ({ operationId, identifierKind: m.identifierKind ?? entry.identifierKind, normalizedValue: entry.normalizedValue, findingId: m.id, referenceEntryId: entry.id })))
        .onConflictDoNothing()
        .returning()),
    );
  }
  return created;
}
