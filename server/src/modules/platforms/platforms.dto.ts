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
    verdict: row.verdict,
    followUp: row.followUp,
    discovered: row.discovered,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
