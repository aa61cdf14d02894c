/** The activity feed and the timeline: what other modules may use of them. */
export { activityRoutes } from './activity.routes.js';
export { timeline } from './activity.service.js';
export { auditRoutes } from './trail.routes.js';
