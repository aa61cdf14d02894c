import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ResultOf } from './protocol.js';

const resolutionMs = 10;
const delay = monitorEventLoopDelay({ resolution: resolutionMs });
delay.enable();
let cpuSince = process.cpuUsage();
let wallSince = performance.now();

/**
 * The load process's own event-loop delay and CPU since the last reset: a
 * generator that is itself saturated delays what it measures, so its state
 * is reported beside the server's.
 */
export function selfStats(params: { reset: boolean }): ResultOf<'worker.stats'> {
  const cpu = process.cpuUsage(cpuSince);
  const wallMs = performance.now() - wallSince;
  const stats = {
    eventLoopDelayP99Ms: Math.max(0, delay.percentile(99) / 1e6 - resolutionMs),
    cpuPercent: wallMs > 0 ? ((cpu.user + cpu.system) / 1000 / wallMs) * 100 : 0,
  };
  if (params.reset) {
    delay.reset();
    cpuSince = process.cpuUsage();
    wallSince = performance.now();
  }
  return stats;
}
