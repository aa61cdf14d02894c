import { type CreatePlatform, type Platform, can, createPlatformSchema, normalizePlatformUrl } from '@actionday/shared';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import {
  type MembershipRow,
  type OperationRecord,
  type OperationRow,
  assertFocusTags,
  assertNotClosed,
} from '../operations/index.js';
import { type PlatformRow, toPlatform } from './platforms.dto.js';
import { platforms } from './platforms.table.js';

/**
 * Adds platforms to an operation, all or none. Investigators may add only
 * platforms discovered during the day; tags must be focus tags of the
 * operation; a URL already on the list (after normalisation) is refused.
 */
export async function createPlatforms(
  deps: { db: Db; bus: EventBus },
  actor: Actor,
  context: { operation: OperationRow; membership: MembershipRow },
  inputs: CreatePlatform[],
): Promise<Platform[]> {
  const { operation, membership } = context;
  // the board is frozen with the figures once the day is closed
  assertNotClosed(operation);
  const items = inputs.map((input) => createPlatformSchema.parse(input));
  for (const item of items) {
    if (!item.discovered && !can(membership.role, 'platform.create')) fail('platforms.discovered_only');
    assertFocusTags(operation, item.tags);
  }
  const values = items.map((item) => ({
    operationId: operation.id,
    name: item.name,
    url: item.url,
    normalizedUrl: normalizePlatformUrl(item.url),
    category: item.category,
    tags: [...new Set(item.tags)],
    languages: [...new Set(item.languages)],
    countryFocus: item.countryFocus ?? null,
    priority: item.priority,
    discovered: item.discovered,
    createdBy: membership.id,
  }));
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value.normalizedUrl)) fail('platforms.duplicate', { params: { urls: [value.url] } });
    seen.add(value.normalizedUrl);
  }
  const rows = await deps.db.transaction(async (tx) => {
    const existing = await tx
      .select({ url: platforms.url })
      .from(platforms)
      .where(and(eq(platforms.operationId, operation.id), inArray(platforms.normalizedUrl, [...seen])));
    if (existing.length > 0) {
      fail('platforms.duplicate', { params: { urls: existing.map((e) => e.url) } });
    }
    const inserted = await tx.insert(platforms).values(values).onConflictDoNothing().returning();
    if (inserted.length !== values.length) fail('platforms.duplicate', { params: { urls: values.map((v) => v.url) } });
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'platform.created',
      targetType: 'platform',
      targetId: inserted.length === 1 ? inserted[0]?.id : undefined,
      details: { count: inserted.length, discovered: values.some((v) => v.discovered) },
    });
    return inserted;
  });
  const created = rows.map(toPlatform);
  deps.bus.publish('platform.created', { operationId: operation.id, platforms: created });
  return created;
}

/** The operation's platforms, highest priority first, then oldest (the order of "next best"). */
export async function listPlatforms(db: Db, operationId: string): Promise<Platform[]> {
  const rows = await db
    .select()
    .from(platforms)
    .where(eq(platforms.operationId, operationId))
    .orderBy(desc(platforms.priority), asc(platforms.createdAt), asc(platforms.name));
  return rows.map(toPlatform);
}

/** A platform row, or a 404. */
/** Where a platform's operation is, for `authorizeRecord`. */
export const platformRecord: OperationRecord = {
  table: platforms,
  id: platforms.id,
  operationId: platforms.operationId,
};

export async function getPlatformRow(db: Db, platformId: string): Promise<PlatformRow> {
  const [row] = await db.select().from(platforms).where(eq(platforms.id, platformId));
  return row ?? fail('platforms.not_found');
}

/** A platform that must belong to the operation (a finding's, evidence's or note's), or a field error. */
export async function platformInOperation(
  db: Db,
  operationId: string,
  platformId: string,
  field = 'platformId',
): Promise<PlatformRow> {
  const [row] = await db.select().from(platforms).where(eq(platforms.id, platformId));
  if (!row || row.operationId !== operationId) {
    fail('findings.platform_mismatch', {
      fields: [{ path: field, message: 'That platform is not part of this operation' }],
    });
  }
  return row;
}

/** Names of platforms by id (report leads, packages). */
export async function platformNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: platforms.id, name: platforms.name })
    .from(platforms)
    .where(inArray(platforms.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Logging on a platform one holds is a sign of life that keeps the claim (inside the logging transaction). */
export async function touchClaim(tx: Db, platformId: string, memberId: string, now: Date): Promise<void> {
  await tx
    .update(platforms)
    .set({ lastActivityAt: now })
    .where(and(eq(platforms.id, platformId), eq(platforms.status, 'claimed'), eq(platforms.claimedBy, memberId)));
}

/** Platforms checked per time bucket of the day, counted by SQL (the timeline). */
export async function checkedPerBucket(
  db: Db,
  operationId: string,
  origin: Date,
  bucketMinutes: number,
): Promise<Map<string, number>> {
  const interval = sql.raw(`'${Math.trunc(bucketMinutes)} minutes'::interval`);
  const rows = rowsOf<{ start: string | Date; n: string | number }>(
    await db.execute(sql`
      select date_bin(${interval}, checked_at, ${origin.toISOString()}::timestamptz) as start, count(*) as n
      from platforms where operation_id = ${operationId} and status = 'checked' and checked_at is not null
      group by 1`),
  );
  return new Map(rows.map((r) => [new Date(r.start).toISOString(), Number(r.n)]));
}

/** Platforms to follow up: flagged for monitoring, or checked and confirmed involved. */
export async function followUpPlatforms(db: Db, operationId: string): Promise<PlatformRow[]> {
  return db
    .select()
    .from(platforms)
    .where(
      and(
        eq(platforms.operationId, operationId),
        or(eq(platforms.followUp, true), and(eq(platforms.status, 'checked'), eq(platforms.verdict, 'confirmed'))),
      ),
    );
}
