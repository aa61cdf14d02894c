import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from './api';

/** A bare HTTP server standing in for a flaky room Wi-Fi: it can drop a request's connection before answering. */
async function flakyServer(dropFirst: number) {
  const seen: { method: string; key: string | undefined }[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    seen.push({ method: request.method ?? '', key: request.headers['idempotency-key'] as string | undefined });
    if (seen.length <= dropFirst) {
      request.socket.destroy();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the API wrapper', () => {
  it('sends every write with a fresh Idempotency-Key, and reads without one', async () => {
    const server = await flakyServer(0);
    close = server.close;
    await api(`${server.url}/a`, { method: 'POST', body: { x: 1 } });
    await api(`${server.url}/b`, { method: 'PATCH', body: { x: 2 } });
    await api(`${server.url}/c`, { method: 'DELETE' });
    await api(`${server.url}/d`);
    const [post, patch, remove, get] = server.seen;
    expect(post?.key).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set([post?.key, patch?.key, remove?.key]).size).toBe(3);
    expect(get).toEqual({ method: 'GET', key: undefined });
  });

  it('sends a write whose answer was lost again with the same key', async () => {
    const server = await flakyServer(2);
    close = server.close;
    await expect(api(`${server.url}/x`, { method: 'POST', body: {}, retryDelays: [1, 1] })).resolves.toEqual({
      ok: true,
    });
    expect(server.seen).toHaveLength(3);
    expect(new Set(server.seen.map((s) => s.key)).size).toBe(1);
  });

  it('gives up after its retries, and never retries a read', async () => {
    const writes = await flakyServer(10);
    close = writes.close;
    await expect(api(`${writes.url}/x`, { method: 'PUT', body: {}, retryDelays: [1, 1] })).rejects.toMatchObject({
      code: 'network.failed',
    });
    expect(writes.seen).toHaveLength(3);
    await expect(api(`${writes.url}/y`)).rejects.toMatchObject({ code: 'network.failed' });
    expect(writes.seen).toHaveLength(4);
  });
});
