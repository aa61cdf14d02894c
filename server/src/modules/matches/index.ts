/** Matches (correlation) and reference lists: what other modules may use of them. */
export { matchProjections } from './matches.events.js';
export { matchRoutes } from './matches.routes.js';
export {
  type MatchDeps,
  type SightingChange,
  type SightingInput,
  changeSighting,
  confirmedMatchStates,
  listMatches,
  matchCountSource,
  matchesOfFindings,
  matchesPerCountry,
  matchSeen,
  recordSighting,
  recordSightings,
  settle,
} from './matches.service.js';
export { type MatchState } from './matches.state.js';
export { matchView } from './matches.views.js';
