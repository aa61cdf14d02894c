import { type Activity, activitySchema, operationParamsSchema, timelineSchema } from '@actionday/shared';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rowsOf } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { requireUser } from '../../http/context.js';
import { auditEvents } from '../audit/audit.table.js';
import { users } from '../auth/auth.table.js';
import { authorize } from '../operations/memberships.js';
import { memberships } from '../operations/operations.table.js';

/** Audit actions that are reads, not activity worth showing on the board. */
const quiet = [
  'finding.list_read',
  'finding.read',
  'evidence.downloaded',
  'note.opened',
  'audit.read',
  'report.generated',
];

/** The activity feed (from the audit log, which never holds personal contents) and the timeline of the day. */
export const activityRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/operations/:operationId/activity',
    {
      schema: {
        params: operationParamsSchema,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.coerce.number().int().optional(),
        }),
        response: { 200: z.array(activitySchema) },
        tags: ['activity'],
      },
    },
    async (request) => {
      const { operation, membership } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'activity.read',
      );
      // who logged something is shared; which record it was is not, except for coordinators (TLP:RED, victims)
      const guarded =
        membership.role === 'coordinator'
          ? new Set<string>()
          : new Set(['finding', 'evidence', 'hit', 'reference_list', 'note']);
      const rows = await db
        .select({ event: auditEvents, name: users.name, country: memberships.country })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .leftJoin(
          memberships,
          and(eq(memberships.userId, auditEvents.actorId), eq(memberships.operationId, operation.id)),
        )
        .where(
          and(
            eq(auditEvents.operationId, operation.id),
            sql`${auditEvents.action} not in (${sql.join(
              quiet.map((q) => sql`${q}`),
              sql`, `,
            )})`,
            request.query.before ? lt(auditEvents.id, request.query.before) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(request.query.limit);
      return rows.map(
        ({ event, name, country }): Activity => ({
          id: event.id,
          at: event.at.toISOString(),
          action: event.action,
          actor: name ? { name, country: country ?? '' } : null,
          targetType: event.targetType,
          targetId: event.targetType && guarded.has(event.targetType) ? null : event.targetId,
          details: event.targetType && guarded.has(event.targetType) ? {} : event.details,
        }),
      );
    },
  );

  app.get(
    '/api/operations/:operationId/timeline',
    {
      schema: {
        params: operationParamsSchema,
        querystring: z.object({ bucket: z.coerce.number().int().min(1).max(240).default(15) }),
        response: { 200: timelineSchema },
        tags: ['activity'],
      },
    },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'operation.read');
      return timeline(db, operation.id, operation.startsAt, request.query.bucket);
    },
  );
};

/** Platforms checked and findings logged per bucket of the day, counted by SQL. */
export async function timeline(db: Deps['db'], operationId: string, origin: Date, bucketMinutes: number) {
  const interval = sql.raw(`'${bucketMinutes} minutes'::interval`);
  const rows = rowsOf<{ start: string | Date; checked: string | number; findings: string | number }>(
    await db.execute(sql`
      select bucket as start, sum(checked)::int as checked, sum(findings)::int as findings from (
        select date_bin(${interval}, checked_at, ${origin.toISOString()}::timestamptz) as bucket, 1 as checked, 0 as findings
          from platforms where operation_id = ${operationId} and status = 'checked' and checked_at is not null
        union all
        select date_bin(${interval}, created_at, ${origin.toISOString()}::timestamptz), 0, 1
          from findings where operation_id = ${operationId} and deleted_at is null
      ) t group by bucket order by bucket`),
  );
  return {
    bucketMinutes,
    buckets: rows.map((r) => ({
      start: new Date(r.start).toISOString(),
      checked: Number(r.checked),
      findings: Number(r.findings),
    })),
  };
}
