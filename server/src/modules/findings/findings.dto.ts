import type { Finding, FindingView, RedactedFinding } from '@actionday/shared';
import { type Viewer, sightOf } from '../sharing/index.js';
import type { findings } from './findings.table.js';

export type FindingRow = typeof findings.$inferSelect;

/** The whole record, for viewers allowed to see it. */
export function toFinding(row: FindingRow): Finding {
  return {
    id: row.id,
    operationId: row.operationId,
    platformId: row.platformId,
    kind: row.kind,
    redacted: false,
    authorId: row.authorId,
    country: row.country,
    tags: row.tags,
    handling: row.handling,
    note: row.note,
    language: row.language,
    links: row.links,
    aliases: row.aliases,
    identified: row.identified,
    nationality: row.nationality,
    role: row.role,
    identifierKind: row.identifierKind,
    value: row.value,
    normalizedValue: row.normalizedValue,
    service: (row.service as Finding['service']) ?? null,
    display: row.display,
    readAs: row.readAs ?? null,
    result: row.result,
    reference: row.reference,
    minor: row.minor,
    ageEstimate: row.ageEstimate,
    exploitation: row.exploitation,
    referral: row.referral,
    route: row.route,
    means: row.means,
    priceMinor: row.priceMinor,
    currency: row.currency,
    stages: row.stages,
    stagesBeyondPrice: row.stagesBeyondPrice,
    contacts: row.contacts,
    advertiserId: row.advertiserId,
    late: row.late,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** That a record exists, of what kind, on which platform, from which country: nothing more. */
export function toRedacted(row: FindingRow): RedactedFinding {
  return {
    id: row.id,
    operationId: row.operationId,
    platformId: row.platformId,
    kind: row.kind,
    redacted: true,
    country: row.country,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The finding as this viewer may see it, or null when they may not know of it. */
export function viewOf(row: FindingRow, viewer: Viewer): FindingView | null {
  const sight = sightOf(row, viewer);
  if (sight === 'full') return toFinding(row);
  if (sight === 'redacted') return toRedacted(row);
  return null;
}
