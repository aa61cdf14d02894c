/** Findings and the sharing rules: what other modules may use of them. */
export { type FindingRow, toFinding, toRedacted, viewOf } from './findings.dto.js';
export { findingProjections } from './findings.events.js';
export {
  findingRowsByIds,
  identifierPeers,
  liveFindings,
  liveIdentifiers,
  loggedPerBucket,
} from './findings.queries.js';
export { findingRoutes } from './findings.routes.js';
export { createFinding, getFindingRow, listFindings } from './findings.service.js';
export { type ExploitationCounts, countByExploitation, findingCountsByTag } from './findings.stats.js';
export { countriesOfFindings, findingCountSources, findingsPerCountry, offerCountSource } from './findings.stats.js';
export { type RouteCounts, countByRoute } from './findings.stats.js';
