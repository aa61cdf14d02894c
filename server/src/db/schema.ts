/** Every table, gathered for drizzle-kit (migrations). Tables live with their module; nothing at runtime imports this. */
export * from '../http/idempotency.table.js';
export * from '../modules/announcements/announcements.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/auth/auth.table.js';
export * from '../modules/captures/captures.table.js';
export * from '../modules/evidence/evidence.table.js';
export * from '../modules/findings/findings.table.js';
export * from '../modules/matches/matches.table.js';
export * from '../modules/indicators/indicators.table.js';
export * from '../modules/invites/invites.table.js';
export * from '../modules/liaison/liaison.table.js';
export * from '../modules/notes/notes.table.js';
export * from '../modules/operations/operations.table.js';
export * from '../modules/platforms/platforms.table.js';
export * from '../modules/tallies/tallies.table.js';
