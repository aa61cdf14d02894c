/** The platform board: what other modules may use of platforms and claims. */
export { type PlatformChange, platformProjections } from './platforms.events.js';
export { type PlatformRow, toPlatform } from './platforms.dto.js';
export { platformRoutes } from './platforms.routes.js';
export {
  checkedPerBucket,
  followUpPlatforms,
  getPlatformRow,
  listPlatforms,
  platformInOperation,
  platformNames,
  touchClaim,
} from './platforms.service.js';
export { startClaimSweeper } from './platforms.sweeper.js';
export { type CategoryCounts, countByCategory, platformCountsByTag } from './platforms.stats.js';
export { checkedPerMember, countProgress, platformCountSource } from './platforms.stats.js';
