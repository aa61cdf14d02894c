import type { HitView, Participant } from '@actionday/shared';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { type FindingRow, type Viewer, findingRowsByIds, sightOf } from '../findings/index.js';
import { participantsByIds } from '../operations/index.js';
import type { HitRow } from './hits.detect.js';
import { referenceEntries, referenceLists } from './hits.table.js';

/** Everything needed to show hits: both findings, the authors as contacts, the reference entries. */
export interface HitContext {
  findings: Map<string, FindingRow>;
  contacts: Map<string, Participant>;
  references: Map<string, { list: string; label: string | null; uploadedBy: string }>;
}

/** Loads what `hitView` needs for a set of hits, in three queries. */
export async function loadHitContext(db: Db, rows: HitRow[]): Promise<HitContext> {
  const findingIds = [
    ...new Set(rows.flatMap((h) => [h.findingId, h.matchedFindingId]).filter((id): id is string => !!id)),
  ];
  const entryIds = [...new Set(rows.map((h) => h.referenceEntryId).filter((id): id is string => !!id))];
  const findingRows = await findingRowsByIds(db, findingIds);
  const entries = entryIds.length
    ? await db
        .select({
          id: referenceEntries.id,
          label: referenceEntries.label,
          list: referenceLists.name,
          uploadedBy: referenceLists.uploadedBy,
        })
        .from(referenceEntries)
        .innerJoin(referenceLists, eq(referenceLists.id, referenceEntries.listId))
        .where(inArray(referenceEntries.id, entryIds))
    : [];
  const contacts = await participantsByIds(db, [
    ...[...findingRows.values()].map((f) => f.authorId),
    ...entries.map((e) => e.uploadedBy),
  ]);
  return {
    findings: findingRows,
    contacts,
    references: new Map(entries.map((e) => [e.id, { list: e.list, label: e.label, uploadedBy: e.uploadedBy }])),
  };
}

/** The members involved in a hit: the authors of both findings, or the list's uploader. */
export function involvedMembers(hit: HitRow, context: HitContext): string[] {
  const ids = [
    context.findings.get(hit.findingId)?.authorId,
    hit.matchedFindingId ? context.findings.get(hit.matchedFindingId)?.authorId : undefined,
  ];
  if (hit.referenceEntryId) ids.push(context.references.get(hit.referenceEntryId)?.uploadedBy);
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/**
 * A hit as one viewer may see it. Coordinators and analysts who may see
 * both records get the matched value and both sides; investigators involved
 * (and analysts kept out by TLP:RED) learn only that there is a hit and whom
 * to contact — hit / no hit, as agencies answer each other. Others: nothing.
 */
export function hitView(hit: HitRow, viewer: Viewer, context: HitContext): HitView | null {
  const own = context.findings.get(hit.findingId);
  const other = hit.matchedFindingId ? context.findings.get(hit.matchedFindingId) : undefined;
  const involved = involvedMembers(hit, context);
  const contacts = involved
    .filter((id) => id !== viewer.memberId)
    .map((id) => context.contacts.get(id))
    .filter((c) => !!c)
    .map(({ name, country, agency }) => ({ name, country, agency }));
  const seesBoth = [own, other].every((f) => !f || sightOf(f, viewer) === 'full');
  // a side the viewer may not know of (TLP:RED of another country) keeps the whole hit from them
  if (viewer.role !== 'coordinator' && [own, other].some((f) => f && sightOf(f, viewer) === 'none')) return null;
  if ((viewer.role === 'coordinator' || viewer.role === 'analyst') && seesBoth) {
    const reference = hit.referenceEntryId ? context.references.get(hit.referenceEntryId) : undefined;
    return {
      id: hit.id,
      operationId: hit.operationId,
      redacted: false,
      status: hit.status,
      identifierKind: hit.identifierKind,
      normalizedValue: hit.normalizedValue,
      findingId: hit.findingId,
      matchedFindingId: hit.matchedFindingId,
      referenceList: reference?.list ?? null,
      referenceLabel: reference?.label ?? null,
      contacts: involved
        .map((id) => context.contacts.get(id))
        .filter((c) => !!c)
        .map(({ name, country, agency }) => ({ name, country, agency })),
      createdAt: hit.createdAt.toISOString(),
      resolvedAt: hit.resolvedAt?.toISOString() ?? null,
    };
  }
  const mine = viewer.memberId ? [own, other].find((f) => f?.authorId === viewer.memberId) : undefined;
  if (
    viewer.role === 'analyst' ||
    viewer.role === 'coordinator' ||
    mine ||
    (viewer.memberId !== null && involved.includes(viewer.memberId))
  ) {
    return {
      id: hit.id,
      operationId: hit.operationId,
      redacted: true,
      status: hit.status,
      findingId: mine?.id ?? null,
      contacts,
      createdAt: hit.createdAt.toISOString(),
    };
  }
  return null;
}
