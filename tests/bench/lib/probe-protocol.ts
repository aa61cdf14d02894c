/** Asks a server process about itself; `reset` starts a new measuring window, `gc` collects first. */
export interface ProbeRequest {
  type: 'probe';
  id: number;
  reset: boolean;
  gc: boolean;
}

/** What the process says about the window since the last reset. */
export interface ProbeReply {
  type: 'probe';
  id: number;
  rss: number;
  heapUsed: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  /** CPU time over wall time; 100 = one core busy all the time. */
  cpuPercent: number;
  wallMs: number;
}
