import {
  type CreateFinding,
  type FindingCreated,
  type FindingView,
  IdentifierError,
  type UpdateFinding,
  can,
  createFindingSchema,
  normalizeIdentifier,
  platformHostOf,
} from '@actionday/shared';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import { fail } from '../../http/errors.js';
import { type Actor, recordAudit } from '../audit/audit.service.js';
import { detectHits } from '../hits/hits.detect.js';
import { hitView, loadHitContext } from '../hits/hits.views.js';
import type { MembershipRow, OperationRow } from '../operations/memberships.js';
import { platforms } from '../platforms/platforms.table.js';
import { type FindingRow, toFinding, viewOf } from './findings.dto.js';
import { findings } from './findings.table.js';
import type { Viewer } from './visibility.js';

type FindingDeps = { db: Db; bus: EventBus; now: () => Date };
export interface MemberContext {
  operation: OperationRow;
  membership: MembershipRow;
}

/**
 * Records after an operation closes are refused (closing freezes the
 * figures), unless the coordinator allows late entries: then they are kept,
 * flagged late. Returns whether the entry is late.
 */
export function assertOpen(operation: OperationRow): boolean {
  if (operation.status !== 'closed') return false;
  if (operation.allowLateEntries) return true;
  fail('operations.closed', 'The operation is closed; nothing more can be logged');
}

export const viewerOf = (membership: MembershipRow): Viewer => ({
  memberId: membership.id,
  role: membership.role,
  country: membership.country,
});

async function platformOf(db: Db, operationId: string, platformId: string) {
  const [platform] = await db.select().from(platforms).where(eq(platforms.id, platformId));
  if (!platform || platform.operationId !== operationId)
    fail('findings.platform_mismatch', 'That platform is not part of this operation', { field: 'platformId' });
  return platform;
}

async function assertLinks(db: Db, operationId: string, links: string[]): Promise<void> {
  if (links.length === 0) return;
  const found = await db
    .select({ id: findings.id })
    .from(findings)
    .where(and(eq(findings.operationId, operationId), inArray(findings.id, links), isNull(findings.deletedAt)));
  if (found.length !== new Set(links).size)
    fail('findings.bad_link', 'A linked finding is not part of this operation', { field: 'links' });
}

function assertTags(operation: OperationRow, tags: string[]): void {
  const unknown = tags.filter((tag) => !operation.focusTags.includes(tag));
  if (unknown.length > 0)
    fail('platforms.unknown_tag', `Not a focus tag of this operation: ${unknown.join(', ')}`, {
      field: 'tags',
      tags: unknown,
    });
}

/**
 * Logs a finding on a platform of the operation. An identifier is
 * normalised for matching (phones read in the platform's or the author's
 * region) and compared with what is already known: every match is a hit,
 * recorded in the same transaction.
 */
export async function createFinding(
  deps: FindingDeps,
  actor: Actor,
  context: MemberContext,
  input: CreateFinding,
): Promise<FindingCreated> {
  const { operation, membership } = context;
  const late = assertOpen(operation);
  const data = createFindingSchema.parse(input);
  const platform = await platformOf(deps.db, operation.id, data.platformId);
  const tags = [...new Set(data.tags ?? platform.tags)];
  assertTags(operation, tags);
  const links = [...new Set(data.links ?? [])];
  await assertLinks(deps.db, operation.id, links);

  const values: typeof findings.$inferInsert = {
    operationId: operation.id,
    platformId: platform.id,
    kind: data.kind,
    authorId: membership.id,
    country: membership.country,
    tags,
    handling: data.handling ?? operation.defaultHandling,
    note: data.note ?? null,
    language: data.language ?? null,
    links,
    late,
  };
  if (data.kind === 'suspect') {
    Object.assign(values, {
      aliases: data.aliases,
      identified: data.identified,
      nationality: data.nationality ?? null,
      role: data.role ?? null,
    });
  } else if (data.kind === 'identifier') {
    let normalizedValue: string;
    try {
      normalizedValue = normalizeIdentifier(data.identifierKind, data.value, {
        region: platform.countryFocus ?? membership.country,
        platformHost: platformHostOf(platform.url),
      });
    } catch (error) {
      if (error instanceof IdentifierError) fail('findings.bad_identifier', error.message, { field: 'value' });
      throw error;
    }
    Object.assign(values, {
      identifierKind: data.identifierKind,
      value: data.value,
      normalizedValue,
      result: data.result,
    });
  } else {
    Object.assign(values, {
      reference: data.reference,
      nationality: data.nationality ?? null,
      minor: data.minor ?? (data.ageEstimate !== undefined ? data.ageEstimate < 18 : null),
      ageEstimate: data.ageEstimate ?? null,
      exploitation: data.exploitation,
      referral: data.referral,
    });
  }

  const now = deps.now();
  const { row, hitRows } = await deps.db.transaction(async (tx) => {
    // two countries logging the same identifier at the same moment must still meet: one waits for the other
    if (values.normalizedValue)
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hit:${operation.id}:${values.normalizedValue}`}))`);
    const [created] = await tx
      .insert(findings)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning();
    if (!created) throw new Error('finding insert returned no row');
    // logging on a platform one holds is a sign of life that keeps the claim
    await tx
      .update(platforms)
      .set({ lastActivityAt: now })
      .where(
        and(eq(platforms.id, platform.id), eq(platforms.status, 'claimed'), eq(platforms.claimedBy, membership.id)),
      );
    const found = created.kind === 'identifier' ? await detectHits(tx, created) : [];
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'finding.logged',
      targetType: 'finding',
      targetId: created.id,
      details: { kind: created.kind, platformId: platform.id, handling: created.handling, hits: found.length },
    });
    return { row: created, hitRows: found };
  });

  // once more after commit: a reference list imported while this was being written is matched now
  if (row.kind === 'identifier') hitRows.push(...(await deps.db.transaction((tx) => detectHits(tx, row))));
  deps.bus.publish('finding.logged', { operationId: operation.id, finding: row });
  for (const hit of hitRows) deps.bus.publish('hit.found', { operationId: operation.id, hit });
  // the author learns of the hits they may know of (not of a TLP:RED record of another country)
  const hitContext = hitRows.length > 0 ? await loadHitContext(deps.db, hitRows) : null;
  const known = hitContext ? hitRows.filter((h) => hitView(h, viewerOf(membership), hitContext) !== null) : [];
  return {
    finding: toFinding(row),
    hits: known.map((h) => ({
      hitId: h.id,
      source: h.referenceEntryId ? ('reference' as const) : ('finding' as const),
    })),
  };
}

