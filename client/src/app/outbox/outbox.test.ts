import 'fake-indexeddb/auto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Queued, discardEntry, flushOutbox, outboxEntries, sendThroughOutbox, setOutboxUser } from './outbox';

/**
 * A bare HTTP server standing in for the API behind a room's Wi-Fi: it records every write with its key and
 * answers what each test scripts (503 while "down", a 409 refusal on `/refused`, else the body back).
 */
const seen: { path: string; key: string; body: string }[] = [];
let down = 0;
let server: Server;
let base = '';
const network = { onLine: true };

beforeAll(async () => {
  vi.stubGlobal('navigator', network);
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      seen.push({ path: request.url ?? '', key: String(request.headers['idempotency-key']), body });
      response.setHeader('content-type', 'application/json');
      if (down > 0) {
        down -= 1;
        response.writeHead(503).end(JSON.stringify({ error: { code: 'server.internal', message: 'down' } }));
      } else if (request.url === '/refused') {
        response
          .writeHead(409)
          .end(JSON.stringify({ error: { code: 'platforms.not_holder', message: 'This platform is not claimed' } }));
      } else response.writeHead(200).end(body || '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let user = 0;
beforeEach(async () => {
  // each test is another account on the device: its own queue
  user += 1;
  seen.length = 0;
  down = 0;
  network.onLine = true;
  await setOutboxUser(`user-${user}`);
});

const write = (path: string, body: unknown) =>
  sendThroughOutbox<unknown>({ kind: 'finding', method: 'POST', path: `${base}${path}`, body, operationId: 'op' });

describe('the outbox', () => {
  it('a write answered in time gives the answer and leaves nothing on the device', async () => {
    await expect(write('/findings', { aliases: ['Ivan'] })).resolves.toEqual({ aliases: ['Ivan'] });
    expect(outboxEntries()).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('writes made offline wait on the device and are sent in order, once each, when the network is back', async () => {
    network.onLine = false;
    const first = await write('/findings', { aliases: ['first'] });
    const second = await write('/findings', { aliases: ['second'] });
    expect(first).toBeInstanceOf(Queued);
    expect(second).toBeInstanceOf(Queued);
    expect(seen).toHaveLength(0);
    expect(outboxEntries().map((entry) => entry.body)).toEqual([{ aliases: ['first'] }, { aliases: ['second'] }]);

    network.onLine = true;
    await flushOutbox();
    expect(seen.map((request) => JSON.parse(request.body))).toEqual([{ aliases: ['first'] }, { aliases: ['second'] }]);
    expect(new Set(seen.map((request) => request.key)).size).toBe(2);
    expect(outboxEntries()).toEqual([]);
  });

  it('a server error keeps the write queued and it is sent again later with the same key, by itself', async () => {
    down = 1;
    const answer = await write('/findings', { aliases: ['retried'] });
    expect(answer).toBeInstanceOf(Queued);
    expect(outboxEntries()).toHaveLength(1);
    expect(outboxEntries()[0]?.attempts).toBe(1);
    // the backoff (about a second after the first failure) sends it again without anybody asking
    await vi.waitFor(() => expect(outboxEntries()).toHaveLength(0), { timeout: 5_000, interval: 100 });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.key).toBe(seen[1]?.key);
  });

  it('a refusal of a queued write is kept with its reason until discarded by hand, and the queue goes on', async () => {
    network.onLine = false;
    await write('/refused', { verdict: 'suspected', summary: 'Ads with prices' });
    await write('/findings', { aliases: ['after'] });
    network.onLine = true;
    await flushOutbox();
    const [refused, ...rest] = outboxEntries();
    expect(rest).toEqual([]);
    expect(refused?.refusal).toMatchObject({ status: 409, code: 'platforms.not_holder' });
    expect(refused?.body).toEqual({ verdict: 'suspected', summary: 'Ads with prices' });
    expect(seen.map((request) => request.path)).toEqual(['/refused', '/findings']);

    // sending again does not send a refused entry, nor drop it
    await flushOutbox();
    expect(seen).toHaveLength(2);
    expect(outboxEntries()).toHaveLength(1);
    await discardEntry(refused?.seq ?? -1);
    expect(outboxEntries()).toEqual([]);
  });

  it('a refusal while its author still waits goes back to the form, and nothing is kept', async () => {
    await expect(write('/refused', { verdict: 'none' })).rejects.toMatchObject({ code: 'platforms.not_holder' });
    expect(outboxEntries()).toEqual([]);
  });

  it('another account on the same device neither sees nor sends what the first one kept', async () => {
    network.onLine = false;
    await write('/findings', { aliases: ['mine'] });
    network.onLine = true;
    await setOutboxUser('someone-else');
    await flushOutbox();
    expect(outboxEntries()).toEqual([]);
    expect(seen).toHaveLength(0);
  });
});
