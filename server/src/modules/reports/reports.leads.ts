import type { ReportLeadMatch, ReportLeadPlatform } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { confirmedMatchStates, matchView } from '../matches/index.js';
import type { Viewer } from '../sharing/index.js';
import { participantsByIds } from '../operations/index.js';
import { followUpPlatforms } from '../platforms/index.js';

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

/**
 * Confirmed matches as the reader may see them (a match that rests on records they may not know of is not
 * theirs at all). The shared value is given only to readers who see every match (analysts, coordinators).
 */
export async function confirmedMatches(db: Db, operationId: string, viewer: Viewer): Promise<ReportLeadMatch[]> {
  const states = await confirmedMatchStates(db, operationId);
  return states.flatMap((state): ReportLeadMatch[] => {
    const view = matchView(state, viewer);
    if (!view) return [];
    return [
      {
        matchId: view.id,
        strength: view.strength,
        identifierKind: view.identifierKind,
        value: view.redacted ? null : view.value,
        sightings: view.sightings.length,
        countries: view.countries,
        platforms: [...new Set(view.sightings.map((s) => s.platformName).filter((n): n is string => !!n))],
        referenceLists: [...new Set(view.sightings.map((s) => s.referenceList).filter((n): n is string => !!n))],
        createdAt: view.createdAt,
        resolvedAt: view.resolution?.at ?? null,
      },
    ];
  });
}

/**
 * A country's confirmed matches, read as one of its participants whose finding is in the match: their own
 * value and findings, and whom to contact in the other countries.
 */
export async function countryMatches(db: Db, operationId: string, country: string) {
  const states = await confirmedMatchStates(db, operationId);
  return states.flatMap((state) => {
    const author = state.sightings.find((s) => s.country === country);
    if (!author) return [];
    const view = matchView(state, { role: 'investigator', country, memberId: author.authorId });
    if (!view) return [];
    const own = state.sightings.filter((s) => s.country === country).map((s) => s.findingId);
    return [{ view, own }];
  });
}
