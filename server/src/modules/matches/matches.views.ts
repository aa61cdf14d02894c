import { type Match, type MatchContact, type Sighting, type Viewer, can } from '@actionday/shared';
import { sightOf } from '../sharing/index.js';
import type { MatchState, SightingRow } from './matches.state.js';

type Seen = 'full' | 'contact' | 'none';

const contactOf = (state: MatchState, memberId: string): MatchContact | null => {
  const person = state.people.get(memberId);
  return person ? { name: person.name, country: person.country, agency: person.agency } : null;
};

/**
 * How much of one sighting a viewer may know: all of it (the sharing rules allow the finding), only whom to
 * contact (a TLP:RED record of another country whose owners chose to share the contact), or nothing.
 */
function seen(state: MatchState, sighting: SightingRow, viewer: Viewer): Seen {
  const sight = sightOf(
    { kind: 'identifier', handling: sighting.handling, country: sighting.country, authorId: sighting.authorId },
    viewer,
  );
  if (sight === 'full') return 'full';
  const shared = state.disclosures.some((d) => d.country === sighting.country && d.state === 'shared');
  return sight === 'none' && shared ? 'contact' : 'none';
}

/** Whether a viewer decides for a country's TLP:RED sightings in this match. */
const decidesFor = (viewer: Viewer, country: string) =>
  viewer.role === 'coordinator' || (viewer.country === country && can(viewer.role, 'finding.create'));

/**
 * Whether some analyst of the operation may see the match: only then does an open match wait for one (a match
 * made of TLP:RED records of a country with no analyst waits for nobody).
 */
function analystMaySee(state: MatchState): boolean {
  return state.analystCountries.some(
    (country) => matchView(state, { role: 'analyst', country, memberId: null }, false) !== null,
  );
}

/**
 * A match as one viewer may see it, or null when they may not know of it. What a record they may not see
 * adds is nothing at all: a match exists for a viewer only if two sources *they may know of* share the value.
 * Analysts and coordinators get the value and the sightings they may see; an investigator gets a match only
 * when one of their own findings is in it, with their own value and, for the others, whom to contact.
 */
export function matchView(state: MatchState, viewer: Viewer, askWaiting = true): Match | null {
  if (!can(viewer.role, 'finding.read')) return null;
  const { match } = state;
  const broad = can(viewer.role, 'match.read_all');
  const visible = state.sightings
    .map((sighting) => ({ sighting, seen: seen(state, sighting, viewer) }))
    .filter((s) => s.seen !== 'none');
  const parties = new Set([
    ...visible.map((s) => `m:${s.sighting.authorId}`),
    ...state.entries.map((e) => `l:${e.listId}`),
  ]);
  if (parties.size < 2 || visible.length === 0) return null;
  const mine = visible.filter((s) => s.sighting.authorId === viewer.memberId);
  if (!broad && mine.length === 0) return null;

  const redacted = !broad;
  const sightingViews: Sighting[] = [
    ...visible.map(({ sighting, seen: how }): Sighting => {
      const own = sighting.authorId === viewer.memberId;
      const full = how === 'full' && (!redacted || own);
      return {
        id: sighting.id,
        source: 'finding',
        findingId: full ? sighting.findingId : null,
        country: sighting.country,
        platformId: full ? sighting.platformId : null,
        platformName: full ? (state.platformNames.get(sighting.platformId) ?? null) : null,
        value: full ? sighting.value : null,
        service: full ? sighting.service : null,
        referenceList: null,
        referenceLabel: null,
        contact: own ? null : contactOf(state, sighting.authorId),
        mine: own,
        at: sighting.createdAt.toISOString(),
      };
    }),
    ...state.entries.map(
      (entry): Sighting => ({
        id: entry.id,
        source: 'reference',
        findingId: null,
        country: state.people.get(entry.uploadedBy)?.country ?? null,
        platformId: null,
        platformName: null,
        value: redacted ? null : entry.normalizedValue,
        service: null,
        referenceList: redacted ? null : entry.listName,
        referenceLabel: redacted ? null : entry.label,
        contact: contactOf(state, entry.uploadedBy),
        mine: false,
        at: entry.createdAt.toISOString(),
      }),
    ),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const contacts = new Map<string, MatchContact>();
  for (const s of sightingViews)
    if (s.contact && !s.mine) contacts.set(`${s.contact.name}\u0000${s.contact.country}`, s.contact);
  const ownValue = mine[0]?.sighting.value ?? null;
  const disclosures = state.disclosures
    .filter((d) => decidesFor(viewer, d.country))
    .map((d) => ({ country: d.country, state: d.state, decidedAt: d.decidedAt?.toISOString() ?? null }));
  const resolver = match.resolvedBy ? state.people.get(match.resolvedBy) : undefined;
  return {
    id: match.id,
    operationId: match.operationId,
    redacted,
    status: match.status,
    strength: match.strength,
    identifierKind: match.identifierKind,
    value: redacted ? ownValue : match.key,
    sightings: sightingViews,
    countries: [...new Set(sightingViews.map((s) => s.country).filter((c): c is string => !!c))].sort(),
    contacts: [...contacts.values()],
    resolution: match.resolvedAt
      ? {
          note: redacted ? null : match.resolutionNote,
          by: redacted ? null : (resolver?.name ?? null),
          at: match.resolvedAt.toISOString(),
        }
      : null,
    disclosures,
    mayDisclose: disclosures.some((d) => d.state !== 'shared'),
    analystMaySee: broad && askWaiting ? analystMaySee(state) : null,
    createdAt: match.createdAt.toISOString(),
    updatedAt: match.updatedAt.toISOString(),
    version: match.version,
  };
}
