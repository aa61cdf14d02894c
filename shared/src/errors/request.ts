import { defineErrors } from './contract.js';

/** Errors of the request itself, before any module looks at it, and of the server. */
export const requestErrors = defineErrors({
  'request.invalid': { status: 400, message: 'The request is not valid: {problem}' },
  'request.bad_text': { status: 400, message: 'The text holds characters that cannot be stored (such as a NUL byte)' },
  'request.not_found': { status: 404, message: 'No such route: {route}' },
  'request.too_large': { status: 413, message: 'The request is too large' },
  'request.unsupported_type': { status: 415, message: 'This route does not accept {type}' },
  'request.idempotency_mismatch': {
    status: 422,
    message: 'This Idempotency-Key was already used for another request',
  },
  'request.already_applied': {
    status: 409,
    message: 'This request was already carried out (its answer was lost); reload to see the result',
  },
  'request.rate_limited': { status: 429, message: 'Too many requests; wait a moment and try again' },
  'server.internal': { status: 500, message: 'Something went wrong on the server' },
  'server.stopping': { status: 503, message: 'The server is restarting; try again in a moment' },
  'server.not_ready': { status: 503, message: 'The server is not ready: {problems}' },
});
