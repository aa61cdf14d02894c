import type { LiaisonRequest } from '@actionday/shared';
import type { platformRequests } from './liaison.table.js';

export type LiaisonRow = typeof platformRequests.$inferSelect;

/** A request as the members who may read requests see it. */
export function toLiaison(row: LiaisonRow): LiaisonRequest {
  return {
    id: row.id,
    operationId: row.operationId,
    platformId: row.platformId,
    kind: row.kind,
    contentUrl: row.contentUrl,
    legalRequestNeeded: row.legalRequestNeeded,
    state: row.state,
    platformReference: row.platformReference,
    note: row.note,
    authorId: row.authorId,
    country: row.country,
    history: row.history,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
