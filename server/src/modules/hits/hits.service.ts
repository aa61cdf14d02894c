import {
  type HitView,
  IdentifierError,
  type IdentifierKind,
  can,
  identifierKinds,
  normalizeIdentifier,
} from '@actionday/shared';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import type { CountSource } from '../../db/counting.js';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { IdentifierCorrelation, Viewer } from '../findings/index.js';
import type { Access } from '../operations/index.js';
import { type HitRow, detectHits, detectHitsForList } from './hits.detect.js';
import { hits, referenceEntries, referenceLists } from './hits.table.js';
import { hitView, loadHitContext } from './hits.views.js';

type HitDeps = { db: Db; bus: EventBus; now: () => Date };

/** The operation's hits as this viewer may see them: all for analysts and coordinators, their own for investigators. */
export async function listHits(db: Db, viewer: Viewer, operationId: string): Promise<HitView[]> {
  const rows = await db.select().from(hits).where(eq(hits.operationId, operationId)).orderBy(desc(hits.createdAt));
  const context = await loadHitContext(db, rows);
  return rows.map((row) => hitView(row, viewer, context)).filter((view): view is HitView => view !== null);
}

/** An analyst (or coordinator) confirms or dismisses an open hit. */
export async function resolveHit(
  deps: HitDeps,
  actor: Actor,
  context: Access,
  hitId: string,
  body: { status: 'confirmed' | 'dismissed'; note?: string },
): Promise<HitView> {
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const [resolved] = await tx
      .update(hits)
      .set({
        status: body.status,
        resolvedBy: context.membership.id,
        resolvedAt: now,
        resolutionNote: body.note ?? null,
      })
      .where(and(eq(hits.id, hitId), eq(hits.operationId, context.operation.id), eq(hits.status, 'open')))
      .returning();
    if (!resolved) {
      const [exists] = await tx
        .select({ id: hits.id })
        .from(hits)
        .where(and(eq(hits.id, hitId), eq(hits.operationId, context.operation.id)));
      fail(exists ? 'hits.already_resolved' : 'hits.not_found');
    }
    await recordAudit(tx, actor, {
      operationId: context.operation.id,
      action: `hit.${body.status}`,
      targetType: 'hit',
      targetId: hitId,
    });
    return resolved;
  });
  deps.bus.publish('hit.resolved', { operationId: context.operation.id, hit: row });
  return hitView(row, context.viewer, await loadHitContext(deps.db, [row])) ?? fail('hits.not_found');
}

/** A hit row of the operation, or 404. */
export async function getHitRow(db: Db, hitId: string): Promise<HitRow> {
  const [row] = await db.select().from(hits).where(eq(hits.id, hitId));
  return row ?? fail('hits.not_found');
}

/**
 * Imports a reference list (CSV: kind,value[,label][,region]) standing in for
 * an agency database. Each value is normalised as findings are; rows that
 * cannot be read are reported, the rest stored, and identifiers already
 * logged that match become hits at once.
 */
export async function importReferenceList(
  deps: HitDeps,
  actor: Actor,
  context: Access,
  name: string,
  csv: string,
): Promise<{ id: string; name: string; entries: number; rejected: { line: number; message: string }[]; hits: number }> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (!parsed.meta.fields?.includes('kind') || !parsed.meta.fields.includes('value')) fail('references.bad_header');
  if (parsed.data.length > 100_000) fail('references.too_many', { params: { max: 100_000 } });
  const rejected: { line: number; message: string }[] = [];
  const entries: { identifierKind: IdentifierKind; normalizedValue: string; label: string | null }[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const kind = (row.kind ?? '').trim() as IdentifierKind;
    if (!(identifierKinds as readonly string[]).includes(kind)) {
      rejected.push({ line, message: `Unknown kind "${row.kind ?? ''}"` });
      return;
    }
    try {
      const normalizedValue = normalizeIdentifier(kind, row.value ?? '', {
        region: row.region?.trim() || context.membership.country,
        platformHost: row.platform?.trim() || undefined,
      });
      entries.push({ identifierKind: kind, normalizedValue, label: row.label?.trim() || null });
    } catch (error) {
      if (!(error instanceof IdentifierError)) throw error;
      rejected.push({ line, message: error.message });
    }
  });
  const { list, found } = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(referenceLists)
      .values({
        operationId: context.operation.id,
        name,
        entryCount: entries.length,
        uploadedBy: context.membership.id,
      })
      .returning();
    if (!created) throw new Error('reference list insert returned no row');
    for (let i = 0; i < entries.length; i += 1000) {
      await tx
        .insert(referenceEntries)
        .values(
          entries.slice(i, i + 1000).map((e) => ({ ...e, listId: created.id, operationId: context.operation.id })),
        );
    }
    const matched = await detectHitsForList(tx, context.operation.id, created.id);
    await recordAudit(tx, actor, {
      operationId: context.operation.id,
      action: 'reference_list.imported',
      targetType: 'reference_list',
      targetId: created.id,
      details: { entries: entries.length, rejected: rejected.length, hits: matched.length },
    });
    return { list: created, found: matched };
  });
  // once more after commit: an identifier logged while the list was being written is matched now
  const late = await deps.db.transaction((tx) => detectHitsForList(tx, context.operation.id, list.id));
  for (const hit of [...found, ...late]) deps.bus.publish('hit.found', { operationId: context.operation.id, hit });
  return { id: list.id, name: list.name, entries: entries.length, rejected, hits: found.length + late.length };
}

/**
 * Correlation as findings need it: a new identifier meets what is known inside its transaction, once more
 * after commit, and its author learns of the hits they may know of (not of a TLP:RED record of another country).
 */
export function hitCorrelation(deps: HitDeps): IdentifierCorrelation {
  return {
    async inTransaction(tx, finding) {
      return (await detectHits(tx, finding)).map((h) => h.id);
    },
    async afterCommit(finding, author, met) {
      const found = met.length > 0 ? await deps.db.select().from(hits).where(inArray(hits.id, met)) : [];
      // a reference list imported while this was being written is matched now
      found.push(...(await deps.db.transaction((tx) => detectHits(tx, finding))));
      for (const hit of found) deps.bus.publish('hit.found', { operationId: finding.operationId, hit });
      if (found.length === 0) return [];
      const context = await loadHitContext(deps.db, found);
      return found
        .filter((h) => hitView(h, author, context) !== null)
        .map((h) => ({ hitId: h.id, source: h.referenceEntryId ? ('reference' as const) : ('finding' as const) }));
    },
  };
}

/** Confirmed hits of an operation, oldest first (the report's leads). */
export async function confirmedHitRows(db: Db, operationId: string): Promise<HitRow[]> {
  return db
    .select()
    .from(hits)
    .where(and(eq(hits.operationId, operationId), eq(hits.status, 'confirmed')))
    .orderBy(asc(hits.createdAt), asc(hits.id));
}

/** Hits as key figures count them. */
export const hitCountSource: CountSource = {
  from: sql`hits`,
  where: (id) => sql`operation_id = ${id}`,
  columns: { status: 'status' },
};

/** Hits per logged finding (the per-country table maps them to the finding's country). */
export async function hitsPerFinding(db: Db, operationId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ findingId: hits.findingId, n: sql<number>`count(*)::int` })
    .from(hits)
    .where(eq(hits.operationId, operationId))
    .groupBy(hits.findingId);
  return new Map(rows.map((r) => [r.findingId, Number(r.n)]));
}
