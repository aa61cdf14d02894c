import {
  type HitView,
  IdentifierError,
  type IdentifierKind,
  can,
  identifierKinds,
  normalizeIdentifier,
} from '@actionday/shared';
import { and, desc, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import { fail } from '../../http/errors.js';
import { type Actor, recordAudit } from '../audit/audit.service.js';
import { type MemberContext, viewerOf } from '../findings/findings.service.js';
import type { Viewer } from '../findings/visibility.js';
import { type HitRow, detectHitsForList } from './hits.detect.js';
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
  context: MemberContext,
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
      fail(
        exists ? 'hits.already_resolved' : 'hits.not_found',
        exists ? 'This hit was already resolved' : 'No such hit',
      );
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
  return (
    hitView(row, viewerOf(context.membership), await loadHitContext(deps.db, [row])) ??
    fail('hits.not_found', 'No such hit')
  );
}

/** A hit row of the operation, or 404. */
export async function getHitRow(db: Db, hitId: string): Promise<HitRow> {
  const [row] = await db.select().from(hits).where(eq(hits.id, hitId));
  return row ?? fail('hits.not_found', 'No such hit');
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
  context: MemberContext,
  name: string,
  csv: string,
): Promise<{ id: string; name: string; entries: number; rejected: { line: number; message: string }[]; hits: number }> {
  if (!can(context.membership.role, 'reference.import'))
    fail('auth.forbidden', 'Only analysts and coordinators import reference lists');
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (!parsed.meta.fields?.includes('kind') || !parsed.meta.fields.includes('value'))
    fail(
      'references.bad_file',
      'The CSV needs a header row with the columns kind and value (label and region optional)',
    );
  if (parsed.data.length > 100_000) fail('references.bad_file', 'At most 100,000 entries per list');
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
