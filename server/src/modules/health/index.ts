/** Liveness: what other modules may use of it. */
export { healthRoutes } from './health.routes.js';
