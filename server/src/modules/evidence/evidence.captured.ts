import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CaptureFileRole, Handling } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { discardSealed, sealUpload, storeUpload } from './evidence.files.js';
import type { EvidenceRow } from './evidence.service.js';
import { evidence } from './evidence.table.js';

/** A file the server made itself (a web capture's screenshot, archive, text, manifest). */
export interface MadeFile {
  role: CaptureFileRole;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A made file sealed in the evidence folder, not yet recorded. */
export interface SealedFile {
  id: string;
  role: CaptureFileRole;
  fileName: string;
  mimeType: string;
  storagePath: string;
  sha256: string;
  size: number;
}

/** What every file of one capture documents. */
export interface CapturedContext {
  operationId: string;
  platformId: string;
  findingId: string | null;
  url: string;
  capturedAt: Date;
  /** The membership that asked for the capture. */
  capturedBy: string;
  country: string;
  handling: Handling;
}

/** Writes made files into the evidence folder, hashed on the way and sealed read-only (not yet recorded). */
export async function sealMadeFiles(dataDir: string, operationId: string, files: MadeFile[]): Promise<SealedFile[]> {
  const sealed: SealedFile[] = [];
  try {
    for (const file of files) {
      const stored = await storeUpload(join(dataDir, 'evidence'), Readable.from([Buffer.from(file.bytes)]));
      const id = randomUUID();
      const storagePath = join('evidence', operationId, id);
      await sealUpload(dataDir, stored.tempPath, storagePath);
      sealed.push({ id, role: file.role, fileName: file.fileName, mimeType: file.mimeType, storagePath, ...stored });
    }
    return sealed;
  } catch (error) {
    await discardMadeFiles(dataDir, sealed);
    throw error;
  }
}

/** Removes sealed files whose rows were never written. */
export async function discardMadeFiles(dataDir: string, sealed: SealedFile[]): Promise<void> {
  await Promise.all(sealed.map((file) => discardSealed(dataDir, file.storagePath)));
}

/** Records sealed files as evidence, each with its audit entry, inside the caller's transaction. */
export async function recordMadeEvidence(
  tx: Db,
  actor: Actor,
  context: CapturedContext,
  sealed: SealedFile[],
  now: Date,
): Promise<EvidenceRow[]> {
  if (sealed.length === 0) return [];
  const rows = await tx
    .insert(evidence)
    .values(
      sealed.map((file) => ({
        id: file.id,
        operationId: context.operationId,
        platformId: context.platformId,
        findingId: context.findingId,
        url: context.url,
        capturedAt: context.capturedAt,
        capturedBy: context.capturedBy,
        country: context.country,
        fileName: file.fileName,
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        storagePath: file.storagePath,
        handling: context.handling,
        createdAt: now,
        captureRole: file.role,
      })),
    )
    .returning();
  for (const file of sealed)
    await recordAudit(tx, actor, {
      operationId: context.operationId,
      action: 'evidence.captured',
      targetType: 'evidence',
      targetId: file.id,
      details: { sha256: file.sha256, size: file.size, mimeType: file.mimeType },
    });
  return rows;
}
