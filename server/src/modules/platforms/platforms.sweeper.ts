import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../../deps.js';
import { safeError } from '../../http/safe-error.js';
import { expireIdleClaims } from './platforms.claims.js';

/** Runs the claim-expiry sweep every `intervalMs`; returns a stop function. Safe in several processes at once. */
export function startClaimSweeper(deps: Deps, intervalMs: number, log: FastifyBaseLogger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireIdleClaims(deps)
      .then((expired) => {
        if (expired.length > 0) log.info({ count: expired.length }, 'idle claims returned to the pool');
      })
      .catch((error: unknown) => log.error({ error: safeError(error) }, 'claim sweep failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
