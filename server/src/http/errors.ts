import { type ErrorCode, type ErrorDetails, type ErrorParams, errorMessage, errorStatus } from '@actionday/shared';

/** What a failure may add to its code: the values in its message, and the fields at fault. */
export interface FailDetails {
  params?: ErrorParams;
  fields?: ErrorDetails['fields'];
}

/**
 * An error with a stable code, declared once in `shared/src/errors/`; its status and message come from
 * that declaration. The error handler (HTTP) and the socket acknowledgements answer it as `ErrorBody`.
 */
export class AppError extends Error {
  readonly status: number;
  readonly details: ErrorDetails | undefined;
  constructor(
    readonly code: ErrorCode,
    details: FailDetails = {},
  ) {
    super(errorMessage(code, details.params));
    this.status = errorStatus[code];
    const params: ErrorDetails['params'] = details.params
      ? Object.fromEntries(
          Object.entries(details.params).map(([k, v]): [string, string | number | boolean | (string | number)[]] => [
            k,
            typeof v === 'object' ? [...v] : v,
          ]),
        )
      : undefined;
    this.details =
      params || details.fields
        ? { ...(params ? { params } : {}), ...(details.fields ? { fields: details.fields } : {}) }
        : undefined;
  }

  /** The answer's `error` object. */
  toBody(): { code: ErrorCode; message: string; details?: ErrorDetails } {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/** Throws the error of `code` (`throw` in an expression). */
export function fail(code: ErrorCode, details?: FailDetails): never {
  throw new AppError(code, details);
}

/** Throws `code` with one field at fault, whose message is the code's message. */
export function failField(code: ErrorCode, path: string, params?: ErrorParams): never {
  throw new AppError(code, { params, fields: [{ path, message: errorMessage(code, params) }] });
}
