import { ApiError, answerError, networkError, readAnswer } from './errors';
import { newIdempotencyKey, retryDelaysMs, writeMethods } from './idempotency';

export { ApiError, type ClientErrorCode, isApiError } from './errors';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Waits between retries of a write; tests shorten them. */
  retryDelays?: readonly number[];
  /** The write's own Idempotency-Key (the outbox keeps one per entry across reloads); else a fresh one. */
  idempotencyKey?: string;
}

const wait = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });

/**
 * Whether a write may be sent again with the same key: its answer never came (the change may or may not
 * have been made: the key makes the retry safe), or the first attempt is still running on the server.
 */
const worthRetrying = (error: unknown) =>
  error instanceof ApiError && (error.code === 'network.failed' || error.code === 'request.already_applied');

/**
 * Calls the API on the same origin with the session cookie. Answers the
 * parsed JSON; throws an `ApiError` for any non-2xx answer or network failure.
 * Every write carries a fresh `Idempotency-Key`; when its answer is lost it is
 * sent again (twice at most) with the same key, so it is carried out once.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, retryDelays = retryDelaysMs, idempotencyKey } = options;
  const write = writeMethods.has(method);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(write ? { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() } : {}),
  };
  const payload = body === undefined ? null : JSON.stringify(body);
  const attempt = async (): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers,
        body: payload,
        signal: signal ?? null,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError(error);
    }
    return readAnswer<T>(response.status, await response.text());
  };
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      const delay = retryDelays[retry];
      if (!write || delay === undefined || !worthRetrying(error)) throw error;
      await wait(delay, signal);
    }
  }
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
