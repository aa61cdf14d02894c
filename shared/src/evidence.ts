import { z } from 'zod';
import { captureFileRoles } from './captures.js';
import { idSchema, isoDateTime } from './common.js';
import { handlingSchema } from './handling.js';

/** Largest evidence file accepted (screenshots, saved pages). */
export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;
/** File types accepted as evidence, checked by content as well as by declared type. */
export const evidenceMimeTypes = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'text/html',
  'text/plain',
  'message/rfc822',
  'video/mp4',
] as const;

/** The text fields sent beside the file in the multipart upload. */
export const evidenceFieldsSchema = z.object({
  platformId: idSchema,
  url: z.string().trim().max(2000).optional(),
  capturedAt: z.iso.datetime({ offset: true }).optional(),
  findingId: idSchema.optional(),
  handling: handlingSchema.optional(),
});

export const evidenceSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  platformId: idSchema,
  findingId: idSchema.nullable(),
  url: z.string().nullable(),
  capturedAt: isoDateTime,
  capturedBy: idSchema,
  country: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.int(),
  sha256: z.string(),
  handling: handlingSchema,
  createdAt: isoDateTime,
  /**
   * Whether the stored file still matches its SHA-256: `failed` once a check (the background one or a
   * download) found it altered or missing, `verified` after a check passed, `unchecked` before the first.
   */
  integrity: z.enum(['verified', 'unchecked', 'failed']),
  /** When the file was last checked (null: not yet). */
  verifiedAt: isoDateTime.nullable(),
  /** Which file of a server-side web capture this is; null for an upload. */
  captureRole: z.enum(captureFileRoles).nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;
export const evidenceParamsSchema = z.object({ evidenceId: idSchema });
