import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { EVIDENCE_MAX_BYTES, type Evidence, evidenceFieldsSchema, evidenceMimeTypes } from '@actionday/shared';
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { CountSource } from '../../db/counting.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { fail, failField } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { type FindingRow, findingRowsByIds } from '../findings/index.js';
import { type Sight, type Viewer, sightOf } from '../sharing/index.js';
import { type Access, entryPolicy } from '../operations/index.js';
import { platformInOperation } from '../platforms/index.js';
import {
  contentMatchesType,
  discardSealed,
  discardUpload,
  hashFile,
  headOf,
  sealUpload,
  type StoredFile,
  storeUpload,
} from './evidence.files.js';
import { evidence } from './evidence.table.js';

export type EvidenceRow = typeof evidence.$inferSelect;

export function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    operationId: row.operationId,
    platformId: row.platformId,
    findingId: row.findingId,
    url: row.url,
    capturedAt: row.capturedAt.toISOString(),
    capturedBy: row.capturedBy,
    country: row.country,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    handling: row.handling,
    createdAt: row.createdAt.toISOString(),
    integrity: row.integrityFailedAt ? 'failed' : row.verifiedAt ? 'verified' : 'unchecked',
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    captureRole: row.captureRole,
  };
}

/** The finding a piece of evidence documents, as far as the sharing rules need it. */
export type LinkedFinding = Pick<FindingRow, 'kind' | 'handling' | 'country' | 'authorId' | 'deletedAt'>;

/**
 * Evidence is guarded as a record of its own (its handling code) and, when it
 * documents a finding, as that finding too: a screenshot of another country's
 * victim is that victim's record. Only full sight opens a file.
 */
export function evidenceSight(row: EvidenceRow, viewer: Viewer, linked?: LinkedFinding | null): Sight {
  const own = sightOf(
    { kind: 'evidence', handling: row.handling, country: row.country, authorId: row.capturedBy },
    viewer,
  );
  if (!linked) return own;
  if (linked.deletedAt && viewer.role !== 'coordinator') return 'none';
  const through = sightOf(linked, viewer);
  return own === 'full' && through === 'full' ? 'full' : 'none';
}

/** The findings that evidence rows document, in one query. */
export async function linkedFindings(
  db: Db,
  rows: { findingId: string | null }[],
): Promise<Map<string, LinkedFinding>> {
  const found = await findingRowsByIds(
    db,
    rows.map((r) => r.findingId).filter((id): id is string => !!id),
  );
  return new Map(
    [...found].map(([id, f]) => [
      id,
      { kind: f.kind, handling: f.handling, country: f.country, authorId: f.authorId, deletedAt: f.deletedAt },
    ]),
  );
}

/** The rows of which the viewer may see everything. */
export async function visibleEvidence(db: Db, rows: EvidenceRow[], viewer: Viewer): Promise<EvidenceRow[]> {
  const linked = await linkedFindings(db, rows);
  return rows.filter((row) => evidenceSight(row, viewer, row.findingId ? linked.get(row.findingId) : null) === 'full');
}

/** A file part read to its end into a temporary file, not yet checked or stored. */
export interface StagedFile {
  fileName: string;
  mimeType: string;
  truncated: boolean;
  stored: StoredFile;
}

/** An upload once every part of it was read: its text fields and its one file. */
export interface Upload {
  fields: Record<string, string>;
  file: StagedFile | null;
}

/** Streams a file part into the evidence folder's temporary area, hashing it on the way (nothing is kept yet). */
export async function stageFile(
  dataDir: string,
  part: { stream: Readable; fileName: string; mimeType: string; truncated: () => boolean },
): Promise<StagedFile> {
  const stored = await storeUpload(join(dataDir, 'evidence'), part.stream);
  return { fileName: part.fileName, mimeType: part.mimeType, truncated: part.truncated(), stored };
}

/** Removes the temporary file of an upload that is refused or was stored. */
export const discardStaged = (file: StagedFile | null) => (file ? discardUpload(file.stored.tempPath) : undefined);

/**
 * Stores an upload whose every part was read (so a refused request stores nothing): checked for size and
 * for content matching its declared type, then sealed read-only and recorded. The temporary file is
 * always removed.
 */
