import { type IdentifierKind, identityOf } from '@actionday/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { participantsByIds } from '../operations/index.js';
import { type MatchKey, uniqueKeys } from './matches.keys.js';
import { type MatchRow, membersOfKey } from './matches.state.js';
import { disclosures, matches } from './matches.table.js';

/** What a refresh did to a match: it appeared, it changed, it fell below two sources, or nothing. */
export interface MatchChange {
  matchId: string;
  change: 'found' | 'updated' | 'withdrawn';
}

/** Serialises everything that touches one key of an operation until the transaction ends (several processes too). */
export async function lockKeys(tx: Db, operationId: string, keys: readonly MatchKey[]): Promise<void> {
  for (const { strength, key } of uniqueKeys(keys)) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`match:${operationId}:${strength}:${key}`}))`);
  }
}

/**
 * Brings the match of one key in line with its sightings and reference entries, inside the caller's
 * transaction (which holds the key's lock). A match needs a finding and at least two sources (distinct
 * authors, reference lists); a possible match also needs a handle of unknown service among them. TLP:RED
 * sightings of a country meeting another country's source get a pending disclosure for their owners.
 */
export async function refreshKey(
  tx: Db,
  operationId: string,
  { strength, key }: MatchKey,
): Promise<MatchChange | null> {
  const { sightings: found, entries } = await membersOfKey(tx, operationId, strength, key);
  const [existing] = await tx
    .select()
    .from(matches)
    .where(and(eq(matches.operationId, operationId), eq(matches.strength, strength), eq(matches.key, key)))
    .for('update');
  const uploaders = await participantsByIds(
    tx,
    entries.map((e) => e.uploadedBy),
  );
  const sources = [
    ...found.map((s) => ({ party: `m:${s.authorId}`, country: s.country, red: s.handling === 'TLP:RED' })),
    ...entries.map((e) => ({
      party: `l:${e.listId}`,
      country: uploaders.get(e.uploadedBy)?.country ?? '',
      red: false,
    })),
  ];
  const parties = new Set(sources.map((s) => s.party)).size;
  const bare = found.some((s) => s.service === null) || entries.some((e) => identityOf(e.normalizedValue) === null);
  const qualifies = found.length > 0 && parties >= 2 && (strength === 'exact' || bare);
  if (!existing && !qualifies) return null;

  // a TLP:RED country meets another country's source: its owners decide whether the other side learns the contact
  const redCountries = [...new Set(sources.filter((s) => s.red).map((s) => s.country))];
  const pending = redCountries.filter((country) => sources.some((s) => s.country !== country));
  const now = new Date();
  let row: MatchRow | undefined = existing;
  if (!row) {
    const kind = (found[0]?.identifierKind ?? 'other') as IdentifierKind;
    [row] = await tx
      .insert(matches)
      .values({
        operationId,
        strength,
        key,
        identifierKind: kind,
        parties: 0,
        publicParties: 0,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('match insert returned no row');
  }
  const matchId = row.id;
  const opened =
    pending.length > 0
      ? await tx
          .insert(disclosures)
          .values(pending.map((country) => ({ matchId, country })))
          .onConflictDoNothing()
          .returning({ id: disclosures.id })
      : [];
  const decisions = await tx.select().from(disclosures).where(eq(disclosures.matchId, row.id));
  const shared = new Set(decisions.filter((d) => d.state === 'shared').map((d) => d.country));
  const known = sources.filter((s) => !s.red || shared.has(s.country));
  const publicParties = new Set(known.map((s) => s.party)).size;
  const publicCountries =
    qualifies && publicParties >= 2 ? [...new Set(known.map((s) => s.country).filter(Boolean))].sort() : [];
  const nowParties = qualifies ? parties : 0;
  const sameCountries = existing !== undefined && existing.publicCountries.join(',') === publicCountries.join(',');
  if (
    existing &&
    existing.parties === nowParties &&
    existing.publicParties === publicParties &&
    sameCountries &&
    opened.length === 0
  ) {
    return null;
  }
  await tx
    .update(matches)
    .set({
      parties: nowParties,
      publicParties: qualifies ? publicParties : 0,
      publicCountries,
      updatedAt: now,
      version: sql`${matches.version} + 1`,
    })
    .where(eq(matches.id, row.id));
  if (!existing || existing.parties < 2) return qualifies ? { matchId: row.id, change: 'found' } : null;
  return { matchId: row.id, change: qualifies ? 'updated' : 'withdrawn' };
}

/** Refreshes several keys under their locks (in one order), returning what changed. */
export async function refreshKeys(tx: Db, operationId: string, keys: readonly MatchKey[]): Promise<MatchChange[]> {
  await lockKeys(tx, operationId, keys);
  const changes: MatchChange[] = [];
  for (const key of uniqueKeys(keys)) {
    const change = await refreshKey(tx, operationId, key);
    if (change) changes.push(change);
  }
  return changes;
}
