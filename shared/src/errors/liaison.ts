import { defineErrors } from './contract.js';

/** Requests to platforms: takedown, preservation, information. */
export const liaisonErrors = defineErrors({
  'requests.not_found': { status: 404, message: 'No such request to a platform' },
  'requests.bad_transition': {
    status: 409,
    message: 'A request that is {from} cannot become {to} (next: {next})',
  },
  'requests.not_author': {
    status: 403,
    message: 'Only the participant who made the request or a coordinator can change it',
  },
  'requests.version_conflict': {
    status: 409,
    message: 'Someone changed this request meanwhile; look at it again before you change it',
  },
});