export async function saveEvidence(
  deps: { db: Db; now: () => Date; dataDir: string },
  actor: Actor,
  context: Access,
  upload: Upload,
): Promise<Evidence> {
  const { file } = upload;
  try {
    entryPolicy(context.operation);
    if (!file) fail('evidence.missing_file');
    const fields = evidenceFieldsSchema.parse(upload.fields);
    if (!(evidenceMimeTypes as readonly string[]).includes(file.mimeType))
      fail('evidence.bad_type', { params: { type: file.mimeType } });
    const { stored } = file;
    if (file.truncated || stored.size > EVIDENCE_MAX_BYTES)
      fail('evidence.too_large', { params: { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 } });
    if (stored.size === 0) fail('evidence.empty_file');
    if (!contentMatchesType(await headOf(stored.tempPath), file.mimeType))
      fail('evidence.content_mismatch', { params: { type: file.mimeType } });
    const platform = await platformInOperation(deps.db, context.operation.id, fields.platformId);
    if (fields.findingId) {
      const finding = (await findingRowsByIds(deps.db, [fields.findingId])).get(fields.findingId);
      // a finding the uploader may not know of answers as one that does not exist
      if (
        finding?.operationId !== context.operation.id ||
        finding.deletedAt ||
        sightOf(finding, context.viewer) === 'none'
      )
        failField('findings.bad_link', 'findingId');
    }
    const id = randomUUID();
    const storagePath = join('evidence', context.operation.id, id);
    await sealUpload(deps.dataDir, stored.tempPath, storagePath);
    const now = deps.now();
    // a sealed file whose row could not be written is removed again
    const row = await deps.db
      .transaction(async (tx) => {
        const [created] = await tx
          .insert(evidence)
          .values({
            id,
            operationId: context.operation.id,
            platformId: platform.id,
            findingId: fields.findingId ?? null,
            url: fields.url ?? null,
            capturedAt: fields.capturedAt ? new Date(fields.capturedAt) : now,
            capturedBy: context.membership.id,
            country: context.membership.country,
            fileName: file.fileName.slice(0, 255) || 'capture',
            mimeType: file.mimeType,
            size: stored.size,
            sha256: stored.sha256,
            storagePath,
            handling: fields.handling ?? context.operation.defaultHandling,
            createdAt: now,
          })
          .returning();
        if (!created) throw new Error('evidence insert returned no row');
        await recordAudit(tx, actor, {
          operationId: context.operation.id,
          action: 'evidence.uploaded',
          targetType: 'evidence',
          targetId: id,
          details: { sha256: stored.sha256, size: stored.size, mimeType: file.mimeType },
        });
        return created;
      })
      .catch(async (error: unknown) => {
        await discardSealed(deps.dataDir, storagePath);
        throw error;
      });
    return toEvidence(row);
  } finally {
    await discardStaged(file);
  }
}

/** The evidence of an operation that the viewer may see. */
export async function listEvidence(
  db: Db,
  viewer: Viewer,
  operationId: string,
  platformId?: string,
): Promise<Evidence[]> {
  const conditions = [eq(evidence.operationId, operationId), isNull(evidence.deletedAt)];
  if (platformId) conditions.push(eq(evidence.platformId, platformId));
  const rows = await db
    .select()
    .from(evidence)
    .where(and(...conditions))
    .orderBy(desc(evidence.createdAt));
  return (await visibleEvidence(db, rows, viewer)).map(toEvidence);
}

/** An evidence row, or 404. */
export async function getEvidenceRow(db: Db, evidenceId: string): Promise<EvidenceRow> {
  const [row] = await db.select().from(evidence).where(eq(evidence.id, evidenceId));
  return row ?? fail('evidence.not_found');
}

/** The stored file's path after re-verifying its SHA-256 against the one recorded at upload. */
export async function verifiedEvidencePath(dataDir: string, row: EvidenceRow): Promise<string> {
  const path = join(dataDir, row.storagePath);
  const actual = await hashFile(path).catch(() => null);
  if (actual !== row.sha256) fail('evidence.integrity_failed');
  return path;
}

/** A stored text file (a capture's manifest) after re-verifying its SHA-256; null when it no longer matches. */
export async function readEvidenceText(dataDir: string, row: EvidenceRow): Promise<string | null> {
  const path = join(dataDir, row.storagePath);
  const bytes = await readFile(path).catch(() => null);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== row.sha256) return null;
  return bytes.toString('utf8');
}

/**
 * Records a check of a stored file. A failure is flagged once (the first process to see it writes the flag
 * and its audit entry); answers whether this call flagged it.
 */
export async function recordCheck(
  db: Db,
  row: Pick<EvidenceRow, 'id' | 'operationId' | 'sha256'>,
  ok: boolean,
  now: Date,
  actor: Actor,
): Promise<boolean> {
  if (ok) {
    await db.update(evidence).set({ verifiedAt: now }).where(eq(evidence.id, row.id));
    return false;
  }
  return db.transaction(async (tx) => {
    const [flagged] = await tx
      .update(evidence)
      .set({ verifiedAt: now, integrityFailedAt: now })
      .where(and(eq(evidence.id, row.id), isNull(evidence.integrityFailedAt)))
      .returning({ id: evidence.id });
    if (!flagged) return false;
    await recordAudit(tx, actor, {
      operationId: row.operationId,
      action: 'evidence.integrity_failed',
      targetType: 'evidence',
      targetId: row.id,
      details: { sha256: row.sha256 },
    });
    return true;
  });
}

/** Every live evidence row of an operation, oldest first (country packages filter them per country). */
export async function liveEvidence(db: Db, operationId: string): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(evidence)
    .where(and(eq(evidence.operationId, operationId), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.capturedAt), asc(evidence.id));
}

/** Evidence as key figures count it. */
export const evidenceCountSource: CountSource = {
  table: 'evidence',
  // TLP:RED evidence is in no shared count (docs/architecture.md, "What counts a viewer sees"); a web capture is
  // one piece of evidence: its screenshot counts, its archive, text and manifest do not
  where: (col) =>
    sql`${col.text('deleted_at')} is null and ${col.text('handling')} is distinct from 'TLP:RED' and (${col.text('capture_role')} is null or ${col.text('capture_role')} = 'screenshot')`,
  columns: { handling: 'handling', country: 'country' },
};

/** Live evidence per capturing country (the per-country table). */
export async function evidencePerCountry(db: Db, operationId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ country: evidence.country, n: sql<number>`count(*)::int` })
    .from(evidence)
    .where(and(eq(evidence.operationId, operationId), isNull(evidence.deletedAt), ne(evidence.handling, 'TLP:RED')))
    .groupBy(evidence.country);
  return new Map(rows.map((r) => [r.country, Number(r.n)]));
}
