import { ApiError, networkError, readAnswer } from './errors';
import { newIdempotencyKey, retryDelaysMs } from './idempotency';

export interface UploadOptions {
  /** The fraction sent, 0–1 (fetch cannot report it; XMLHttpRequest can). */
  onProgress?: (fraction: number) => void;
  /** Everything is sent: the server is now reading it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Waits between retries after a lost answer; tests shorten them. */
  retryDelays?: readonly number[];
}

function sendOnce<T>(
  path: string,
  body: XMLHttpRequestBodyInit,
  key: string,
  { onProgress, onUploaded, signal, headers = {} }: UploadOptions,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', key);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => onUploaded?.();
    xhr.onload = () => {
      try {
        resolve(readAnswer<T>(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error instanceof ApiError ? error : networkError(error));
      }
    };
    xhr.onerror = () => reject(networkError(null));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs a body (a multipart form, a file, a CSV text) with upload progress and
 * an `Idempotency-Key`. Answers the parsed JSON; a refusal rejects with the
 * server's `ApiError`, aborting with an AbortError. An answer lost on the way
 * back sends the same body again with the same key (the server does it once).
 */
export async function postWithProgress<T>(
  path: string,
  body: XMLHttpRequestBodyInit,
  options: UploadOptions = {},
): Promise<T> {
  const key = newIdempotencyKey();
  const delays = options.retryDelays ?? retryDelaysMs;
  for (let retry = 0; ; retry += 1) {
    try {
      return await sendOnce<T>(path, body, key, options);
    } catch (error) {
      const delay = delays[retry];
      const lost =
        error instanceof ApiError && (error.code === 'network.failed' || error.code === 'request.already_applied');
      if (!lost || delay === undefined || options.signal?.aborted) throw error;
      await pause(delay);
    }
  }
}

/** POSTs a multipart form with upload progress (`onProgress` receives the fraction sent, 0–1). */
export function postForm<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return postWithProgress<T>(path, form, { onProgress, ...(signal ? { signal } : {}) });
}
