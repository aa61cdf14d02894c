import { createHash } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';
import type { Capture } from '@actionday/shared';
import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { chromiumPath } from '../../browser/chromium.js';
import { openTestDatabase } from '../../test/test-database.js';
import { type Session, TestApp, eventually } from '../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';
import { captures } from './captures.table.js';

/** Polls every 200 ms: a capture takes seconds, and each read of a list is audited. */
async function until<T>(assertion: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The page server of the test, on 127.0.0.1 (allowed by the test's configuration). */
function pageServer() {
  let inFlight = 0;
  const stats = { maxInFlight: 0, slowServed: 0 };
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/page') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-served-by': 'test page' });
      response.end(
        '<!doctype html><html><head><title>Room for rent</title><style>html,body{margin:0}*{margin:0;padding:0}#ad{width:900px;height:1500px}</style></head>' +
          '<body><div id="ad"><h1>Room for rent</h1><p>New girls, available 24/7, call now</p><img src="/pixel.gif"></div></body></html>',
      );
      return;
    }
    if (path === '/pixel.gif') {
      response.writeHead(200, { 'content-type': 'image/gif' });
      response.end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
      return;
    }
    if (path === '/moved') {
      response.writeHead(302, { location: '/page' });
      response.end();
      return;
    }
    if (path === '/to-private') {
      // another loopback address, not in the allowed range: the capture must refuse to follow
      response.writeHead(302, { location: 'http://127.0.0.2:9/admin' });
      response.end();
      return;
    }
    if (path === '/hang') {
      hanging.add(response);
      return;
    }
    if (path === '/slow') {
      inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        stats.slowServed += 1;
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<html><body><p>Slow page ${request.url}</p></body></html>`);
      }, 400);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('gone');
  });
  return {
    server,
    stats,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => resolve());
      }),
  };
}

/** PNG width and height from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const captureConfig = {
  allow: ['127.0.0.1/32'],
  proxy: undefined,
  concurrency: 2,
  timeoutMs: 10_000,
  allowedOnly: true,
};

describe.skipIf(!chromiumPath())('server-side web captures', () => {
  let t: TestApp;
  let pages: ReturnType<typeof pageServer>;
  let site: string;

  beforeAll(async () => {
    pages = pageServer();
    site = await pages.listen();
    t = await TestApp.create({ listen: true, config: { capture: captureConfig } });
  });
  afterAll(async () => {
    await t?.close();
    await pages?.close();
  });

  const world = () =>
    t.seed({
      members: { nl: ['investigator', 'NL'], be: ['investigator', 'BE'], analyst: ['analyst', 'FR'] },
      platforms: 1,
    });

  const request = (session: Session, operationId: string, body: Record<string, unknown>) =>
    t.request(session, 'POST', `/api/operations/${operationId}/captures`, body);

  const settled = (session: Session, id: string, timeoutMs = 20_000) =>
    until(async () => {
      const capture = (await t.request(session, 'GET', `/api/captures/${id}`)).json<Capture>();
      expect(['done', 'failed']).toContain(capture.status);
      return capture;
    }, timeoutMs);

  const download = async (session: Session, evidenceId: string) => {
    const response = await t.request(session, 'GET', `/api/evidence/${evidenceId}/file`);
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  };

  it('a pasted URL is queued at once, then captured by the server: screenshot, archive, text and a manifest whose hashes verify', async () => {
    const w = await world();
    const { nl, be } = w.members;
    const platform = w.platforms[0]!;
    const before = Date.now();
    const asked = await request(nl, w.operation.id, { url: `${site}/moved`, platformId: platform.id });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ id: expect.any(String), status: 'queued' });

    const capture = await settled(nl, asked.json().id);
    expect(capture.failure).toBeNull();
    expect(capture).toMatchObject({
      status: 'done',
      url: `${site}/moved`,
      finalUrl: `${site}/page`,
      httpStatus: 200,
      title: 'Room for rent',
      tls: null,
    });
    expect(capture.headers?.['x-served-by']).toBe('test page');
    // the server's own clock, not the client's
    const capturedAt = Date.parse(capture.capturedAt ?? '');
    expect(capturedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(capturedAt).toBeLessThanOrEqual(Date.now());
    expect(capture.files.map((f) => f.role).sort()).toEqual(['archive', 'manifest', 'screenshot', 'text']);

    // every file downloads as its recorded SHA-256 (re-verified by the server), and so does the manifest
    const bytes = new Map<string, Buffer>();
    for (const file of capture.files) {
      const content = await download(be, file.evidenceId);
      expect(sha256(content)).toBe(file.sha256);
      expect(content.length).toBe(file.size);
      bytes.set(file.role, content);
    }
    const manifest = JSON.parse(bytes.get('manifest')?.toString('utf8') ?? '{}');
    expect(sha256(bytes.get('manifest') ?? Buffer.alloc(0))).toBe(capture.manifestSha256);
    expect(manifest).toMatchObject({ captureId: capture.id, finalUrl: `${site}/page`, httpStatus: 200 });
    for (const listed of manifest.files as { role: string; sha256: string; size: number }[]) {
      const content = bytes.get(listed.role) ?? Buffer.alloc(0);
      expect(sha256(content), listed.role).toBe(listed.sha256);
      expect(content.length).toBe(listed.size);
    }

    // the screenshot is a PNG of the whole page (the viewport's width, the page's height)
    const png = bytes.get('screenshot') ?? Buffer.alloc(0);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: 1280, height: 1500 });
    expect(bytes.get('text')?.toString('utf8')).toContain('New girls, available 24/7, call now');

    // the archive is a WACZ whose WARC parses back and holds the page's response as it was received
    const wacz = unzipSync(new Uint8Array(bytes.get('archive') ?? Buffer.alloc(0)));
    expect(Object.keys(wacz).sort()).toEqual([
      'archive/data.warc.gz',
      'datapackage-digest.json',
      'datapackage.json',
      'indexes/index.cdx',
      'pages/pages.jsonl',
    ]);
    const datapackage = JSON.parse(new TextDecoder().decode(wacz['datapackage.json']));
    for (const resource of datapackage.resources as { path: string; hash: string; bytes: number }[]) {
      expect(`sha256:${sha256(wacz[resource.path] ?? new Uint8Array())}`).toBe(resource.hash);
      expect(wacz[resource.path]?.length).toBe(resource.bytes);
    }
    const records: { type: string; url: string; status: number | undefined; body: string }[] = [];
    for await (const record of new WARCParser([wacz['archive/data.warc.gz'] ?? new Uint8Array()]))
      records.push({
        type: record.warcType ?? '',
        url: record.warcTargetURI ?? '',
        status: record.httpHeaders?.statusCode as number | undefined,
        body: await record.contentText(),
      });
    expect(records.find((r) => r.type === 'response' && r.url === `${site}/moved`)?.status).toBe(302);
    const page = records.find((r) => r.type === 'response' && r.url === `${site}/page`);
    expect(page?.status).toBe(200);
    expect(page?.body).toContain('available 24/7');
    expect(records.some((r) => r.type === 'response' && r.url === `${site}/pixel.gif`)).toBe(true);
    expect(new TextDecoder().decode(wacz['indexes/index.cdx'])).toContain(`${site}/page`.replace('http://', ''));

    // the manifest's hash is anchored in the day's audit log
    await eventually(async () => {
      const entries = await t.app.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, w.operation.id), eq(auditEvents.action, 'capture.done')));
      expect(entries.map((e) => e.details)).toContainEqual(
        expect.objectContaining({ manifestSha256: capture.manifestSha256 }),
      );
    });

    // the files are the platform's evidence; the capture counts once
    const evidence = (
      await t.request(nl, 'GET', `/api/operations/${w.operation.id}/evidence?platformId=${platform.id}`)
    ).json<{ captureRole: string | null; url: string }[]>();
    expect(evidence.map((e) => e.captureRole).sort()).toEqual(['archive', 'manifest', 'screenshot', 'text']);

    // the country package carries the capture's manifest, byte for byte
    const zip = unzipSync(
      new Uint8Array(
        (await t.request(w.coordinator, 'GET', `/api/operations/${w.operation.id}/packages/NL`)).rawPayload,
      ),
    );
    const manifestFile = capture.files.find((f) => f.role === 'manifest');
    const packed = zip[`captures/${manifestFile?.evidenceId}.manifest.json`] ?? new Uint8Array();
    expect(sha256(packed)).toBe(capture.manifestSha256);
  });

  it('what is not a public web page is refused at once: file://, the cloud metadata address, loopback, onion without a proxy', async () => {
    const w = await world();
    const { nl } = w.members;
    const platformId = w.platforms[0]!.id;
    const cases: [string, string][] = [
      ['file:///etc/passwd', 'captures.bad_url'],
      ['javascript:alert(1)', 'captures.bad_url'],
      ['http://169.254.169.254/latest/meta-data/', 'captures.address_refused'],
      ['http://[::1]/', 'captures.address_refused'],
      ['http://127.0.0.2/', 'captures.address_refused'],
      ['http://[::ffff:10.0.0.1]/', 'captures.address_refused'],
      ['http://shop7x2ab3.onion/', 'captures.needs_proxy'],
    ];
    for (const [url, code] of cases) {
      const response = await request(nl, w.operation.id, { url, platformId });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code, url).toBe(code);
    }
    // nothing was queued, and the app's own port is refused even on an allowed address
    const own = await request(nl, w.operation.id, { url: `${t.url}/api/health`, platformId });
    expect(own.json().error.code).toBe('captures.address_refused');
    const rows = await t.app.deps.db.select().from(captures).where(eq(captures.operationId, w.operation.id));
    expect(rows).toHaveLength(0);
  });

  it('a redirect to an address that is not allowed fails the capture with the reason', async () => {
    const w = await world();
    const asked = await request(w.members.nl, w.operation.id, {
      url: `${site}/to-private`,
      platformId: w.platforms[0]!.id,
    });
    expect(asked.statusCode).toBe(202);
    const capture = await settled(w.members.nl, asked.json().id);
    expect(capture.status).toBe('failed');
    expect(capture.failure?.code).toBe('captures.address_refused');
    expect(capture.failure?.message).toContain('127.0.0.2');
    expect(capture.files).toEqual([]);
  });

  it('a page that never answers fails with a timeout, and a page that is gone is captured as gone', async () => {
    const w = await world();
    const { nl } = w.members;
    const platformId = w.platforms[0]!.id;
    const hang = (await request(nl, w.operation.id, { url: `${site}/hang`, platformId })).json().id;
    const gone = (await request(nl, w.operation.id, { url: `${site}/removed-ad`, platformId })).json().id;
    const timedOut = await settled(nl, hang);
    expect(timedOut.status).toBe('failed');
    expect(timedOut.failure).toMatchObject({
      code: 'captures.timeout',
      message: 'The page did not finish loading within 10 s',
    });
    const removed = await settled(nl, gone);
    expect(removed).toMatchObject({ status: 'done', httpStatus: 404 });
  });

  it('ten captures queued run two at a time, all finish, and each is told live to the team', async () => {
    const w = await world();
    const { nl, analyst, be } = w.members;
    const platformId = w.platforms[0]!.id;
    const watcher = await t.socket(be);
    await watcher.emitWithAck('operation:join', { operationId: w.operation.id });
    const seen: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    for (const event of ['capture:queued', 'capture:started', 'capture:done', 'capture:failed'] as const)
      watcher.on(event, ({ capture }) => {
        seen.push(`${event} ${capture.id}`);
        if (event === 'capture:started') mostAtOnce = Math.max(mostAtOnce, ++running);
        if (event === 'capture:done' || event === 'capture:failed') running -= 1;
      });
    pages.stats.maxInFlight = 0;
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      // the analyst may ask for a capture too
      const response = await request(i % 2 ? analyst : nl, w.operation.id, {
        url: `${site}/slow?n=${i % 5}`,
        platformId,
      });
      expect(response.statusCode).toBe(202);
      ids.push(response.json().id);
    }
    const all = await until(async () => {
      const list = (
        await t.request(nl, 'GET', `/api/operations/${w.operation.id}/captures?platformId=${platformId}`)
      ).json<Capture[]>();
      expect(list.filter((c) => c.status !== 'done').map((c) => c.failure?.message ?? c.status)).toEqual([]);
      expect(list).toHaveLength(10);
      return list;
      // about 10 s on an idle machine; generous for a busy one
    }, 80_000);
    // two at a time: never more at the page server, and two were running at once
    expect(pages.stats.maxInFlight).toBeLessThanOrEqual(2);
    await eventually(() => expect(mostAtOnce).toBe(2));
    // the same URL captured twice later in the day keeps both
    expect(all.filter((c) => c.url.endsWith('/slow?n=0'))).toHaveLength(2);
    await eventually(() => {
      for (const id of ids)
        for (const step of ['queued', 'started', 'done']) expect(seen).toContain(`capture:${step} ${id}`);
    });
  }, 90_000);

  it('an investigator of another country cannot see or fetch a TLP:RED capture, live or later', async () => {
    const w = await world();
    const { nl, be } = w.members;
    const outsider = await t.socket(be);
    await outsider.emitWithAck('operation:join', { operationId: w.operation.id });
    const told: string[] = [];
    outsider.on('capture:done', ({ capture }) => told.push(capture.id));
    const asked = await request(nl, w.operation.id, {
      url: `${site}/page`,
      platformId: w.platforms[0]!.id,
      handling: 'TLP:RED',
    });
    const capture = await settled(nl, asked.json().id);
    expect(capture.status).toBe('done');
    expect((await t.request(be, 'GET', `/api/captures/${capture.id}`)).statusCode).toBe(404);
    expect((await t.request(w.coordinator, 'GET', `/api/captures/${capture.id}`)).statusCode).toBe(200);
    const list = (await t.request(be, 'GET', `/api/operations/${w.operation.id}/captures`)).json<Capture[]>();
    expect(list.map((c) => c.id)).not.toContain(capture.id);
    for (const file of capture.files)
      expect((await t.request(be, 'GET', `/api/evidence/${file.evidenceId}/file`)).statusCode).toBe(404);
    expect(told).not.toContain(capture.id);
  });

  it('without Chromium on the server the request is answered 503', async () => {
    const w = await world();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const response = await request(w.members.nl, w.operation.id, {
        url: `${site}/page`,
        platformId: w.platforms[0]!.id,
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('captures.unavailable');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('a restart of the server mid-queue resumes the captures it had not finished', async () => {
    const database = await openTestDatabase();
    const config = { capture: { ...captureConfig, concurrency: 1 }, dataDir: t.app.deps.config.dataDir };
    const first = await TestApp.create({ database, keepDatabaseOpen: true, config });
    const w = await first.seed({ members: { nl: ['investigator', 'NL'] }, platforms: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        (
          await first.request(w.members.nl, 'POST', w.path('/captures'), {
            url: `${site}/slow?r=${i}`,
            platformId: w.platforms[0]!.id,
          })
        ).json().id,
      );
    await until(async () => {
      const rows = await first.app.deps.db.select().from(captures).where(eq(captures.operationId, w.operation.id));
      expect(rows.some((r) => r.status === 'running')).toBe(true);
    }, 10_000);
    await first.close();
    const left = await database.db.select().from(captures).where(eq(captures.operationId, w.operation.id));
    expect(left.filter((r) => r.status === 'queued').length).toBeGreaterThan(0);
    expect(left.some((r) => r.status === 'running')).toBe(false);

    const second = await TestApp.create({ database, config });
    try {
      await until(async () => {
        const rows = await second.app.deps.db.select().from(captures).where(eq(captures.operationId, w.operation.id));
        expect(rows.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done']);
        expect(rows.every((r) => r.attempts === 1 || r.attempts === 2)).toBe(true);
      }, 40_000);
    } finally {
      await second.close();
    }
  }, 60_000);
  it('an onion address goes through the configured proxy, never directly', async () => {
    // a forward proxy on 127.0.0.1 that answers every host from the test's page server
    const seen: string[] = [];
    const proxy = createServer((incoming, outgoing) => {
      seen.push(incoming.url ?? '');
      const target = new URL(incoming.url ?? '/');
      const forwarded = httpRequest(
        `${site}${target.pathname}${target.search}`,
        { method: incoming.method },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    });
    // a tunnel (CONNECT host:port), as Playwright's fetch asks for, always to the page server
    const tunnels = new Set<Socket>();
    proxy.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
      seen.push(incoming.url ?? '');
      tunnels.add(client);
      const upstream = connect(Number(new URL(site).port), '127.0.0.1', () => {
        tunnels.add(upstream);
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const proxied = await TestApp.create({ config: { capture: { ...captureConfig, proxy: proxyUrl } } });
    try {
      const w = await proxied.seed({ members: { nl: ['investigator', 'NL'] }, platforms: 1 });
      const onion = 'http://shop7x2ab3cd4ef5gh.onion/page';
      const asked = await proxied.request(w.members.nl, 'POST', w.path('/captures'), {
        url: onion,
        platformId: w.platforms[0]!.id,
      });
      expect(asked.statusCode).toBe(202);
      const capture = await until(async () => {
        const read = (await proxied.request(w.members.nl, 'GET', `/api/captures/${asked.json().id}`)).json<Capture>();
        expect(['done', 'failed']).toContain(read.status);
        return read;
      }, 30_000);
      expect(capture.failure?.message ?? null).toBeNull();
      expect(capture).toMatchObject({ status: 'done', finalUrl: onion, httpStatus: 200, title: 'Room for rent' });
      expect(seen).toContain('shop7x2ab3cd4ef5gh.onion:80');
    } finally {
      await proxied.close();
      for (const tunnel of tunnels) tunnel.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  }, 60_000);
});
