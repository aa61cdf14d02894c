import type { FastifyBaseLogger } from 'fastify';
import { safeError } from '../http/safe-error.js';

/** How many messages from other processes this process dropped, per source (adapter, notes relay…). */
const dropped = new Map<string, number>();

/** The drop counts of this process (for logs and tests). */
export function droppedPeerMessages(): Readonly<Record<string, number>> {
  return Object.fromEntries(dropped);
}

/**
 * A message from another process (through Redis) was malformed or failed to apply: it is counted and
 * logged without its contents (which may hold personal data), then dropped. The process carries on.
 * The first ten drops of a source are logged, then every hundredth, so a flood of garbage cannot
 * flood the log.
 */
export function dropPeerMessage(log: FastifyBaseLogger, source: string, reason: string, error?: unknown): void {
  const count = (dropped.get(source) ?? 0) + 1;
  dropped.set(source, count);
  if (count <= 10 || count % 100 === 0)
    log.warn(
      { source, reason, dropped: count, ...(error === undefined ? {} : { error: safeError(error) }) },
      'dropped a message from another process',
    );
}
