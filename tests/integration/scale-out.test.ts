import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientToServerEvents, Operation, Platform, ServerToClientEvents, Tally } from '@actionday/shared';
import postgres from 'postgres';
import { type Socket, io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseServer, redisUrl, servicesReady } from './multiprocess/services.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ready = await servicesReady('Scale-out test');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe.skipIf(!ready)('several server processes behind one database and Redis', () => {
  const processes: ChildProcess[] = [];
  const sockets: Socket[] = [];
  let admin: ReturnType<typeof postgres>;
  let databaseName = '';
  const urls: string[] = [];

  async function start(databaseUrl: string): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        LOG_LEVEL: 'warn',
        ACTIONDAY_ADMIN_EMAIL: 'lead@example.org',
        ACTIONDAY_ADMIN_PASSWORD: 'scale-out-password',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    // a loaded machine can take a while to start a process through tsx
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return url;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server did not start: ${output}`);
  }

  beforeAll(async () => {
    admin = postgres(databaseServer as string, { max: 1, onnotice: () => {} });
    databaseName = `actionday_scale_${randomBytes(5).toString('hex')}`;
    await admin.unsafe(`create database ${databaseName}`);
    const url = new URL(databaseServer as string);
    url.pathname = `/${databaseName}`;
    // one after the other: the first migrates and creates the administrator
    urls.push(await start(url.toString()));
    urls.push(await start(url.toString()));
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(
      processes.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM')),
          ),
      ),
    );
    await admin?.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin?.end({ timeout: 5 });
  });

  const call = async (base: string, cookie: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };

  it('a claim made through one process reaches a client connected to the other, and both count the same figures', async () => {
    const [a, b] = urls as [string, string];
    const signIn = await fetch(`${a}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lead@example.org', password: 'scale-out-password' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const operation = (
      await call(a, cookie, 'POST', '/api/operations', {
        name: 'Scaled day',
        startsAt: '2022-09-06T06:00:00Z',
        endsAt: '2022-09-06T18:00:00Z',
        timeZone: 'Europe/Amsterdam',
      })
    ).json as Operation;
    const platform = (
      await call(a, cookie, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'S',
        url: 'https://s.example.org',
        category: 'forum',
      })
    ).json as Platform;

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(b, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      forceNew: true,
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    expect((await socket.emitWithAck('operation:join', { operationId: operation.id })).ok).toBe(true);
    const claimed = new Promise<string>((resolve) =>
      socket.once('platform:claimed', ({ platform: p }) => resolve(p.id)),
    );
    const tallies: Tally[] = [];
    socket.on('tally:updated', (tally) => tallies.push(tally));

    expect((await call(a, cookie, 'POST', `/api/platforms/${platform.id}/claim`)).status).toBe(200);
    expect(await claimed).toBe(platform.id);
    await expect.poll(() => tallies.at(-1)?.progress.claimed, { timeout: 5000 }).toBe(1);
    // the holder repeating the claim through the other process keeps the one claim (200), as on one process
    expect((await call(b, cookie, 'POST', `/api/platforms/${platform.id}/claim`)).status).toBe(200);
    const fromB = (await call(b, cookie, 'GET', `/api/operations/${operation.id}/tallies`)).json as Tally;
    expect(fromB.progress).toEqual({ unchecked: 0, claimed: 1, checked: 0 });
  }, 60_000);
});
