import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';
import { errorDetailsSchema } from './errors/contract.js';
import { handlingSchema } from './handling.js';

/** What a capture is doing: waiting its turn, loading in the server's browser, stored, or given up with a reason. */
export const captureStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type CaptureStatus = (typeof captureStatuses)[number];

/** The files a capture stores as evidence. */
export const captureFileRoles = ['screenshot', 'archive', 'text', 'manifest'] as const;
export type CaptureFileRole = (typeof captureFileRoles)[number];

/** Ask the server to capture a page: it answers at once and loads the page in its own browser. */
export const createCaptureSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  platformId: idSchema,
  findingId: idSchema.optional(),
  handling: handlingSchema.optional(),
});
export type CreateCapture = z.infer<typeof createCaptureSchema>;

export const captureFileSchema = z.object({
  role: z.enum(captureFileRoles),
  evidenceId: idSchema,
  sha256: z.string(),
  size: z.int(),
});
export type CaptureFile = z.infer<typeof captureFileSchema>;

/** The TLS certificate the page was served with, where it was served over HTTPS. */
export const captureTlsSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  fingerprint256: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  protocol: z.string().nullable(),
});
export type CaptureTls = z.infer<typeof captureTlsSchema>;

export const captureSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  platformId: idSchema,
  findingId: idSchema.nullable(),
  url: z.string(),
  handling: handlingSchema,
  status: z.enum(captureStatuses),
  requestedBy: idSchema,
  country: z.string(),
  requestedAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  /** The server's own time at which the page was loaded (UTC), once captured. */
  capturedAt: isoDateTime.nullable(),
  finalUrl: z.string().nullable(),
  httpStatus: z.int().nullable(),
  title: z.string().nullable(),
  headers: z.record(z.string(), z.string()).nullable(),
  tls: captureTlsSchema.nullable(),
  /** SHA-256 of the manifest, which the audit log holds too. */
  manifestSha256: z.string().nullable(),
  files: z.array(captureFileSchema),
  /** Why the capture gave up: an error code of the catalogue and its parameters. */
  failure: z.object({ code: z.string(), message: z.string(), details: errorDetailsSchema.optional() }).nullable(),
});
export type Capture = z.infer<typeof captureSchema>;

export const captureParamsSchema = z.object({ captureId: idSchema });
export const captureListQuerySchema = z.object({ platformId: idSchema.optional() });
