import { type Capture, type CreateCapture, type ErrorCode, errorCatalogue, errorMessage } from '@actionday/shared';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { fail, failField } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { type LinkedFinding, linkedFindings } from '../evidence/index.js';
import { findingRowsByIds } from '../findings/index.js';
import { type Access, entryPolicy } from '../operations/index.js';
import { platformInOperation } from '../platforms/index.js';
import { type Viewer, sightOf } from '../sharing/index.js';
import { type FetchPolicy, captureUrl, checkedAddresses } from './captures.guard.js';
import { captures } from './captures.table.js';

export type CaptureRow = typeof captures.$inferSelect;

const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorCatalogue, code);

export function toCapture(row: CaptureRow): Capture {
  return {
    id: row.id,
    operationId: row.operationId,
    platformId: row.platformId,
    findingId: row.findingId,
    url: row.url,
    handling: row.handling,
    status: row.status,
    requestedBy: row.requestedBy,
    country: row.country,
    requestedAt: row.requestedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    capturedAt: row.capturedAt?.toISOString() ?? null,
    finalUrl: row.finalUrl,
    httpStatus: row.httpStatus,
    title: row.title,
    headers: row.headers,
    tls: row.tls,
    manifestSha256: row.manifestSha256,
    files: row.files,
    failure: row.failureCode
      ? {
          code: row.failureCode,
          message: isErrorCode(row.failureCode)
            ? errorMessage(row.failureCode, row.failureDetails?.params)
            : row.failureCode,
          ...(row.failureDetails ? { details: row.failureDetails } : {}),
        }
      : null,
  };
}

/**
 * A capture is guarded as the evidence it becomes: by its handling code and the requester's country, and,
 * when it documents a finding, as that finding too (a capture of another country's victim is that victim's).
 */
export function captureVisible(row: CaptureRow, viewer: Viewer, linked: LinkedFinding | null | undefined): boolean {
  const own = sightOf(
    { kind: 'evidence', handling: row.handling, country: row.country, authorId: row.requestedBy },
    viewer,
  );
  if (own !== 'full') return false;
  if (!linked) return true;
  if (linked.deletedAt && viewer.role !== 'coordinator') return false;
  return sightOf(linked, viewer) === 'full';
}

/** The rows the viewer may see. */
export async function visibleCaptures(db: Db, rows: CaptureRow[], viewer: Viewer): Promise<CaptureRow[]> {
  const linked = await linkedFindings(db, rows);
  return rows.filter((row) => captureVisible(row, viewer, row.findingId ? linked.get(row.findingId) : null));
}

/**
 * Queues a capture: the URL must be http(s) and its host an allowed address (checked again, after DNS, on
 * every request the browser makes); the platform and finding must be the operation's. The row and its audit
 * entry commit together; the queue takes it from there.
 */
export async function requestCapture(
  deps: { db: Db; now: () => Date; policy: FetchPolicy },
  actor: Actor & { userId: string },
  access: Access,
  body: CreateCapture,
): Promise<CaptureRow> {
  entryPolicy(access.operation);
  const url = captureUrl(body.url, deps.policy);
  await checkedAddresses(url, deps.policy).catch((error: unknown) => {
    // a host that does not resolve now may by the time its turn comes; refusals are final
    if ((error as { code?: string }).code === 'captures.unreachable') return [];
    throw error;
  });
  const platform = await platformInOperation(deps.db, access.operation.id, body.platformId);
  if (body.findingId) {
    const finding = (await findingRowsByIds(deps.db, [body.findingId])).get(body.findingId);
    if (finding?.operationId !== access.operation.id) failField('findings.bad_link', 'findingId');
  }
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(captures)
      .values({
        operationId: access.operation.id,
        platformId: platform.id,
        findingId: body.findingId ?? null,
        url: url.href,
        handling: body.handling ?? access.operation.defaultHandling,
        requestedBy: access.membership.id,
        requestedByUser: actor.userId,
        country: access.membership.country,
        status: 'queued',
        requestedAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('capture insert returned no row');
    await recordAudit(tx, actor, {
      operationId: access.operation.id,
      action: 'capture.requested',
      targetType: 'capture',
      targetId: row.id,
      details: { platformId: platform.id, handling: row.handling },
    });
    return row;
  });
}

/** The captures of an operation the viewer may see, newest first, optionally of one platform. */
export async function listCaptures(db: Db, viewer: Viewer, operationId: string, platformId?: string) {
  const conditions = [eq(captures.operationId, operationId)];
  if (platformId) conditions.push(eq(captures.platformId, platformId));
  const rows = await db
    .select()
    .from(captures)
    .where(and(...conditions))
    .orderBy(desc(captures.requestedAt), desc(captures.id));
  return (await visibleCaptures(db, rows, viewer)).map(toCapture);
}

/** A capture row, or 404. */
export async function getCaptureRow(db: Db, captureId: string): Promise<CaptureRow> {
  const [row] = await db.select().from(captures).where(eq(captures.id, captureId));
  return row ?? fail('captures.not_found');
}
