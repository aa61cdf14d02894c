import { type Handling, type Viewer, can } from '@actionday/shared';

export type { Viewer };

/** The fields of a record that decide who may see it. */
export interface Guarded {
  kind: string;
  handling: Handling;
  country: string;
  authorId: string;
}

/** How much of a record a viewer may see: all of it, that it exists, or nothing. */
export type Sight = 'full' | 'redacted' | 'none';

/**
 * The sharing rules, in one place:
 * - observers see aggregates only, never records;
 * - TLP:RED: the author's country and the coordinators only;
 * - victims: coordinators, analysts and investigators of the recording country;
 *   other investigators learn only that a victim was logged on that platform;
 * - TLP:AMBER and TLP:GREEN: every member whose role may see findings.
 * A viewer without `memberId` (an audience in live events) is never the author; one without a country
 * is from none of the record's countries.
 */
export function sightOf(record: Guarded, viewer: Viewer): Sight {
  if (!can(viewer.role, 'finding.read')) return 'none';
  if (record.authorId === viewer.memberId || viewer.role === 'coordinator') return 'full';
  const sameCountry = viewer.country !== null && record.country === viewer.country;
  if (record.handling === 'TLP:RED') return sameCountry ? 'full' : 'none';
  if (record.kind === 'victim' && viewer.role === 'investigator' && !sameCountry) return 'redacted';
  return 'full';
}
