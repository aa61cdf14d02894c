import type { Platform } from '@actionday/shared';
import type { platforms } from './platforms.table.js';

export type PlatformRow = typeof platforms.$inferSelect;

/** The API shape of a platform row. */
export function toPlatform(row: PlatformRow): Platform {
  return {
    id: row.id,
    operationId: row.operationId,
    name: row.name,
    url: row.url,
    category: row.category,
    tags: row.tags,
    languages: row.languages,
    countryFocus: row.countryFocus,
    priority: row.priority,
    status: row.status,
    claimedBy: row.claimedBy,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
    verdict: row.verdict,
    followUp: row.followUp,
    summary: row.summary,
    checkedBy: row.checkedBy,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    discovered: row.discovered,
    discoveredBy: row.discovered ? row.createdBy : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
