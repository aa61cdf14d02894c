import { Agent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { epochMs } from '../lib/time.js';

/** What one request came back with; `status` 0 means no answer (timeout or connection error). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  /** The server's stable error code (`{ error: { code } }`) on a 4xx/5xx. */
  errorCode: string | null;
  /** From `startedAt` (the intended send time, for open-loop load) to the last byte. */
  ms: number;
  timedOut: boolean;
  bytes: number;
}

/** Thrown by `call` on anything but 2xx: setup steps must not go on after a refusal. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  /** Abort after this many ms from `startedAt` (counted as a timeout). */
  timeoutMs?: number;
  /** When the request was due (epoch ms); latency counts from here. Default: now. */
  startedAt?: number;
  headers?: Record<string, string>;
  /** Keep the body as raw bytes (e.g. a gzipped report) instead of parsing JSON. */
  raw?: boolean;
}

/**
 * A participant's HTTP side: one keep-alive connection pool (six sockets, as a
 * browser keeps per host) and the session cookie, through the public API only.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  private readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    cookie: string | null = null,
    maxSockets = 6,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
    if (cookie) for (const part of cookie.split(/;\s*/)) this.keepCookie(part);
  }

  /** The Cookie header this client sends (also used for its sockets' handshakes). */
  get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keepCookie(setCookie: string): void {
    const pair = setCookie.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    if (at <= 0) return;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  /** Sends one request and reports what came back; never throws. */
  send<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Answer<T>> {
    const startedAt = options.startedAt ?? epochMs();
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    const cookie = this.cookie;
    if (cookie) headers.cookie = cookie;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (answer: Omit<Answer<T>, 'ms'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...answer, ms: epochMs() - startedAt });
      };
      const request = httpRequest(new URL(path, this.baseUrl), { method, headers, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => finish(noAnswer<T>(false)));
        response.on('end', () => {
          this.readCookies(response.headers);
          const raw = Buffer.concat(chunks);
          const status = response.statusCode ?? 0;
          const parsed = options.raw ? raw : parseJson(raw);
          finish({
            status,
            body: parsed as T,
            errorCode: status >= 400 ? errorCodeOf(parsed) : null,
            timedOut: false,
            bytes: raw.length,
          });
        });
      });
      const left = options.timeoutMs === undefined ? null : startedAt + options.timeoutMs - epochMs();
      const timer = setTimeout(
        () => {
          finish(noAnswer<T>(true));
          request.destroy();
        },
        left === null ? 2_147_000_000 : Math.max(0, left),
      );
      request.on('error', () => finish(noAnswer<T>(false)));
      if (payload) request.write(payload);
      request.end();
    });
  }

  /** Sends one request and answers its body; throws an ApiError on anything but 2xx. */
  async call<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const answer = await this.send<T>(method, path, body, { timeoutMs: 60_000, ...options });
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    throw new ApiError(
      answer.status,
      answer.errorCode,
      `${method} ${path} answered ${answer.timedOut ? 'nothing (timeout)' : answer.status} ${answer.errorCode ?? ''}`,
    );
  }

  private readCookies(headers: IncomingHttpHeaders): void {
    for (const line of headers['set-cookie'] ?? []) this.keepCookie(line);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }
}

function noAnswer<T>(timedOut: boolean): Omit<Answer<T>, 'ms'> {
  return { status: 0, body: null as T, errorCode: timedOut ? 'timeout' : 'connection', timedOut, bytes: 0 };
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return raw.toString('utf8');
  }
}

function errorCodeOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: { code?: unknown } }).error;
  return typeof error?.code === 'string' ? error.code : null;
}
