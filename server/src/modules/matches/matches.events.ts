import type { Match, Viewer } from '@actionday/shared';
import { type Projections, perAudience } from '../../events/delivery.js';
import type { MatchState } from './matches.state.js';
import { matchView } from './matches.views.js';

/** A match changed: its state before (null when new) and after (null when it is gone for everybody). */
export interface MatchEvent {
  operationId: string;
  matchId: string;
  previous: MatchState | null;
  current: MatchState | null;
}

declare module '../../events/bus.js' {
  interface DomainEvents {
    'match.found': MatchEvent;
    'match.updated': MatchEvent;
    'match.resolved': MatchEvent;
  }
}

/** Everybody whose view of the match may differ from their audience's: the people behind its sightings. */
function involved(states: (MatchState | null)[]) {
  const members = new Map<
    string,
    { memberId: string; role: 'coordinator' | 'investigator' | 'analyst' | 'observer'; country: string }
  >();
  const countries = new Set<string>();
  for (const state of states) {
    if (!state) continue;
    for (const person of state.people.values()) {
      members.set(person.id, { memberId: person.id, role: person.role, country: person.country });
      countries.add(person.country);
    }
    for (const s of state.sightings) countries.add(s.country);
  }
  return { members: [...members.values()], countries: [...countries] };
}

const wrap = (match: Match | null) => (match ? { match } : null);

const project =
  (event: 'match:found' | 'match:updated' | 'match:resolved') =>
  ({ operationId, matchId, previous, current }: MatchEvent) => {
    const { members, countries } = involved([previous, current]);
    const knew = (viewer: Viewer) => !!previous && matchView(previous, viewer) !== null;
    const view = (viewer: Viewer) => (current ? matchView(current, viewer) : null);
    // someone who did not know of it before learns of it now: for them it is new, whatever changed for others
    // (a match:updated would tell them that a side they may not see made it before)
    const shown =
      event === 'match:resolved'
        ? perAudience({ operationId, event, countries, members, build: (viewer) => wrap(view(viewer)) })
        : [
            ...perAudience({
              operationId,
              event: 'match:found',
              countries,
              members,
              build: (viewer) => (knew(viewer) ? null : wrap(view(viewer))),
            }),
            ...perAudience({
              operationId,
              event: 'match:updated',
              countries,
              members,
              build: (viewer) => (knew(viewer) ? wrap(view(viewer)) : null),
            }),
          ];
    // those who knew of it and no longer may (a sighting withdrawn, a source gone) are told it is gone for them
    const gone = previous
      ? perAudience({
          operationId,
          event: 'match:withdrawn',
          countries,
          members,
          build: (viewer) =>
            matchView(previous, viewer) && !(current && matchView(current, viewer)) ? { operationId, matchId } : null,
        })
      : [];
    return [...shown, ...gone];
  };

/** Matches go to coordinators, analysts and the participants whose sightings they hold, each with their view. */
export const matchProjections: Projections = {
  'match.found': project('match:found'),
  'match.updated': project('match:updated'),
  'match.resolved': project('match:resolved'),
};
