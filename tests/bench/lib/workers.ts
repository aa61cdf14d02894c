import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CallMessage, MethodName, ParamsOf, ReplyMessage, ResultOf } from '../workers/protocol.js';
import { repoRoot } from './server-process.js';

const workerPath = fileURLToPath(new URL('../workers/load-worker.ts', import.meta.url));

/** One load process; `call` runs a method there and answers its result. */
export class LoadWorker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(
    readonly index: number,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: unknown) => {
      const reply = message as ReplyMessage;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(`load worker ${index}: ${reply.error}`));
    });
    child.on('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`load worker ${index} exited (${code})`));
      this.pending.clear();
    });
  }

  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    const id = this.nextId++;
    const message: CallMessage = { id, method, params };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as ResultOf<M>), reject });
      this.child.send(message);
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
    this.child.kill('SIGTERM');
  }
}

/** Load comes from separate processes (child_process.fork), never from the process that measures. */
export class WorkerPool {
  private constructor(readonly workers: LoadWorker[]) {}

  static start(size: number): WorkerPool {
    const workers = Array.from({ length: size }, (_, index) => {
      const child = fork(workerPath, [String(index)], {
        cwd: repoRoot,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      return new LoadWorker(index, child);
    });
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs `method` on every worker at once, with parameters made for each. */
  all<M extends MethodName>(method: M, paramsFor: (index: number) => ParamsOf<M>): Promise<ResultOf<M>[]> {
    return Promise.all(this.workers.map((worker) => worker.call(method, paramsFor(worker.index))));
  }

  /** Starts a measuring window on every load process (their own event-loop delay and CPU). */
  async resetStats(): Promise<void> {
    await this.all('worker.stats', () => ({ reset: true }));
  }

  /** The busiest load process since `resetStats`: if it was saturated, it delayed what it measured. */
  async generatorStats(): Promise<{ eventLoopDelayP99Ms: number; cpuPercent: number }> {
    const all = await this.all('worker.stats', () => ({ reset: false }));
    return {
      eventLoopDelayP99Ms: Math.max(...all.map((s) => s.eventLoopDelayP99Ms)),
      cpuPercent: Math.max(...all.map((s) => s.cpuPercent)),
    };
  }

  /** The first worker (for a baseline that must run in one process, e.g. the embedded database). */
  get first(): LoadWorker {
    const worker = this.workers[0];
    if (!worker) throw new Error('empty worker pool');
    return worker;
  }

  close(): void {
    for (const worker of this.workers) worker.close();
  }
}

/** Splits a list into `parts` nearly equal slices, in order. */
export function slices<T>(list: T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, i) => list.filter((_, j) => j % parts === i));
}
