import { createHash } from 'node:crypto';
import { EVIDENCE_MAX_BYTES, type CaptureFile } from '@actionday/shared';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import {
  type MadeFile,
  type SealedFile,
  discardMadeFiles,
  recordMadeEvidence,
  sealMadeFiles,
} from '../evidence/index.js';
import { buildWacz, buildWarc } from './captures.archive.js';
import { type PageCapture, capturePage } from './captures.browser.js';
import type { FetchPolicy } from './captures.guard.js';
import type { CaptureRow } from './captures.service.js';
import { captures } from './captures.table.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encoder = new TextEncoder();

/** Everything a run needs from the server. */
export interface RunDeps {
  db: Db;
  dataDir: string;
  now: () => Date;
  policy: FetchPolicy;
  timeoutMs: number;
}

/** A single header per name, as the capture shows them (repeated names joined with ", "). */
function headerMap(pairs: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    out[key] = out[key] ? `${out[key]}, ${value}` : value;
  }
  return out;
}

/** The four files of a capture: the screenshot, the WACZ archive, the visible text and the manifest of them. */
async function filesOf(row: CaptureRow, page: PageCapture, browserVersion: string): Promise<MadeFile[]> {
  const software = `Actionday capture (Chromium ${browserVersion}, warcio.js)`;
  const warc = await buildWarc(
    page.responses,
    { software, format: 'WARC File Format 1.1', isPartOf: `actionday capture ${row.id}` },
    page.loadedAt,
  );
  const wacz = await buildWacz(
    warc,
    { url: page.finalUrl, title: page.title, at: page.loadedAt, text: page.text },
    software,
  );
  const made: MadeFile[] = [
    { role: 'screenshot', fileName: 'screenshot.png', mimeType: 'image/png', bytes: page.screenshot },
    { role: 'archive', fileName: 'capture.wacz', mimeType: 'application/wacz', bytes: wacz },
    { role: 'text', fileName: 'text.txt', mimeType: 'text/plain', bytes: encoder.encode(page.text) },
  ];
  const manifest = {
    format: 'actionday-capture/1',
    captureId: row.id,
    operationId: row.operationId,
    platformId: row.platformId,
    findingId: row.findingId,
    handling: row.handling,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    capturedAt: page.loadedAt.toISOString(),
    url: row.url,
    finalUrl: page.finalUrl,
    httpStatus: page.document.status,
    headers: headerMap(page.document.headers),
    tls: page.document.tls,
    title: page.title,
    viewport: page.viewport,
    redirects: page.responses
      .filter((r) => r.status >= 300 && r.status < 400)
      .map((r) => ({ url: r.url, status: r.status })),
    refused: page.refused,
    responses: page.responses.length,
    software,
    files: made.map((file) => ({
      role: file.role,
      name: file.fileName,
      mimeType: file.mimeType,
      sha256: sha256(file.bytes),
      size: file.bytes.length,
    })),
  };
  made.push({
    role: 'manifest',
    fileName: 'manifest.json',
    mimeType: 'application/json',
    bytes: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`),
  });
  return made;
}

/**
 * Runs one claimed capture and stores it: the files sealed as evidence, the capture row done, the manifest's
 * SHA-256 in the audit log, in one transaction. Answers the row as stored, or null when the capture was no
 * longer this run's (its lease was taken over): then nothing is kept.
 */
export async function runCapture(
  deps: RunDeps,
  browser: Browser,
  row: CaptureRow,
  signal: AbortSignal,
): Promise<{ row: CaptureRow; evidenceIds: string[] } | null> {
  const page = await capturePage(browser, new URL(row.url), {
    policy: deps.policy,
    budget: { left: EVIDENCE_MAX_BYTES, limit: EVIDENCE_MAX_BYTES },
    timeoutMs: deps.timeoutMs,
    now: deps.now,
    signal,
  });
  const made = await filesOf(row, page, browser.version());
  const sealed: SealedFile[] = await sealMadeFiles(deps.dataDir, row.operationId, made);
  const actor: Actor = { userId: row.requestedByUser, ip: null };
  const files: CaptureFile[] = sealed.map((f) => ({ role: f.role, evidenceId: f.id, sha256: f.sha256, size: f.size }));
  const manifestSha256 = files.find((f) => f.role === 'manifest')?.sha256 ?? null;
  try {
    const stored = await deps.db.transaction(async (tx) => {
      const [done] = await tx
        .update(captures)
        .set({
          status: 'done',
          finishedAt: deps.now(),
          leaseUntil: null,
          capturedAt: page.loadedAt,
          finalUrl: page.finalUrl,
          httpStatus: page.document.status,
          title: page.title.slice(0, 500),
          headers: headerMap(page.document.headers),
          tls: page.document.tls,
          manifestSha256,
          files,
        })
        .where(and(eq(captures.id, row.id), eq(captures.status, 'running'), eq(captures.attempts, row.attempts)))
        .returning();
      if (!done) return null;
      await recordMadeEvidence(
        tx,
        actor,
        {
          operationId: row.operationId,
          platformId: row.platformId,
          findingId: row.findingId,
          url: page.finalUrl,
          capturedAt: page.loadedAt,
          capturedBy: row.requestedBy,
          country: row.country,
          handling: row.handling,
        },
        sealed,
        deps.now(),
      );
      await recordAudit(tx, actor, {
        operationId: row.operationId,
        action: 'capture.done',
        targetType: 'capture',
        targetId: row.id,
        details: { manifestSha256, httpStatus: page.document.status, files: files.length },
      });
      return done;
    });
    if (!stored) await discardMadeFiles(deps.dataDir, sealed);
    return stored ? { row: stored, evidenceIds: sealed.map((f) => f.id) } : null;
  } catch (error) {
    await discardMadeFiles(deps.dataDir, sealed);
    throw error;
  }
}
