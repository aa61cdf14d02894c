import type { ErrorBody, ErrorCode } from '@actionday/shared';

/** Codes the client adds for failures that never reached a JSON answer. */
export type ClientErrorCode = ErrorCode | 'network.failed' | 'response.invalid';

/** A failed API call, with the server's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const inner: unknown = value.error;
  return typeof inner === 'object' && inner !== null && 'code' in inner && typeof inner.code === 'string';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the API on the same origin with the session cookie. Answers the
 * parsed JSON; throws an `ApiError` for any non-2xx answer or network failure.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network.failed', error instanceof Error ? error.message : 'Network request failed');
  }
  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'response.invalid', `Unreadable answer (HTTP ${response.status})`);
    }
  }
  if (!response.ok) {
    if (isErrorBody(json)) throw new ApiError(response.status, json.error.code, json.error.message, json.error.details);
    throw new ApiError(
      response.status,
      response.status >= 500 ? 'server.internal' : 'response.invalid',
      `HTTP ${response.status}`,
    );
  }
  return json as T;
}
