import { type CreatePlatform, type Platform, can, createPlatformSchema, normalizePlatformUrl } from '@actionday/shared';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import { fail } from '../../http/errors.js';
import { type Actor, recordAudit } from '../audit/audit.service.js';
import type { MembershipRow, OperationRow } from '../operations/memberships.js';
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
  const items = inputs.map((input) => createPlatformSchema.parse(input));
  for (const item of items) {
    if (!item.discovered && !can(membership.role, 'platform.create')) {
      fail('auth.forbidden', 'Investigators may only add platforms discovered during the day (discovered: true)');
    }
    const unknown = item.tags.filter((tag) => !operation.focusTags.includes(tag));
    if (unknown.length > 0)
      fail('platforms.unknown_tag', `Not a focus tag of this operation: ${unknown.join(', ')}`, { tags: unknown });
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
    if (seen.has(value.normalizedUrl))
      fail('platforms.duplicate', `The list names ${value.url} twice`, { url: value.url });
    seen.add(value.normalizedUrl);
  }
  const rows = await deps.db.transaction(async (tx) => {
    const existing = await tx
      .select({ url: platforms.url })
      .from(platforms)
      .where(and(eq(platforms.operationId, operation.id), inArray(platforms.normalizedUrl, [...seen])));
    if (existing.length > 0) {
      fail('platforms.duplicate', `Already on the list: ${existing.map((e) => e.url).join(', ')}`, {
        urls: existing.map((e) => e.url),
      });
    }
    const inserted = await tx.insert(platforms).values(values).onConflictDoNothing().returning();
    if (inserted.length !== values.length)
      fail('platforms.duplicate', 'A platform with this URL was added at the same moment');
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
export async function getPlatformRow(db: Db, platformId: string): Promise<PlatformRow> {
  const [row] = await db.select().from(platforms).where(eq(platforms.id, platformId));
  return row ?? fail('platforms.not_found', 'No such platform');
}
