import type { ErrorCode } from '@actionday/shared';
import { ApiError } from './api';

/** Reads a JSON answer's text: the parsed value, or an `ApiError` for a non-2xx or unreadable answer. */
export function readAnswer<T>(status: number, text: string): T {
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(status, 'response.invalid', `Unreadable answer (HTTP ${status})`);
    }
  }
  if (status >= 200 && status < 300) return json as T;
  const inner =
    typeof json === 'object' && json !== null && 'error' in json ? (json as { error: unknown }).error : undefined;
  if (typeof inner === 'object' && inner !== null && 'code' in inner && typeof inner.code === 'string') {
    const { code, message, details } = inner as { code: ErrorCode; message?: string; details?: unknown };
    throw new ApiError(status, code, message ?? code, details);
  }
  throw new ApiError(status, status >= 500 ? 'server.internal' : 'response.invalid', `HTTP ${status}`);
}

/** POSTs a text body (a CSV list) with its own content type; answers the parsed JSON. */
export async function postText<T>(path: string, body: string, contentType: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': contentType },
      body,
    });
  } catch (error) {
    throw new ApiError(0, 'network.failed', error instanceof Error ? error.message : 'Network request failed');
  }
  return readAnswer<T>(response.status, await response.text());
}

/**
 * POSTs a multipart form with upload progress (fetch cannot report it).
 * `onProgress` receives the fraction sent, 0–1. Aborting rejects with an AbortError.
 */
export function postForm<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(readAnswer<T>(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network.failed', 'Network request failed'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
