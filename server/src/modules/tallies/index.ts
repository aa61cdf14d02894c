/** Key figures: what other modules may use of them. */
export { TallyScheduler } from './tallies.scheduler.js';
export { tallyProjections } from './tallies.events.js';
export { tallyRoutes } from './tallies.routes.js';
export { currentTally, recount } from './tallies.service.js';
export { foldChanges, runningTally } from './tallies.running.js';
