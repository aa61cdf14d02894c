import { defineErrors } from './contract.js';

/** Server-side web captures: refused requests and the reasons a capture gives up. */
export const captureErrors = defineErrors({
  'captures.not_found': { status: 404, message: 'No such capture' },
  'captures.unavailable': { status: 503, message: 'Web captures need Chromium on the server' },
  'captures.bad_url': { status: 400, message: 'Only http:// and https:// addresses can be captured' },
  'captures.address_refused': {
    status: 400,
    message: 'The server does not capture {host}: {reason}',
  },
  'captures.needs_proxy': {
    status: 400,
    message: 'Onion addresses are captured only through a configured proxy (ACTIONDAY_CAPTURE_PROXY)',
  },
  'captures.timeout': { status: 504, message: 'The page did not finish loading within {seconds} s' },
  'captures.unreachable': { status: 502, message: 'The page could not be loaded: {reason}' },
  'captures.too_large': { status: 413, message: 'The page is larger than the capture limit of {mb} MB' },
  'captures.interrupted': { status: 503, message: 'The capture was interrupted {attempts} times and was given up' },
});
