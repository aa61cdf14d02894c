import { randomUUID } from 'node:crypto';
import { type Answer, ApiClient } from '../bench/clients/http.js';

/** What a write came to after its retries: done (with the answer, when the server could still give it) or refused. */
export type Outcome<T> = { done: true; body: T | null } | { done: false; status: number; code: string | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A participant's HTTP side across the server's processes: requests go to one URL; when it does not answer (a
 * process stopped or killed) they move to the next. Every write carries an Idempotency-Key and is retried with
 * the same key until it has an answer, so a lost answer is never a lost or doubled write — which is what lets
 * the drill count exactly what the server acknowledged.
 */
export class Caller {
  private readonly clients: ApiClient[];
  private at: number;

  constructor(urls: string[], cookie: string, start = 0) {
    this.clients = urls.map((url) => new ApiClient(url, cookie, 2));
    this.at = start % urls.length;
  }

  get cookie(): string {
    return this.clients[this.at]?.cookie ?? '';
  }

  /** The URL in use now (sockets follow it). */
  get url(): string {
    return this.clients[this.at]?.baseUrl ?? '';
  }

  /** How many times a request moved to another process because the one in use did not answer. */
  moves = 0;

  private next(): void {
    this.at = (this.at + 1) % this.clients.length;
    this.moves += 1;
  }

  /** A read: retried on another process when one does not answer; throws after a minute of silence. */
  async read<T>(path: string): Promise<T> {
    for (const deadline = Date.now() + 60_000; ; ) {
      const answer = await (this.clients[this.at] as ApiClient).send<T>('GET', path, undefined, { timeoutMs: 20_000 });
      if (answer.status >= 200 && answer.status < 300) return answer.body;
      if (!unanswered(answer) || Date.now() > deadline)
        throw new Error(`GET ${path} answered ${answer.status} ${answer.errorCode ?? ''}`);
      this.next();
      await sleep(250);
    }
  }

  /** A write with its own Idempotency-Key, retried (same key) until the server answers it. */
  async write<T>(method: string, path: string, body?: unknown): Promise<Outcome<T>> {
    const key = randomUUID();
    for (const deadline = Date.now() + 120_000; ; ) {
      const answer = await (this.clients[this.at] as ApiClient).send<T>(method, path, body, {
        timeoutMs: 20_000,
        headers: { 'idempotency-key': key },
      });
      if (answer.status >= 200 && answer.status < 300) return { done: true, body: answer.body };
      // the first try committed but its answer was lost: it was done, once
      if (answer.errorCode === 'request.already_applied') return { done: true, body: null };
      if (!unanswered(answer) || Date.now() > deadline)
        return { done: false, status: answer.status, code: answer.errorCode };
      this.next();
      await sleep(250);
    }
  }

  /** An upload (multipart) with its Idempotency-Key, retried like `write`. */
  async upload<T>(
    path: string,
    fields: Record<string, string>,
    file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> },
  ) {
    const key = randomUUID();
    for (const deadline = Date.now() + 120_000; ; ) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      form.set('file', new Blob([file.bytes], { type: file.type }), file.name);
      let status = 0;
      let code: string | null = null;
      let body: T | null = null;
      try {
        const response = await fetch(`${this.url}${path}`, {
          method: 'POST',
          body: form,
          headers: { cookie: this.cookie, 'idempotency-key': key },
          signal: AbortSignal.timeout(20_000),
        });
        status = response.status;
        const json = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
        code = json?.error?.code ?? null;
        body = json as T | null;
      } catch {
        status = 0;
      }
      if (status >= 200 && status < 300) return { done: true, body } as Outcome<T>;
      if (code === 'request.already_applied') return { done: true, body: null } as Outcome<T>;
      const retry = status === 0 || status === 502 || status === 503 || status === 504;
      if (!retry || Date.now() > deadline) return { done: false, status, code } as Outcome<T>;
      this.next();
      await sleep(250);
    }
  }

  close(): void {
    for (const client of this.clients) client.close();
  }
}

/** No answer, or an answer from a process on its way down or a proxy without a process behind it. */
function unanswered(answer: Answer): boolean {
  return answer.status === 0 || answer.status === 502 || answer.status === 503 || answer.status === 504;
}
