import { defineErrors } from './contract.js';

/** The board: platforms, claims, verdicts and imports. */
export const platformErrors = defineErrors({
  'platforms.not_found': { status: 404, message: 'No such platform' },
  'platforms.already_claimed': { status: 409, message: 'Somebody else has already claimed or checked this platform' },
  'platforms.duplicate': { status: 409, message: 'Already on the list: {urls}' },
  'platforms.claim_limit': {
    status: 409,
    message: 'At most {limit} open claims per participant: finish or release one first',
  },
  'platforms.not_claimed': { status: 409, message: 'This platform is not claimed' },
  'platforms.already_checked': { status: 409, message: 'This platform is already checked; reopen it first' },
  'platforms.not_checked': { status: 409, message: 'Only a checked platform can be reopened' },
  'platforms.not_holder': { status: 403, message: 'Only the holder of the claim or a coordinator can do this' },
  'platforms.cannot_hold': { status: 400, message: 'A participant with the role {role} cannot hold a claim' },
  'platforms.discovered_only': {
    status: 403,
    message: 'Investigators may only add platforms discovered during the day (discovered: true)',
  },
  'platforms.import_format': { status: 415, message: 'Send a CSV file (text/csv) or a JSON array of platforms' },
  'platforms.import_header': {
    status: 400,
    message: 'The CSV needs a header row with at least the columns name and url',
  },
  'platforms.import_too_large': { status: 413, message: 'At most {max} platforms per import' },
});
