import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseServer, redisUrl } from './services.js';
import {
  type ClientToServerEvents,
  NOTE_FIELD,
  NOTES_NAMESPACE,
  type NoteRef,
  type ServerToClientEvents,
} from '@actionday/shared';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { type Socket, io } from 'socket.io-client';
import * as Y from 'yjs';
import { NoteSync, type NotesSocket } from '../../../client/src/modules/notes/note-sync.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const ADMIN = { email: 'lead@example.org', password: 'several-processes-pw' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** One server OS process of the cluster. */
export interface Member {
  url: string;
  child: ChildProcess;
  /** Everything it wrote on stdout and stderr. */
  output(): string;
  alive(): boolean;
}

/**
 * Several server processes (separate OS processes running server/src/main.ts) on one fresh PostgreSQL
 * database and one Redis. Each cluster gets its own database and its own Redis stream and channels
 * (`REDIS_PREFIX`), so clusters of parallel test files never hear each other.
 */
export class Cluster {
  readonly members: Member[] = [];
  readonly prefix = `actionday-test-${randomBytes(4).toString('hex')}`;
  private admin = postgres(databaseServer, { max: 1, onnotice: () => {} });
  private databaseName = `actionday_mp_${randomBytes(5).toString('hex')}`;
  private databaseUrl = '';
  private dataDir = join(tmpdir(), this.databaseName);

  async create(): Promise<void> {
    await this.admin.unsafe(`create database ${this.databaseName}`);
    const url = new URL(databaseServer);
    url.pathname = `/${this.databaseName}`;
    this.databaseUrl = url.toString();
  }

  /** Starts one more process (on `port`, e.g. that of a process that was killed) and waits until it answers. */
  async start(port?: number): Promise<Member> {
    port ??= await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: this.databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: this.prefix,
        ACTIONDAY_DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        ACTIONDAY_ADMIN_EMAIL: ADMIN.email,
        ACTIONDAY_ADMIN_PASSWORD: ADMIN.password,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    const member: Member = {
      url,
      child,
      output: () => output,
      alive: () => child.exitCode === null && !child.signalCode,
    };
    this.members.push(member);
    for (let i = 0; i < 900; i++) {
      if (!member.alive()) throw new Error(`server exited: ${output}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return member;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server did not start: ${output}`);
  }

  /** Starts `n` processes: the first alone (it migrates and creates the administrator), the rest together. */
  async startMany(n: number): Promise<Member[]> {
    const first = await this.start();
    const rest = await Promise.all(Array.from({ length: n - 1 }, () => this.start()));
    return [first, ...rest];
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.members.map(
        (member) =>
          new Promise((resolve) => {
            if (!member.alive()) return resolve(null);
            member.child.once('exit', resolve);
            member.child.kill('SIGTERM');
            setTimeout(() => member.child.kill('SIGKILL'), 8000).unref();
          }),
      ),
    );
    await this.admin.unsafe(`drop database if exists ${this.databaseName} with (force)`).catch(() => {});
    await this.admin.end({ timeout: 5 });
    const redis = new Redis(redisUrl);
    await redis.del(this.prefix).catch(() => {});
    redis.disconnect();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** An HTTP client with one participant's cookie. */
export class Caller {
  constructor(
    public base: string,
    public cookie: string,
  ) {}

  static async signIn(base: string, email: string, password: string): Promise<Caller> {
    const response = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    return new Caller(base, (response.headers.get('set-cookie') ?? '').split(';')[0] as string);
  }

  /** The same participant through another process. */
  via(base: string): Caller {
    return new Caller(base, this.cookie);
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        origin: this.base,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
  }

  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, json } = await this.call<T>(method, path, body);
    if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(json)}`);
    return json;
  }
}

/** A participant's main socket, connected and joined to the operation. */
export async function joined(
  base: string,
  caller: Caller,
  operationId: string,
): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(base, {
    transports: ['websocket'],
    extraHeaders: { cookie: caller.cookie },
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const answer = await socket.emitWithAck('operation:join', { operationId });
  if (!answer.ok) throw new Error(`join refused: ${JSON.stringify(answer)}`);
  return socket;
}

/** A socket on the notes namespace alone. */
export function notesSocket(base: string, caller: Caller): NotesSocket {
  return io(`${base}${NOTES_NAMESPACE}`, {
    transports: ['websocket'],
    extraHeaders: { cookie: caller.cookie },
    forceNew: true,
    reconnection: false,
  }) as unknown as NotesSocket;
}

/** A participant with a note open through `base`, with the browser's own sync code. */
export function openNote(base: string, caller: Caller, ref: NoteRef) {
  const socket = notesSocket(base, caller);
  const doc = new Y.Doc();
  const sync = new NoteSync(socket, ref, doc);
  return {
    socket,
    doc,
    sync,
    text: () => doc.getXmlFragment(NOTE_FIELD).toString(),
    write(words: string) {
      doc.transact(() => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(words)]);
        const fragment = doc.getXmlFragment(NOTE_FIELD);
        fragment.insert(fragment.length, [paragraph]);
      });
    },
    close() {
      sync.destroy();
      socket.disconnect();
    },
  };
}
