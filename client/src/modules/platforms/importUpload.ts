import type { ErrorBody, ImportResult } from '@actionday/shared';
import { ApiError } from '../../app/api';

/** The server's limit for one import request. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The columns of an import file, in the order of the template. */
export const importColumns = ['name', 'url', 'category', 'tags', 'languages', 'countryFocus', 'priority'] as const;

/** A CSV template with the header row only, as a link target for download. */
export const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`${importColumns.join(',')}\r\n`)}`;

export type ImportFormat = 'csv' | 'json';

/** JSON when the name, type or first character says so; CSV otherwise. */
export function detectFormat(source: { name?: string; type?: string; text?: string }): ImportFormat {
  if (source.name && /\.json$/i.test(source.name)) return 'json';
  if (source.name && /\.(csv|txt)$/i.test(source.name)) return 'csv';
  if (source.type && /json/i.test(source.type)) return 'json';
  if (source.text !== undefined && /^\s*[[{]/.test(source.text)) return 'json';
  return 'csv';
}

export const contentTypes: Record<ImportFormat, string> = { csv: 'text/csv', json: 'application/json' };

interface UploadOptions {
  operationId: string;
  body: Blob | string;
  format: ImportFormat;
  dryRun: boolean;
  /** Share of the body sent so far, 0…1 (only when the browser can tell). */
  onProgress?: (sent: number) => void;
  /** Called once the whole body is sent: the server is checking now. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ErrorBody).error?.code === 'string'
  );
}

/**
 * Sends a target list to `POST /api/operations/:id/platforms/import`.
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadImport({
  operationId,
  body,
  format,
  dryRun,
  onProgress,
  onUploaded,
  signal,
}: UploadOptions): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/operations/${operationId}/platforms/import?dryRun=${dryRun}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', contentTypes[format]);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => onUploaded?.();
    xhr.onerror = () => reject(new ApiError(0, 'network.failed', 'Network request failed'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        reject(new ApiError(xhr.status, 'response.invalid', `Unreadable answer (HTTP ${xhr.status})`));
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as ImportResult);
      else if (isErrorBody(json))
        reject(new ApiError(xhr.status, json.error.code, json.error.message, json.error.details));
      else
        reject(
          new ApiError(xhr.status, xhr.status >= 500 ? 'server.internal' : 'response.invalid', `HTTP ${xhr.status}`),
        );
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
