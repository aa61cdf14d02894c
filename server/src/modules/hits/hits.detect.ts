import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { type FindingRow, identifierPeers, liveIdentifiers } from '../findings/index.js';
import { hits, referenceEntries } from './hits.table.js';

export type HitRow = typeof hits.$inferSelect;

/**
 * Compares a newly logged identifier with what the operation already knows:
 * identifiers logged by other participants, and imported reference entries.
 * Each match becomes a hit row, inside the caller's transaction.
 */
export async function detectHits(tx: Db, finding: FindingRow): Promise<HitRow[]> {
  if (!finding.normalizedValue || !finding.identifierKind) return [];
  const same = (await identifierPeers(tx, finding)).map((id) => ({ id }));
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
  // the day's identifiers are a few thousand at most: read them once, then look them up in the list
  const logged = await liveIdentifiers(tx, operationId);
  const byValue = new Map<string, typeof logged>();
  for (const item of logged) byValue.set(item.normalizedValue, [...(byValue.get(item.normalizedValue) ?? []), item]);
  const values = [...byValue.keys()];
  const created: HitRow[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    const entries = await tx
      .select({ id: referenceEntries.id, normalizedValue: referenceEntries.normalizedValue })
      .from(referenceEntries)
      .where(
        and(eq(referenceEntries.listId, listId), inArray(referenceEntries.normalizedValue, values.slice(i, i + 1000))),
      );
    const batch = entries.flatMap((entry) =>
      (byValue.get(entry.normalizedValue) ?? []).map((finding) => ({
        operationId,
        identifierKind: finding.identifierKind,
        normalizedValue: entry.normalizedValue,
        findingId: finding.id,
        referenceEntryId: entry.id,
      })),
    );
    if (batch.length > 0) created.push(...(await tx.insert(hits).values(batch).onConflictDoNothing().returning()));
  }
  return created;
}
