/** Announcements: what other modules may use of them. */
export { announcementProjections } from './announcements.events.js';
export { announcementRoutes } from './announcements.routes.js';
