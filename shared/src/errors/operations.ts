import { defineErrors } from './contract.js';

/** Operations, memberships, phases and the rules every module asks the operation about. */
export const operationErrors = defineErrors({
  'operations.not_found': { status: 404, message: 'No such operation' },
  'operations.not_member': { status: 403, message: 'You are not a participant of this operation' },
  'operations.revoked': { status: 403, message: 'Your participation in this operation was revoked' },
  'operations.member_not_found': { status: 404, message: 'No such active participant in this operation' },
  'operations.invalid_window': { status: 400, message: 'The operation must end after it starts' },
  'operations.closed': { status: 409, message: 'The operation is closed: its records and figures are frozen' },
  'operations.unknown_tag': { status: 400, message: 'Not a focus tag of this operation: {tags}' },
  'operations.themes_locked': {
    status: 409,
    message: 'The themes are set once the day is live; change them before it goes live',
  },
  'operations.cannot_revoke_self': { status: 400, message: 'You cannot revoke yourself' },
  'operations.protected_participant': {
    status: 403,
    message: "Only an administrator can revoke the operation's creator or an administrator",
  },
  'operations.no_revocation_request': { status: 404, message: 'No revocation of this participant is waiting' },
  'operations.not_revoked': { status: 404, message: 'No such revoked participant in this operation' },
  'operations.totp_required': {
    status: 403,
    message: 'This operation requires a second factor for your role: turn on TOTP in your account first',
  },
});
