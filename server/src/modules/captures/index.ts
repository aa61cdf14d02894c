/** Server-side web captures: the routes, the queue and the live events. */
export { captureProjections } from './captures.events.js';
export { type CaptureRouteDeps, captureRoutes } from './captures.routes.js';
export { CaptureQueue } from './captures.queue.js';
export type { FetchPolicy } from './captures.guard.js';
