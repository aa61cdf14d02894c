import { type IdentifierKind, identifierKinds, readIdentifier, resolveService } from '@actionday/shared';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { outsideIdempotency } from '../../http/idempotency.js';
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
/**
 * Rows read, and entries written, per step of an import (each step well under 100 ms on the embedded
 * database); between steps other requests get the event loop and the database.
 */
const READ_CHUNK = 1_000;
const WRITE_CHUNK = 500;
/** An incomplete list older than this was left by an import that died half-way (a crash, a restart): removed. */
const ABANDONED_MS = 60 * 60 * 1000;

/** Lets every waiting request (and, on the embedded database, every waiting query) run before the next step. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  for (let index = 0; index < parsed.data.length; index += 1) {
    if (index > 0 && index % READ_CHUNK === 0) await yieldToOthers();
    const row = parsed.data[index] ?? {};
    const line = index + 2;
    const kind = (row.kind ?? '').trim() as IdentifierKind;
    if (!(identifierKinds as readonly string[]).includes(kind)) {
      rejected.push({ line, message: `Unknown kind "${row.kind ?? ''}"` });
      continue;
    }
    if ((row.label ?? '').length > 500) {
      rejected.push({ line, message: 'The label is longer than 500 characters' });
      continue;
    }
    const read = readIdentifier(kind, row.value ?? '', {
      region: row.region?.trim() || null,
      ownRegion: access.membership.country,
      service: resolveService(row.service?.trim() ?? '') ?? null,
      platformHost: row.platform?.trim() || null,
    });
    if (!read.ok) {
      rejected.push({ line, message: read.message });
      continue;
    }
    const { identifierKind, normalizedValue } = read.reading;
    entries.push({
      identifierKind,
      normalizedValue,
      handle: handleOf(identifierKind, normalizedValue),
      label: row.label?.trim() || null,
    });
  }
  const operationId = access.operation.id;
  // The entries are written in chunks, each its own short transaction, into a list that matches nothing until
  // the last transaction completes it: a 100,000-entry list never holds the (embedded, single-connection)
  // database for seconds, and a list cut off half-way is never seen. The Idempotency-Key is claimed by that
  // last transaction, so the chunks run outside its claim.
  const staged = await outsideIdempotency(() =>
    stageEntries(deps.db, operationId, access.membership.id, name, entries, deps.now()),
  );
  const { list, changes } = await deps.db
    .transaction(async (tx) => {
      const [completed] = await tx
        .update(referenceLists)
        .set({ complete: true })
        .where(and(eq(referenceLists.id, staged), eq(referenceLists.complete, false)))
        .returning();
      if (!completed) throw new Error('reference list vanished while it was imported');
      const found = await refreshKeys(tx, operationId, await sharedKeys(tx, operationId, completed.id));
      await recordAudit(tx, actor, {
        operationId,
        action: 'reference_list.imported',
        targetType: 'reference_list',
        targetId: completed.id,
        details: { entries: entries.length, rejected: rejected.length },
      });
      return { list: completed, changes: found };
    })
    .catch(async (error: unknown) => {
      await outsideIdempotency(() => deps.db.delete(referenceLists).where(eq(referenceLists.id, staged)));
      throw error;
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

/**
 * Writes an incomplete list and its entries, a chunk per transaction with a yield between (removing the
 * list again when a chunk fails), after removing incomplete lists that an earlier import left behind.
 */
async function stageEntries(
  db: Db,
  operationId: string,
  uploadedBy: string,
  name: string,
  entries: readonly {
    identifierKind: IdentifierKind;
    normalizedValue: string;
    handle: string | null;
    label: string | null;
  }[],
  now: Date,
): Promise<string> {
  await db
    .delete(referenceLists)
    .where(
      and(
        eq(referenceLists.operationId, operationId),
        eq(referenceLists.complete, false),
        lt(referenceLists.createdAt, new Date(now.getTime() - ABANDONED_MS)),
      ),
    );
  const [created] = await db
    .insert(referenceLists)
    .values({ operationId, name, entryCount: entries.length, uploadedBy, complete: false, createdAt: now })
    .returning({ id: referenceLists.id });
  if (!created) throw new Error('reference list insert returned no row');
  try {
    for (let i = 0; i < entries.length; i += WRITE_CHUNK) {
      await yieldToOthers();
      await db.transaction(async (tx) => {
        await tx
          .insert(referenceEntries)
          .values(entries.slice(i, i + WRITE_CHUNK).map((e) => ({ ...e, listId: created.id, operationId })));
      });
    }
  } catch (error) {
    await db.delete(referenceLists).where(eq(referenceLists.id, created.id));
    throw error;
  }
  return created.id;
}

/** The operation's reference lists, newest first. */
export async function listReferenceLists(db: Db, operationId: string) {
  const rows = await db
    .select()
    .from(referenceLists)
    .where(and(eq(referenceLists.operationId, operationId), eq(referenceLists.complete, true)))
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
    .where(
      and(
        eq(referenceLists.id, listId),
        eq(referenceLists.operationId, operationId),
        eq(referenceLists.complete, true),
      ),
    );
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
