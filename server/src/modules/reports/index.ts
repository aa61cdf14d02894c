/** After-action reports and country packages: what other modules may use of them. */
export { reportRoutes } from './reports.routes.js';