/** The findings a viewer may know of, newest first; others' victims and RED records filtered as the rules say. */
export async function listFindings(
  db: Db,
  viewer: Viewer,
  operationId: string,
  filter: { kind?: FindingRow['kind']; platformId?: string },
): Promise<FindingView[]> {
  const conditions = [eq(findings.operationId, operationId), isNull(findings.deletedAt)];
  if (filter.kind) conditions.push(eq(findings.kind, filter.kind));
  if (filter.platformId) conditions.push(eq(findings.platformId, filter.platformId));
  const rows = await db
    .select()
    .from(findings)
    .where(and(...conditions))
    .orderBy(desc(findings.createdAt));
  return rows.map((row) => viewOf(row, viewer)).filter((view): view is FindingView => view !== null);
}

/** One finding row (deleted ones included), or 404. */
export async function getFindingRow(db: Db, findingId: string): Promise<FindingRow> {
  const [row] = await db.select().from(findings).where(eq(findings.id, findingId));
  return row ?? fail('findings.not_found', 'No such finding');
}

const kindFields: Record<FindingRow['kind'], (keyof UpdateFinding)[]> = {
  suspect: ['aliases', 'identified', 'nationality', 'role'],
  identifier: ['result'],
  victim: ['nationality', 'minor', 'ageEstimate', 'exploitation', 'referral'],
};
const commonFields: (keyof UpdateFinding)[] = ['tags', 'note', 'handling', 'links', 'version'];

/** The author or a coordinator changes a finding; fields of another kind are refused. */
export async function updateFinding(
  deps: FindingDeps,
  actor: Actor,
  context: MemberContext,
  row: FindingRow,
  patch: UpdateFinding,
): Promise<FindingView> {
  const { operation, membership } = context;
  assertOpen(operation);
  if (row.deletedAt) fail('findings.not_found', 'This finding was deleted');
  if (row.authorId !== membership.id && !can(membership.role, 'finding.manage'))
    fail('findings.not_author', 'Only the author or a coordinator can change a finding');
  const allowed = [...commonFields, ...kindFields[row.kind]];
  const wrong = Object.keys(patch).filter((key) => !allowed.includes(key as keyof UpdateFinding));
  if (wrong.length > 0) fail('findings.kind_mismatch', `A ${row.kind} has no ${wrong.join(', ')}`, { fields: wrong });
  if (patch.tags) assertTags(operation, patch.tags);
  if (patch.links)
    await assertLinks(
      deps.db,
      operation.id,
      patch.links.filter((id) => id !== row.id),
    );
  const now = deps.now();
  const { updated, previous } = await deps.db.transaction(async (tx) => {
    // the row as it stands now, locked: the view before the change is the one others saw
    const [before] = await tx
      .select()
      .from(findings)
      .where(and(eq(findings.id, row.id), isNull(findings.deletedAt)))
      .for('update');
    if (!before) fail('findings.not_found', 'This finding was deleted');
    if (patch.version !== undefined && patch.version !== before.version)
      fail(
        'findings.version_conflict',
        'Someone changed this finding meanwhile; reload it and apply your change again',
      );
    const { version: _expected, ...changes } = patch;
    const [changed] = await tx
      .update(findings)
      .set({ ...changes, updatedAt: now, version: sql`${findings.version} + 1` })
      .where(eq(findings.id, row.id))
      .returning();
    if (!changed) throw new Error('finding vanished');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'finding.updated',
      targetType: 'finding',
      targetId: row.id,
      details: { fields: Object.keys(changes) },
    });
    return { updated: changed, previous: before };
  });
  deps.bus.publish('finding.updated', { operationId: operation.id, finding: updated, previous });
  return viewOf(updated, viewerOf(membership)) ?? fail('findings.not_found', 'No such finding');
}

/** Soft delete by the author or a coordinator: the record stays for the audit trail and stops counting. */
export async function deleteFinding(
  deps: FindingDeps,
  actor: Actor,
  context: MemberContext,
  row: FindingRow,
): Promise<void> {
  const { operation, membership } = context;
  assertOpen(operation);
  if (row.deletedAt) fail('findings.not_found', 'This finding was already deleted');
  if (row.authorId !== membership.id && !can(membership.role, 'finding.manage'))
    fail('findings.not_author', 'Only the author or a coordinator can delete a finding');
  const now = deps.now();
  const deleted = await deps.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(findings)
      .set({ deletedAt: now, updatedAt: now, version: sql`${findings.version} + 1` })
      .where(and(eq(findings.id, row.id), isNull(findings.deletedAt)))
      .returning();
    if (!changed) fail('findings.not_found', 'This finding was already deleted');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'finding.deleted',
      targetType: 'finding',
      targetId: row.id,
      details: { kind: row.kind },
    });
    return changed;
  });
  deps.bus.publish('finding.deleted', { operationId: operation.id, finding: deleted });
}
