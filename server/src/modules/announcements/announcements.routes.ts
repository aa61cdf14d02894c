import {
  type Announcement,
  announcementSchema,
  createAnnouncementSchema,
  operationParamsSchema,
  roles,
  rooms,
} from '@actionday/shared';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps, IoServer } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { users } from '../auth/auth.table.js';
import { authorize } from '../operations/memberships.js';
import { memberships } from '../operations/operations.table.js';
import { announcements } from './announcements.table.js';

const columns = {
  id: announcements.id,
  operationId: announcements.operationId,
  message: announcements.message,
  country: announcements.country,
  authorName: users.name,
  createdAt: announcements.createdAt,
};
const toAnnouncement = (row: { createdAt: Date } & Omit<Announcement, 'createdAt'>): Announcement => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

/** Announcements: a coordinator broadcasts to everybody or to one country; late-comers fetch them. */
export function announcementRoutes(io: IoServer): FastifyPluginAsyncZod<Deps> {
  return async (app, { db }) => {
    app.post(
      '/api/operations/:operationId/announcements',
      {
        schema: {
          params: operationParamsSchema,
          body: createAnnouncementSchema,
          response: { 201: announcementSchema },
          tags: ['announcements'],
        },
      },
      async (request, reply) => {
        const { operation, membership } = await authorize(
          db,
          requireUser(request).id,
          request.params.operationId,
          'announcement.create',
        );
        const id = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(announcements)
            .values({
              operationId: operation.id,
              authorId: membership.id,
              message: request.body.message,
              country: request.body.country ?? null,
            })
            .returning({ id: announcements.id });
          await recordAudit(tx, actorOf(request), {
            operationId: operation.id,
            action: 'announcement.created',
            targetType: 'announcement',
            targetId: row?.id,
            details: { country: request.body.country ?? null },
          });
          return row?.id as string;
        });
        const [row] = await db
          .select(columns)
          .from(announcements)
          .innerJoin(memberships, eq(memberships.id, announcements.authorId))
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(announcements.id, id));
        const announcement = toAnnouncement(row as Parameters<typeof toAnnouncement>[0]);
        // observers see aggregates only: the message, not who wrote it
        const anonymous = { ...announcement, authorName: '' };
        for (const role of roles) {
          const payload = { announcement: role === 'observer' ? anonymous : announcement };
          if (!announcement.country || role === 'coordinator')
            io.to(rooms.operationRole(operation.id, role)).emit('announcement:created', payload);
          else
            io.to(rooms.operationCountryRole(operation.id, announcement.country, role)).emit(
              'announcement:created',
              payload,
            );
        }
        return reply.code(201).send(announcement);
      },
    );

    app.get(
      '/api/operations/:operationId/announcements',
      {
        schema: {
          params: operationParamsSchema,
          response: { 200: z.array(announcementSchema) },
          tags: ['announcements'],
        },
      },
      async (request) => {
        const { operation, membership } = await authorize(
          db,
          requireUser(request).id,
          request.params.operationId,
          'operation.read',
        );
        const audience =
          membership.role === 'coordinator'
            ? undefined
            : or(isNull(announcements.country), eq(announcements.country, membership.country));
        const rows = await db
          .select(columns)
          .from(announcements)
          .innerJoin(memberships, eq(memberships.id, announcements.authorId))
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(announcements.operationId, operation.id), audience))
          .orderBy(desc(announcements.createdAt))
          .limit(200);
        return rows.map(toAnnouncement).map((a) => (membership.role === 'observer' ? { ...a, authorName: '' } : a));
      },
    );
  };
}
