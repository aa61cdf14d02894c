import { authErrors } from './errors/auth.js';
import { captureErrors } from './errors/captures.js';
import { type ErrorDetails, type ErrorParams, formatErrorMessage } from './errors/contract.js';
import { findingErrors } from './errors/findings.js';
import { liaisonErrors } from './errors/liaison.js';
import { operationErrors } from './errors/operations.js';
import { communicationErrors, inviteErrors, reportErrors } from './errors/others.js';
import { platformErrors } from './errors/platforms.js';
import { requestErrors } from './errors/request.js';

export * from './errors/contract.js';

/**
 * Every error the API can answer, gathered from each module's declaration. Codes are stable
 * (`<module>.<reason>`): clients and tests match on them, never on messages.
 */
export const errorCatalogue = {
  ...requestErrors,
  ...authErrors,
  ...operationErrors,
  ...inviteErrors,
  ...platformErrors,
  ...findingErrors,
  ...liaisonErrors,
  ...communicationErrors,
  ...reportErrors,
  ...captureErrors,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** The HTTP status of each code. */
export const errorStatus = Object.fromEntries(
  Object.entries(errorCatalogue).map(([code, spec]) => [code, spec.status]),
) as { [K in ErrorCode]: (typeof errorCatalogue)[K]['status'] };

/** The English message of a code with its parameters filled in (clients translate by code). */
export const errorMessage = (code: ErrorCode, params?: ErrorParams): string =>
  formatErrorMessage(errorCatalogue[code].message, params);

/** The JSON body of every error answer, and the `error` of a failed socket acknowledgement. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetails };
}
