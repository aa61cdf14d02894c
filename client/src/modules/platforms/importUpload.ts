import type { ImportResult } from '@actionday/shared';
import { postWithProgress } from '../../app/upload';

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

/**
 * Sends a target list to `POST /api/operations/:id/platforms/import`, with
 * upload progress (the shared XMLHttpRequest path: fetch cannot report it).
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
  return postWithProgress<ImportResult>(`/api/operations/${operationId}/platforms/import?dryRun=${dryRun}`, body, {
    headers: { 'Content-Type': contentTypes[format] },
    ...(onProgress ? { onProgress } : {}),
    ...(onUploaded ? { onUploaded } : {}),
    ...(signal ? { signal } : {}),
  });
}
