import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { safeError } from '../../http/safe-error.js';
import { integrateBatch } from './audit.integrate.js';
import { type HeadSigner, headSigner } from './audit.keys.js';
import { onAuditAppended } from './audit.signal.js';
import { auditEvents } from './audit.table.js';

/** How soon after an append a batch runs, and how often the sequencer looks for entries it was not told about. */
export interface SequencerTiming {
  /** Appends within this window go into one batch (and one head). */
  delayMs: number;
  /** Entries of other processes, and commits slower than `delayMs`, are found by this sweep. */
  sweepMs: number;
}

const defaultTiming: SequencerTiming = { delayMs: 100, sweepMs: 1000 };

/**
 * Integrates new audit entries of this process's database into their trees
 * in the background: a batch shortly after appends (coalesced, at most one
 * per `delayMs` while there is work) and a periodic sweep for everything
 * else. Several processes may each run one; the chain's advisory lock lets
 * only one integrate a chain at a time, and the others try again shortly.
 */
export class AuditSequencer {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private unsubscribe: () => void = () => {};

  constructor(
    private readonly deps: { db: Db; signer: HeadSigner; now: () => Date; log: FastifyBaseLogger },
    private readonly timing: SequencerTiming = defaultTiming,
  ) {}

  /** Starts listening for appends and sweeping; integrates what waited while no sequencer ran. */
  start(): void {
    this.stopped = false;
    this.unsubscribe = onAuditAppended((chain) => this.wake(chain));
    this.sweeper = setInterval(() => void this.sweep(), this.timing.sweepMs);
    this.sweeper.unref();
    void this.sweep();
  }

  /** Stops scheduling and waits for a running batch (entries still waiting stay for the next sequencer). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    if (this.sweeper) clearInterval(this.sweeper);
    this.timer = null;
    await this.running;
  }

  /** Marks a chain as having new entries; a batch follows within `delayMs`. */
  wake(chain: string): void {
    this.dirty.add(chain);
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.run().finally(() => {
        this.running = null;
        if (this.dirty.size > 0) this.schedule();
      });
    }, this.timing.delayMs);
  }

  private async run(): Promise<void> {
    const chains = [...this.dirty];
    this.dirty.clear();
    for (const chain of chains) {
      if (this.stopped) return;
      try {
        const result = await integrateBatch(this.deps.db, this.deps.signer, chain, this.deps.now());
        if (result.status === 'busy' || result.more) this.dirty.add(chain);
      } catch (error) {
        this.deps.log.error({ error: safeError(error), chain }, 'could not integrate audit entries');
      }
    }
  }

  private async sweep(): Promise<void> {
    try {
      const waiting = await this.deps.db
        .selectDistinct({ chain: auditEvents.chain })
        .from(auditEvents)
        .where(isNull(auditEvents.position));
      for (const { chain } of waiting) this.wake(chain);
    } catch (error) {
      if (!this.stopped)
        this.deps.log.error({ error: safeError(error) }, 'could not look for audit entries to integrate');
    }
  }
}

/** Runs a sequencer for the app's lifetime: from ready until close begins (before the database closes). */
export function installAuditSequencer(app: FastifyInstance, deps: Deps, timing?: SequencerTiming): AuditSequencer {
  const sequencer = new AuditSequencer(
    { db: deps.db, signer: headSigner(deps.config.dataDir), now: deps.now, log: app.log },
    timing,
  );
  app.addHook('onReady', async () => sequencer.start());
  app.addHook('preClose', async () => sequencer.stop());
  return sequencer;
}
