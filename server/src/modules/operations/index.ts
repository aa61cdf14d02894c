/**
 * Operations: the policy every module asks (authorize, entry rules, focus tags), memberships and
 * participants, the operation's settings and phases.
 */
export {
  GRACE_AFTER_CLOSE_MS,
  accessEndsAt,
  addMembership,
  countriesOfRole,
  findMembership,
  getParticipant,
  participantOf,
  listParticipants,
  lockMembership,
  membershipOfUser,
  membershipsByUser,
  participantsByIds,
  participantsPerCountry,
  participatingCountries,
} from './memberships.js';
export { operationProjections } from './operations.events.js';
export type { CloseStep } from './operations.phase.js';
export {
  type Access,
  type MembershipRow,
  type OperationRow,
  assertFocusTags,
  assertNotClosed,
  authorize,
  authorizeRecord,
  type OperationRecord,
  authorizeErrors,
  entryPolicy,
  viewerOf,
} from './operations.policy.js';
export { type OperationHooks, operationRoutes } from './operations.routes.js';
export {
  type OperationSetupStep,
  claimTimeouts,
  createOperation,
  getOperation,
  raiseTallySeq,
  setFigures,
  toOperation,
} from './operations.service.js';
