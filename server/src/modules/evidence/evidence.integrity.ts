import { join } from 'node:path';
import { and, asc, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { safeError } from '../../http/safe-error.js';
import { hashFile } from './evidence.files.js';
import { recordCheck } from './evidence.service.js';
import { evidence } from './evidence.table.js';

/** The background check acts as nobody in the audit trail. */
const system: Actor = { userId: null, ip: null };

/**
 * Hashes every stored file again that was not checked since this pass began (oldest check first, a few at a
 * time) and flags a file that no longer matches. Several processes may run it at once: a failure is flagged,
 * and audited, by the first to see it. Answers how many files were checked and how many newly flagged.
 */
export async function checkStoredEvidence(
  deps: { db: Db; dataDir: string; now: () => Date },
  batch = 20,
): Promise<{ checked: number; flagged: number }> {
  const started = deps.now();
  let checked = 0;
  let flagged = 0;
  for (;;) {
    const rows = await deps.db
      .select({
        id: evidence.id,
        operationId: evidence.operationId,
        sha256: evidence.sha256,
        storagePath: evidence.storagePath,
      })
      .from(evidence)
      .where(
        and(
          isNull(evidence.deletedAt),
          isNull(evidence.integrityFailedAt),
          or(isNull(evidence.verifiedAt), lt(evidence.verifiedAt, started)),
        ),
      )
      .orderBy(sql`${evidence.verifiedAt} asc nulls first`, asc(evidence.id))
      .limit(batch);
    if (rows.length === 0) return { checked, flagged };
    for (const row of rows) {
      const actual = await hashFile(join(deps.dataDir, row.storagePath)).catch(() => null);
      if (await recordCheck(deps.db, row, actual === row.sha256, deps.now(), system)) flagged += 1;
      checked += 1;
    }
  }
}

/** Runs the check once soon after start, then every `intervalMs`; one pass at a time per process. */
export function startEvidenceChecks(
  deps: { db: Db; dataDir: string; now: () => Date },
  intervalMs: number,
  log: FastifyBaseLogger,
): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    checkStoredEvidence(deps)
      .then(({ checked, flagged }) => {
        if (flagged > 0) log.warn({ checked, flagged }, 'stored evidence no longer matches its SHA-256');
        else log.info({ checked }, 'stored evidence checked');
      })
      .catch((error: unknown) => log.error({ error: safeError(error) }, 'evidence check failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, Math.min(intervalMs, 30_000));
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
