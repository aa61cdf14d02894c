/** Cross-hits and reference lists: what other modules may use of them. */
export { type HitRow } from './hits.detect.js';
export { hitProjections } from './hits.events.js';
export { hitRoutes } from './hits.routes.js';
export { confirmedHitRows, hitCorrelation, hitCountSource, hitsPerFinding } from './hits.service.js';
export { type HitContext, hitView, involvedMembers, loadHitContext } from './hits.views.js';
