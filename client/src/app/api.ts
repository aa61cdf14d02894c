import { answerError, networkError, readAnswer } from './errors';

export { ApiError, type ClientErrorCode, isApiError } from './errors';

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
    throw networkError(error);
  }
  return readAnswer<T>(response.status, await response.text());
}

/**
 * Fetches a binary answer (a generated report, a package) as a blob with the
 * name the server suggests; a refusal throws the server's `ApiError`.
 */
export async function fetchFile(path: string, fallbackName: string): Promise<{ blob: Blob; name: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw answerError(response.status, await response.text());
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return { blob: await response.blob(), name: match?.[1] ?? fallbackName };
}
