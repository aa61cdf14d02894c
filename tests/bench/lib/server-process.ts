import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { DataTarget } from './databases.js';
import type { ProbeReply, ProbeRequest } from './probe-protocol.js';
import { epochMs, pause } from './time.js';

/** The repository root: servers and workers run from there, as `pnpm start` does. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const probePath = fileURLToPath(new URL('./probe.ts', import.meta.url));

/** The first administrator of every server the bench starts (ACTIONDAY_ADMIN_EMAIL/PASSWORD). */
export const benchAdmin = { email: 'bench.admin@actionday.test', password: 'bench-admin-password-1' } as const;

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** How a server process ended when asked to stop. */
export interface StopResult {
  /** From SIGTERM to the process's exit. */
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** It did not exit within the grace period and was killed. */
  killed: boolean;
}

/** A server process the bench started: its address, its probe, and a graceful stop. */
export class ServerProcess {
  private output = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private nextProbe = 1;
  private readonly waiting = new Map<number, (reply: ProbeReply) => void>();
  private alive = true;

  constructor(
    readonly name: string,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: unknown) => {
      const reply = message as ProbeReply;
      if (reply?.type !== 'probe') return;
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.alive = false;
        resolve({ code, signal });
      }),
    );
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get running(): boolean {
    return this.alive;
  }

  /** The last lines the process printed, for error messages. */
  get log(): string {
    return this.output;
  }

  /** The process's own view of itself (event-loop delay, CPU, memory) since the last reset. */
  probe(options: { reset?: boolean; gc?: boolean } = {}): Promise<ProbeReply> {
    const id = this.nextProbe++;
    const request: ProbeRequest = { type: 'probe', id, reset: options.reset ?? false, gc: options.gc ?? false };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name} did not answer its probe`));
      }, 30_000);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.child.send(request);
    });
  }

  /** SIGTERM, then the time until the process has exited (SIGKILL after `graceMs`). */
  async stop(graceMs = 20_000): Promise<StopResult> {
    if (!this.alive) return { ms: 0, code: this.child.exitCode, signal: null, killed: false };
    const started = epochMs();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const { code, signal } = await this.exited;
    clearTimeout(timer);
    return { ms: epochMs() - started, code, signal, killed: signal === 'SIGKILL' };
  }
}

/** Starts `node --import tsx --import probe.ts <script>` and waits until `readyPath` answers 200. */
export async function startNodeServer(options: {
  name: string;
  script: string;
  args?: string[];
  env: Record<string, string>;
  port: number;
  readyPath: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      // BENCH_CPU_PROFILE_DIR=dir: each server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools)
      ...(process.env.BENCH_CPU_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`]
        : []),
      '--import',
      'tsx',
      '--import',
      probePath,
      options.script,
      ...(options.args ?? []),
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const url = `http://127.0.0.1:${options.port}`;
  const server = new ServerProcess(options.name, url, child);
  // the embedded database's first start (initdb, migrations) takes minutes on a crowded 2-core machine
  const deadline = epochMs() + (options.timeoutMs ?? 240_000);
  while (epochMs() < deadline) {
    if (!server.running) throw new Error(`${options.name} exited while starting:\n${server.log}`);
    const ok = await fetch(`${url}${options.readyPath}`)
      .then((answer) => answer.ok)
      .catch(() => false);
    if (ok) return server;
    await pause(100);
  }
  await server.stop(2_000);
  throw new Error(`${options.name} did not become ready in time:\n${server.log}`);
}

/** The real production server (`server/src/main.ts`, built client) on a fresh database. */
export async function startAppServer(
  target: DataTarget,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ACTIONDAY_DATA_DIR: target.dataDir,
    ACTIONDAY_ADMIN_EMAIL: benchAdmin.email,
    ACTIONDAY_ADMIN_PASSWORD: benchAdmin.password,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: target.databaseUrl ?? '',
    REDIS_URL: '',
    ...extraEnv,
  };
  return startNodeServer({
    name: `actionday (${target.kind})`,
    script: 'server/src/main.ts',
    env,
    port,
    readyPath: '/api/health',
  });
}
