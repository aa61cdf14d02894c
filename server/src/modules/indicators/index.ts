/** Indicator phrases and paste-extraction: what other modules may use of them. */
export { indicatorRoutes } from './indicators.routes.js';
export { listIndicators, seedIndicators } from './indicators.service.js';
