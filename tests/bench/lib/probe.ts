/**
 * Loaded into every server process the bench starts (`node --import …/probe.ts`):
 * answers the parent's questions over the IPC channel about the process's own
 * event-loop delay, CPU time and memory. The server's code is not touched.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ProbeReply, ProbeRequest } from './probe-protocol.js';

const resolutionMs = 10;
const delay = monitorEventLoopDelay({ resolution: resolutionMs });
/** The histogram holds whole tick intervals: what exceeds the sampling interval is the delay. */
const late = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);
delay.enable();
let cpuSince = process.cpuUsage();
let wallSince = performance.now();

const isRequest = (value: unknown): value is ProbeRequest =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'probe';

process.on('message', (message: unknown) => {
  if (!isRequest(message) || !process.send) return;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (message.gc && gc) {
    gc();
    gc();
  }
  const cpu = process.cpuUsage(cpuSince);
  const wallMs = performance.now() - wallSince;
  const memory = process.memoryUsage();
  const reply: ProbeReply = {
    type: 'probe',
    id: message.id,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    eventLoopDelayMs: {
      p50: late(delay.percentile(50)),
      p99: late(delay.percentile(99)),
      max: late(delay.max),
      mean: late(delay.mean),
    },
    cpuPercent: wallMs > 0 ? ((cpu.user + cpu.system) / 1000 / wallMs) * 100 : 0,
    wallMs,
  };
  if (message.reset) {
    delay.reset();
    cpuSince = process.cpuUsage();
    wallSince = performance.now();
  }
  process.send(reply);
});
// the channel must not keep a stopping server alive
process.channel?.unref();
