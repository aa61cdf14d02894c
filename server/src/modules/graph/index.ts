/** The link chart: what other modules may use of it. */
export { graphRoutes } from './graph.routes.js';
