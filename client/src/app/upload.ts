import { ApiError, networkError, readAnswer } from './errors';

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
    throw networkError(error);
  }
  return readAnswer<T>(response.status, await response.text());
}

export interface UploadOptions {
  /** The fraction sent, 0–1 (fetch cannot report it; XMLHttpRequest can). */
  onProgress?: (fraction: number) => void;
  /** Everything is sent: the server is now reading it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * POSTs a body (a multipart form, a file) with upload progress. Answers the
 * parsed JSON; a refusal rejects with the server's `ApiError`, aborting with
 * an AbortError.
 */
export function postWithProgress<T>(
  path: string,
  body: XMLHttpRequestBodyInit,
  { onProgress, onUploaded, signal, headers = {} }: UploadOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
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

/** POSTs a multipart form with upload progress (`onProgress` receives the fraction sent, 0–1). */
export function postForm<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return postWithProgress<T>(path, form, { onProgress, ...(signal ? { signal } : {}) });
}
