import { z } from 'zod';

/** The format written in every manifest; a restore refuses any other. */
export const BACKUP_FORMAT = 'actionday-backup/1';

/** The names of an archive's parts (tar entries). */
export const parts = {
  manifest: 'manifest.json',
  /** SHA-256 of manifest.json, the archive's last entry: a changed manifest is noticed too. */
  manifestDigest: 'manifest.json.sha256',
  /** One part per chunk of a table's rows: JSON lines, gzip-compressed. */
  rows: (table: string, chunk: number) => `tables/${table}/${String(chunk).padStart(6, '0')}.jsonl.gz`,
  /** An evidence file, under the path its row names (relative to the data directory). */
  file: (storagePath: string) => `files/${storagePath}`,
  headKey: 'keys/audit-head-key.pem',
};

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A stored evidence path as the evidence module writes it: `evidence/<operation>/<evidence>`, nothing else. */
export const storagePathSchema = z.string().regex(/^evidence\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);

const tableSchema = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)),
  rows: z.number().int().nonnegative(),
  parts: z.array(z.string()),
});

const headSchema = z.object({
  chain: z.string(),
  size: z.number().int().nonnegative(),
  root: sha256,
  signedAt: z.string(),
  keyId: z.string(),
  sealed: z.boolean(),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('operation'), operationId: z.uuid(), name: z.string() }),
  ]),
  /** drizzle's journal timestamps of the migrations the source had applied. */
  migrations: z.array(z.number().int()),
  tables: z.array(tableSchema),
  files: z.array(
    z.object({
      storagePath: storagePathSchema,
      sha256,
      size: z.number().int().nonnegative(),
      /** The file's hash differs from its record's (it had failed its integrity check before the backup). */
      altered: z.boolean(),
    }),
  ),
  /** Evidence records whose file was not in the data directory at backup time. */
  missingFiles: z.array(storagePathSchema),
  /** The audit log's head per chain: the latest signed tree head (size and root) at the backup's snapshot. */
  audit: z.array(headSchema),
  /** Every part of the archive but the manifest and its digest: its SHA-256 and size. */
  parts: z.record(z.string(), z.object({ sha256, size: z.number().int().nonnegative() })),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type AuditHeadSummary = z.infer<typeof headSchema>;
