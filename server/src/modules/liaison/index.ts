/** Requests to platforms: what other modules may use of them. */
export { liaisonProjections } from './liaison.events.js';
export { liaisonRoutes } from './liaison.routes.js';
export { type LiaisonCounts, countLiaison, liaisonCountSource } from './liaison.stats.js';
