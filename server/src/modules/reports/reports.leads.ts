import type { ReportLeadHit, ReportLeadPlatform } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { type Viewer, sightOf } from '../findings/index.js';
import { confirmedHitRows, loadHitContext } from '../hits/index.js';
import { participantsByIds } from '../operations/index.js';
import { followUpPlatforms, platformNames } from '../platforms/index.js';

export { noteTexts } from '../notes/index.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Platforms to follow up: flagged for monitoring, or checked and confirmed
 * involved. The country responsible is the country of the participant who
 * checked it. Confirmed first, then by country and name.
 */
export async function leadPlatforms(db: Db, operationId: string, country?: string): Promise<ReportLeadPlatform[]> {
  const platformRows = await followUpPlatforms(db, operationId);
  const checkers = await participantsByIds(
    db,
    platformRows.map((p) => p.checkedBy).filter((id): id is string => !!id),
  );
  const rows = platformRows
    .map((p) => ({ p, country: p.checkedBy ? (checkers.get(p.checkedBy)?.country ?? null) : null }))
    .filter((r) => !country || r.country === country)
    .sort(
      (a, b) =>
        (a.p.verdict === 'confirmed' ? 0 : 1) - (b.p.verdict === 'confirmed' ? 0 : 1) ||
        byText(a.country ?? '\uffff', b.country ?? '\uffff') ||
        byText(a.p.name, b.p.name),
    );
  return rows.map(({ p, country: responsible }) => ({
    platformId: p.id,
    name: p.name,
    url: p.url,
    category: p.category,
    tags: p.tags,
    verdict: p.verdict,
    followUp: p.followUp,
    country: responsible,
    checkedAt: p.checkedAt?.toISOString() ?? null,
    summary: p.summary,
  }));
}

/** A confirmed hit with what a report needs: both findings, platform names, countries. */
export interface ConfirmedHit {
  lead: ReportLeadHit;
  /** The findings on each side (the second is absent for a reference-list hit). */
  findingIds: string[];
  findingCountries: string[];
}

/**
 * Confirmed cross-hits whose logged finding still stands. The matched value
 * is given only where `viewer` may see both records in full.
 */
export async function confirmedHits(db: Db, operationId: string, viewer: Viewer): Promise<ConfirmedHit[]> {
  const rows = await confirmedHitRows(db, operationId);
  if (rows.length === 0) return [];
  const context = await loadHitContext(db, rows);
  const names = await platformNames(
    db,
    [...context.findings.values()].map((f) => f.platformId),
  );
  const out: ConfirmedHit[] = [];
  for (const hit of rows) {
    const own = context.findings.get(hit.findingId);
    if (!own || own.deletedAt) continue;
    const other = hit.matchedFindingId ? context.findings.get(hit.matchedFindingId) : undefined;
    const sides = [own, other].filter((f) => !!f && !f.deletedAt) as (typeof own)[];
    const reference = hit.referenceEntryId ? context.references.get(hit.referenceEntryId) : undefined;
    const seesBoth =
      sides.every((f) => sightOf(f, viewer) === 'full') && (viewer.role === 'coordinator' || viewer.role === 'analyst');
    // a hit whose other side the reader may not know of (TLP:RED elsewhere) is not theirs to see at all
    if (sides.some((f) => sightOf(f, viewer) === 'none')) continue;
    out.push({
      lead: {
        hitId: hit.id,
        source: hit.matchedFindingId ? 'finding' : 'reference',
        identifierKind: hit.identifierKind,
        value: seesBoth ? hit.normalizedValue : null,
        countries: [...new Set(sides.map((f) => f.country))].sort(),
        platforms: [...new Set(sides.map((f) => names.get(f.platformId) ?? ''))].filter(Boolean),
        referenceList: reference?.list ?? null,
        createdAt: hit.createdAt.toISOString(),
        resolvedAt: hit.resolvedAt?.toISOString() ?? null,
      },
      findingIds: sides.map((f) => f.id),
      findingCountries: sides.map((f) => f.country),
    });
  }
  return out;
}
