import type { ErrorDetails } from '@actionday/shared';
import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../browser/chromium.js';
import type { EventBus } from '../../events/bus.js';
import { AppError } from '../../http/errors.js';
import { outsideIdempotency } from '../../http/idempotency.js';
import { safeError } from '../../http/safe-error.js';
import { recordAudit } from '../audit/index.js';
import { linkedFindings } from '../evidence/index.js';
import { type RunDeps, runCapture } from './captures.run.js';
import { type CaptureRow, toCapture } from './captures.service.js';
import { captures } from './captures.table.js';

/** A capture interrupted this many times (its process died each time) is given up. */
const MAX_ATTEMPTS = 3;
/** How often a process looks for work queued by another process or left by a dead one. */
const POLL_MS = 5_000;

/**
 * The capture queue of one process: at most `concurrency` captures at a time, taken from the table under a
 * lease (`FOR UPDATE SKIP LOCKED`: processes never take the same row), so a restart resumes what was queued
 * or running. One Chromium serves every capture (a fresh context each); it starts with the first capture.
 */
export class CaptureQueue {
  private running = new Map<string, AbortController>();
  private browser: Promise<Browser | null> | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private pumping = false;

  constructor(
    private readonly deps: RunDeps & { bus: EventBus; concurrency: number },
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts taking work: what a previous run left queued, then each new request. */
  start(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Looks for work now (after a request was queued). Never runs inside the caller's request. */
  kick(): void {
    if (this.stopped) return;
    outsideIdempotency(() => setImmediate(() => void this.pump()));
  }

  /** How many captures this process runs right now. */
  get active(): number {
    return this.running.size;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.stopped && this.running.size < this.deps.concurrency) {
        const row = await this.claim();
        if (!row) break;
        void this.work(row);
      }
    } catch (error) {
      this.log.error({ error: safeError(error) }, 'capture queue could not take work');
    } finally {
      this.pumping = false;
    }
  }

  /** Takes the oldest queued capture (or one whose process died), marking it running under a lease. */
  private async claim(): Promise<CaptureRow | null> {
    const now = this.deps.now();
    const next = this.deps.db
      .select({ id: captures.id })
      .from(captures)
      .where(or(eq(captures.status, 'queued'), and(eq(captures.status, 'running'), lt(captures.leaseUntil, now))))
      .orderBy(asc(captures.requestedAt), asc(captures.id))
      .limit(1)
      .for('update', { skipLocked: true });
    const [row] = await this.deps.db
      .update(captures)
      .set({
        status: 'running',
        startedAt: now,
        leaseUntil: new Date(now.getTime() + this.deps.timeoutMs + 60_000),
        attempts: sql`${captures.attempts} + 1`,
      })
      .where(eq(captures.id, sql`(${next})`))
      .returning();
    return row ?? null;
  }

  private async work(row: CaptureRow): Promise<void> {
    const controller = new AbortController();
    this.running.set(row.id, controller);
    let timer: NodeJS.Timeout | undefined;
    try {
      if (row.attempts > MAX_ATTEMPTS) {
        await this.fail(row, new AppError('captures.interrupted', { params: { attempts: row.attempts - 1 } }));
        return;
      }
      await this.publish('capture.started', row);
      const browser = await this.chromium();
      if (!browser) {
        await this.fail(row, new AppError('captures.unavailable'));
        return;
      }
      // the page has its own deadline; this one also bounds what comes after it (the archive, the files)
      timer = setTimeout(
        () =>
          controller.abort(
            new AppError('captures.timeout', { params: { seconds: Math.round(this.deps.timeoutMs / 1000) } }),
          ),
        this.deps.timeoutMs + 5_000,
      );
      const stored = await runCapture(this.deps, browser, row, controller.signal);
      if (!stored) return;
      await this.publish('capture.done', stored.row);
      for (const evidenceId of stored.evidenceIds)
        this.deps.bus.publish('evidence.uploaded', {
          operationId: row.operationId,
          evidenceId,
          platformId: row.platformId,
          country: row.country,
          handling: row.handling,
          capturedBy: row.requestedBy,
          linked: await this.linked(row),
        });
    } catch (error) {
      // a stop hands the capture back to the queue (the next start resumes it); anything else is its failure
      if (this.stopped) return;
      if (!(error instanceof AppError)) this.log.error({ error: safeError(error) }, 'capture failed');
      await this.fail(
        row,
        error instanceof AppError
          ? error
          : new AppError('captures.unreachable', { params: { reason: 'the browser failed' } }),
      ).catch((failError: unknown) =>
        this.log.error({ error: safeError(failError) }, 'could not record a failed capture'),
      );
    } finally {
      clearTimeout(timer);
      this.running.delete(row.id);
      this.kick();
    }
  }

  private async fail(row: CaptureRow, error: AppError): Promise<void> {
    const details: ErrorDetails = error.details ?? {};
    const failed = await this.deps.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(captures)
        .set({
          status: 'failed',
          finishedAt: this.deps.now(),
          leaseUntil: null,
          failureCode: error.code,
          failureDetails: details,
        })
        .where(and(eq(captures.id, row.id), eq(captures.status, 'running'), eq(captures.attempts, row.attempts)))
        .returning();
      if (!updated) return null;
      await recordAudit(
        tx,
        { userId: row.requestedByUser, ip: null },
        {
          operationId: row.operationId,
          action: 'capture.failed',
          targetType: 'capture',
          targetId: row.id,
          details: { code: error.code },
        },
      );
      return updated;
    });
    if (failed) await this.publish('capture.failed', failed);
  }

  private async linked(row: CaptureRow) {
    return row.findingId ? ((await linkedFindings(this.deps.db, [row])).get(row.findingId) ?? null) : null;
  }

  async publish(name: 'capture.queued' | 'capture.started' | 'capture.done' | 'capture.failed', row: CaptureRow) {
    this.deps.bus.publish(name, { row, capture: toCapture(row), linked: await this.linked(row) });
  }

  private chromium(): Promise<Browser | null> {
    if (!this.browser)
      this.browser = launchChromium(this.deps.policy.proxy ? { proxy: { server: this.deps.policy.proxy } } : {}).then(
        (browser) => {
          // a browser that crashed is started again by the next capture
          browser?.on('disconnected', () => {
            this.browser = null;
          });
          if (!browser) this.browser = null;
          return browser;
        },
      );
    return this.browser;
  }

  /**
   * Stops taking work, aborts the running captures and hands them back to the queue (the next start of any
   * process resumes them, with no attempt counted), then closes the browser.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const ids = [...this.running.keys()];
    for (const controller of this.running.values()) controller.abort(new Error('stopping'));
    for (const id of ids)
      await this.deps.db
        .update(captures)
        .set({ status: 'queued', leaseUntil: null, attempts: sql`greatest(${captures.attempts} - 1, 0)` })
        .where(and(eq(captures.id, id), eq(captures.status, 'running')))
        .catch(() => {});
    const deadline = Date.now() + 5_000;
    while (this.running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const browser = await this.browser?.catch(() => null);
    this.browser = null;
    await browser?.close().catch(() => {});
  }
}
