import type { Participant } from '@actionday/shared';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { countriesOfRole, participantsByIds } from '../operations/index.js';
import { platformNames } from '../platforms/index.js';
import { disclosures, matches, referenceEntries, referenceLists, sightings } from './matches.table.js';

export type MatchRow = typeof matches.$inferSelect;
export type SightingRow = typeof sightings.$inferSelect;
export type DisclosureRow = typeof disclosures.$inferSelect;

/** A reference entry in a match, with its list. */
export interface EntryInMatch {
  id: string;
  listId: string;
  listName: string;
  label: string | null;
  uploadedBy: string;
  normalizedValue: string;
  createdAt: Date;
}

/** Everything a match's views are made of, loaded once: views and projections never query. */
export interface MatchState {
  match: MatchRow;
  sightings: SightingRow[];
  entries: EntryInMatch[];
  disclosures: DisclosureRow[];
  platformNames: Map<string, string>;
  /** Authors, list uploaders and the resolver, by membership id. */
  people: Map<string, Participant>;
  /** The countries of the operation's analysts: whether a match waits for one depends on who may see it. */
  analystCountries: string[];
}

/** The live sightings and reference entries of one key. */
export async function membersOfKey(
  db: Db,
  operationId: string,
  strength: MatchRow['strength'],
  key: string,
): Promise<{ sightings: SightingRow[]; entries: EntryInMatch[] }> {
  const [found, entries] = await Promise.all([
    db
      .select()
      .from(sightings)
      .where(
        and(
          eq(sightings.operationId, operationId),
          strength === 'exact' ? eq(sightings.value, key) : eq(sightings.handle, key),
          isNull(sightings.withdrawnAt),
        ),
      ),
    db
      .select({
        id: referenceEntries.id,
        listId: referenceEntries.listId,
        listName: referenceLists.name,
        label: referenceEntries.label,
        uploadedBy: referenceLists.uploadedBy,
        normalizedValue: referenceEntries.normalizedValue,
        createdAt: referenceLists.createdAt,
      })
      .from(referenceEntries)
      .innerJoin(referenceLists, eq(referenceLists.id, referenceEntries.listId))
      .where(
        and(
          eq(referenceEntries.operationId, operationId),
          eq(referenceLists.complete, true),
          strength === 'exact' ? eq(referenceEntries.normalizedValue, key) : eq(referenceEntries.handle, key),
        ),
      ),
  ]);
  return { sightings: found, entries };
}

/** The states of several matches, in a few queries. */
export async function loadStates(db: Db, rows: readonly MatchRow[]): Promise<MatchState[]> {
  if (rows.length === 0) return [];
  const operationId = rows[0]?.operationId ?? '';
  const exact = rows.filter((r) => r.strength === 'exact').map((r) => r.key);
  const possible = rows.filter((r) => r.strength === 'possible').map((r) => r.key);
  const keyCondition = (
    valueColumn: typeof sightings.value | typeof referenceEntries.normalizedValue,
    handleColumn: typeof sightings.handle | typeof referenceEntries.handle,
  ) =>
    or(
      exact.length > 0 ? inArray(valueColumn, exact) : undefined,
      possible.length > 0 ? inArray(handleColumn, possible) : undefined,
    );
  const [sightingRows, entryRows, disclosureRows] = await Promise.all([
    db
      .select()
      .from(sightings)
      .where(
        and(
          eq(sightings.operationId, operationId),
          isNull(sightings.withdrawnAt),
          keyCondition(sightings.value, sightings.handle),
        ),
      ),
    db
      .select({
        id: referenceEntries.id,
        listId: referenceEntries.listId,
        listName: referenceLists.name,
        label: referenceEntries.label,
        uploadedBy: referenceLists.uploadedBy,
        normalizedValue: referenceEntries.normalizedValue,
        handle: referenceEntries.handle,
        createdAt: referenceLists.createdAt,
      })
      .from(referenceEntries)
      .innerJoin(referenceLists, eq(referenceLists.id, referenceEntries.listId))
      .where(
        and(
          eq(referenceEntries.operationId, operationId),
          eq(referenceLists.complete, true),
          keyCondition(referenceEntries.normalizedValue, referenceEntries.handle),
        ),
      ),
    db
      .select()
      .from(disclosures)
      .where(
        inArray(
          disclosures.matchId,
          rows.map((r) => r.id),
        ),
      ),
  ]);
  const [names, people, analystCountries] = await Promise.all([
    platformNames(
      db,
      sightingRows.map((s) => s.platformId),
    ),
    participantsByIds(db, [
      ...sightingRows.map((s) => s.authorId),
      ...entryRows.map((e) => e.uploadedBy),
      ...rows.map((r) => r.resolvedBy).filter((id): id is string => !!id),
    ]),
    countriesOfRole(db, operationId, 'analyst'),
  ]);
  return rows.map((match) => ({
    match,
    sightings: sightingRows.filter((s) =>
      match.strength === 'exact' ? s.value === match.key : s.handle === match.key,
    ),
    entries: entryRows
      .filter((e) => (match.strength === 'exact' ? e.normalizedValue === match.key : e.handle === match.key))
      .map(({ handle: _handle, ...entry }) => entry),
    disclosures: disclosureRows.filter((d) => d.matchId === match.id),
    platformNames: names,
    people,
    analystCountries,
  }));
}

/** One match's state, or null. */
export async function loadState(db: Db, matchId: string): Promise<MatchState | null> {
  const [row] = await db.select().from(matches).where(eq(matches.id, matchId));
  return row ? ((await loadStates(db, [row]))[0] ?? null) : null;
}
