import { type IdentifierKind, identifierKinds, readIdentifier, resolveService } from '@actionday/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { Access } from '../operations/index.js';
import { type MatchChange, refreshKeys } from './matches.detect.js';
import { type MatchKey, handleOf } from './matches.keys.js';
import { type MatchDeps, type SightingChange, announce, statesOfKeys } from './matches.service.js';
import { loadState } from './matches.state.js';
import { referenceEntries, referenceLists, sightings } from './matches.table.js';
import { matchView } from './matches.views.js';

/** The most entries one list may hold. */
const MAX_ENTRIES = 100_000;

/** The keys of a list that sightings share: only those can make or change a match. */
async function sharedKeys(tx: Db, operationId: string, listId: string): Promise<MatchKey[]> {
  const exact = await tx.execute(sql`
    select distinct e.normalized_value as key from ${referenceEntries} e
    join ${sightings} s on s.operation_id = e.operation_id and s.value = e.normalized_value and s.withdrawn_at is null
    where e.list_id = ${listId} and e.operation_id = ${operationId}`);
  const possible = await tx.execute(sql`
    select distinct e.handle as key from ${referenceEntries} e
    join ${sightings} s on s.operation_id = e.operation_id and s.handle = e.handle and s.withdrawn_at is null
    where e.list_id = ${listId} and e.operation_id = ${operationId} and e.handle is not null`);
  const rows = (r: unknown) => (Array.isArray(r) ? r : ((r as { rows?: unknown[] }).rows ?? [])) as { key: string }[];
  return [
    ...rows(exact).map((r) => ({ strength: 'exact' as const, key: r.key })),
    ...rows(possible).map((r) => ({ strength: 'possible' as const, key: r.key })),
  ];
}

/** How many of some changed matches the viewer may see (what an import answers: never a hidden record). */
async function visibleCount(deps: MatchDeps, changes: readonly MatchChange[], access: Access): Promise<number> {
  let n = 0;
  for (const { matchId } of new Map(changes.map((c) => [c.matchId, c])).values()) {
    const state = await loadState(deps.db, matchId);
    if (state && state.match.parties >= 2 && matchView(state, access.viewer)) n += 1;
  }
  return n;
}

/**
 * Imports a reference list (CSV: kind,value[,label][,region][,service][,platform]) standing in for an agency database.
 * Each value is normalised as findings are; rows that cannot be read are reported, the rest stored, and
 * identifiers already logged that share a value make or join a match at once.
 */
export async function importReferenceList(
  deps: MatchDeps,
  actor: Actor,
  access: Access,
  name: string,
  csv: string,
): Promise<{
  id: string;
  name: string;
  entries: number;
  rejected: { line: number; message: string }[];
  matches: number;
}> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (!parsed.meta.fields?.includes('kind') || !parsed.meta.fields.includes('value')) fail('references.bad_header');
  if (parsed.data.length > MAX_ENTRIES) fail('references.too_many', { params: { max: MAX_ENTRIES } });
  const rejected: { line: number; message: string }[] = [];
  const entries: {
    identifierKind: IdentifierKind;
    normalizedValue: string;
    handle: string | null;
    label: string | null;
  }[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const kind = (row.kind ?? '').trim() as IdentifierKind;
    if (!(identifierKinds as readonly string[]).includes(kind)) {
      rejected.push({ line, message: `Unknown kind "${row.kind ?? ''}"` });
      return;
    }
    if ((row.label ?? '').length > 500) {
      rejected.push({ line, message: 'The label is longer than 500 characters' });
      return;
    }
    const read = readIdentifier(kind, row.value ?? '', {
      region: row.region?.trim() || null,
      ownRegion: access.membership.country,
      service: resolveService(row.service?.trim() ?? '') ?? null,
      platformHost: row.platform?.trim() || null,
    });
    if (!read.ok) {
      rejected.push({ line, message: read.message });
      return;
    }
    const { identifierKind, normalizedValue } = read.reading;
    entries.push({
      identifierKind,
      normalizedValue,
      handle: handleOf(identifierKind, normalizedValue),
      label: row.label?.trim() || null,
    });
  });
  const operationId = access.operation.id;
  const { list, changes } = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(referenceLists)
      .values({ operationId, name, entryCount: entries.length, uploadedBy: access.membership.id })
      .returning();
    if (!created) throw new Error('reference list insert returned no row');
    for (let i = 0; i < entries.length; i += 1000) {
      await tx
        .insert(referenceEntries)
        .values(entries.slice(i, i + 1000).map((e) => ({ ...e, listId: created.id, operationId })));
    }
    const found = await refreshKeys(tx, operationId, await sharedKeys(tx, operationId, created.id));
    await recordAudit(tx, actor, {
      operationId,
      action: 'reference_list.imported',
      targetType: 'reference_list',
      targetId: created.id,
      details: { entries: entries.length, rejected: rejected.length },
    });
    return { list: created, changes: found };
  });
  // once more after commit: an identifier logged while the list was being written is matched now
  const late = await deps.db.transaction(async (tx) =>
    refreshKeys(tx, operationId, await sharedKeys(tx, operationId, list.id)),
  );
  const change: SightingChange = { operationId, keys: [], previous: new Map(), changes: [...changes, ...late] };
  await announce(deps, change);
  return {
    id: list.id,
    name: list.name,
    entries: entries.length,
    rejected,
    matches: await visibleCount(deps, change.changes, access),
  };
}

/** The operation's reference lists, newest first. */
export async function listReferenceLists(db: Db, operationId: string) {
  const rows = await db
    .select()
    .from(referenceLists)
    .where(eq(referenceLists.operationId, operationId))
    .orderBy(desc(referenceLists.createdAt));
  return rows.map((r) => ({ id: r.id, name: r.name, entries: r.entryCount, createdAt: r.createdAt.toISOString() }));
}

/** Deletes a list; the matches it made lose it as a source (and may fall apart). */
export async function deleteReferenceList(
  deps: MatchDeps,
  actor: Actor,
  access: Access,
  listId: string,
): Promise<void> {
  const operationId = access.operation.id;
  const [list] = await deps.db
    .select()
    .from(referenceLists)
    .where(and(eq(referenceLists.id, listId), eq(referenceLists.operationId, operationId)));
  if (!list) fail('references.not_found');
  const change = await deps.db.transaction(async (tx) => {
    const keys = await sharedKeys(tx, operationId, list.id);
    const previous = await statesOfKeys(tx, operationId, keys);
    await tx.delete(referenceLists).where(eq(referenceLists.id, list.id));
    const changes = await refreshKeys(tx, operationId, keys);
    await recordAudit(tx, actor, {
      operationId,
      action: 'reference_list.deleted',
      targetType: 'reference_list',
      targetId: list.id,
    });
    return { operationId, keys, previous, changes } satisfies SightingChange;
  });
  await announce(deps, change);
}
