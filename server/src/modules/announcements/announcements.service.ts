import type { Announcement, CreateAnnouncement } from '@actionday/shared';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { type Access, participantsByIds } from '../operations/index.js';
import { announcements } from './announcements.table.js';

type AnnouncementRow = typeof announcements.$inferSelect;

/** Rows as the API shows them, with their authors' names. */
async function present(db: Db, rows: AnnouncementRow[]): Promise<Announcement[]> {
  const authors = await participantsByIds(
    db,
    rows.map((r) => r.authorId),
  );
  return rows.map((row) => ({
    id: row.id,
    operationId: row.operationId,
    message: row.message,
    country: row.country,
    authorName: authors.get(row.authorId)?.name ?? '',
    createdAt: row.createdAt.toISOString(),
  }));
}

/** A coordinator broadcasts to everybody, or to one country; it is kept for those who come later. */
export async function createAnnouncement(
  deps: { db: Db; bus: EventBus },
  actor: Actor,
  access: Access,
  input: CreateAnnouncement,
): Promise<Announcement> {
  const { operation, membership } = access;
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(announcements)
      .values({
        operationId: operation.id,
        authorId: membership.id,
        message: input.message,
        country: input.country ?? null,
      })
      .returning();
    if (!created) throw new Error('announcement insert returned no row');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'announcement.created',
      targetType: 'announcement',
      targetId: created.id,
      details: { country: input.country ?? null },
    });
    return created;
  });
  const [announcement] = await present(deps.db, [row]);
  if (!announcement) throw new Error('announcement vanished');
  deps.bus.publish('announcement.created', { operationId: operation.id, announcement });
  return announcement;
}

/** The newest announcements a participant may read: everybody's, and their own country's (coordinators: all). */
export async function listAnnouncements(db: Db, access: Access): Promise<Announcement[]> {
  const { operation, membership } = access;
  const audience =
    membership.role === 'coordinator'
      ? undefined
      : or(isNull(announcements.country), eq(announcements.country, membership.country));
  const rows = await db
    .select()
    .from(announcements)
    .where(and(eq(announcements.operationId, operation.id), audience))
    .orderBy(desc(announcements.createdAt))
    .limit(200);
  const list = await present(db, rows);
  // observers see aggregates only: the message, not who wrote it
  return membership.role === 'observer' ? list.map((a) => ({ ...a, authorName: '' })) : list;
}
