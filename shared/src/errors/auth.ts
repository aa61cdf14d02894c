import { defineErrors } from './contract.js';

/** Signing in, sessions, the second factor, first-run setup, and refusals by role. */
export const authErrors = defineErrors({
  'auth.unauthenticated': { status: 401, message: 'Sign in first' },
  'auth.invalid_credentials': { status: 401, message: 'E-mail, password or code is wrong' },
  'auth.weak_password': { status: 400, message: 'Choose a harder password to guess. {reason}' },
  'auth.totp_required': { status: 401, message: 'Enter the 6-digit code of your authenticator app' },
  'auth.totp_invalid': { status: 400, message: 'The code does not match; check the time on your device' },
  'auth.totp_already_on': { status: 409, message: 'A second factor is already on; turn it off first' },
  'auth.forbidden': { status: 403, message: 'Your role may not do this' },
  'auth.admin_only': { status: 403, message: 'Only instance administrators may do this' },
  'auth.bad_origin': { status: 403, message: 'Requests from other sites are refused' },
  'auth.access_ended': {
    status: 403,
    message: 'Your action days are over: access ended two days after the last one closed',
  },
  'auth.setup_not_available': { status: 409, message: 'Setup is already done' },
  'auth.setup_token_invalid': { status: 403, message: 'This setup link is not valid' },
});
