/** Invites to an operation: what other modules may use of them. */
export { inviteRoutes } from './invites.routes.js';
