import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Evidence, Platform } from '@actionday/shared';
import { type App, buildApp } from '@actionday/server/app';
import { createSession, insertUser } from '@actionday/server/modules/auth/index';
import { openTestDatabase } from '@actionday/server/test/test-database';
import { type Session, TestApp, testConfig } from '@actionday/server/test/test-app';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]);

/** A multipart body with text fields and any number of PNG file parts, in the order given. */
function multipart(parts: ({ field: string; value: string } | { file: string })[]) {
  const boundary = '----actionday-bad-input';
  const chunks = parts.flatMap((part) =>
    'field' in part
      ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"\r\n\r\n${part.value}\r\n`)]
      : [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${part.file}"\r\nContent-Type: image/png\r\n\r\n`,
          ),
          png,
          Buffer.from('\r\n'),
        ],
  );
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Every file under a folder, recursively (the evidence folder: sealed files and temporary ones). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('bad input is answered 4xx and changes nothing', () => {
  let t: TestApp;
  let operationId: string;
  let coordinator: Session;
  let investigator: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create();
    const made = await t.operation();
    operationId = made.operation.id;
    coordinator = made.coordinator;
    investigator = await t.member(operationId, coordinator, 'investigator', 'NL');
    platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operationId}/platforms`, {
        name: 'Ads',
        url: `https://${randomUUID()}.example.org`,
        category: 'classified_ads',
      })
    ).json<Platform>();
  });
  afterAll(() => t.close());

  const evidenceDir = () => join(t.app.deps.config.dataDir, 'evidence');
  const listEvidence = async () =>
    (await t.request(investigator, 'GET', `/api/operations/${operationId}/evidence`)).json<Evidence[]>();

  const upload = (body: ReturnType<typeof multipart>, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/operations/${operationId}/evidence`,
      headers: {
        cookie: investigator.cookie,
        'content-type': body.contentType,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      payload: body.payload,
    });

  it('an upload with two files is refused, stores neither, and its retry stores nothing either', async () => {
    const before = { files: await filesUnder(evidenceDir()), rows: (await listEvidence()).length };
    const twoFiles = multipart([{ field: 'platformId', value: platform.id }, { file: 'one.png' }, { file: 'two.png' }]);
    const key = randomUUID();
    for (const attempt of [1, 2]) {
      const answer = await upload(twoFiles, key);
      expect(answer.statusCode, `attempt ${attempt}`).toBe(400);
      expect(answer.json().error.code).toBe('evidence.one_file');
    }
    expect(await filesUnder(evidenceDir())).toEqual(before.files);
    expect((await listEvidence()).length).toBe(before.rows);
  });

  it('a field sent after the file is read before anything is stored: a bad one stores no file', async () => {
    const before = await filesUnder(evidenceDir());
    const answer = await upload(
      multipart([{ file: 'late.png' }, { field: 'platformId', value: platform.id }, { field: 'handling', value: 'X' }]),
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.code).toBe('request.invalid');
    expect(await filesUnder(evidenceDir())).toEqual(before);
  });

  it('a single file after its fields is still stored once, also when the upload is retried', async () => {
    const key = randomUUID();
    const body = multipart([{ field: 'platformId', value: platform.id }, { file: 'capture.png' }]);
    const first = await upload(body, key);
    expect(first.statusCode).toBe(201);
    const retry = await upload(body, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.json<Evidence>().id).toBe(first.json<Evidence>().id);
    expect((await listEvidence()).filter((e) => e.id === first.json<Evidence>().id)).toHaveLength(1);
  });

  it('nobody without a session can make the server read a large body: sign-in takes 16 KB at most', async () => {
    for (const contentType of ['application/json', 'text/csv']) {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'content-type': contentType },
        payload: JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(64 * 1024) }),
      });
      expect(answer.statusCode, contentType).toBe(413);
      expect(answer.json().error.code).toBe('request.too_large');
    }
  });

  it('a CSV of several megabytes is taken only by the routes that import lists', async () => {
    const csv = `name,url,category\n${'x'.repeat(2 * 1024 * 1024)}`;
    const announcement = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operationId}/announcements`,
      headers: { cookie: coordinator.cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(announcement.statusCode).toBe(413);
    const list = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operationId}/reference-lists?name=Big`,
      headers: { cookie: coordinator.cookie, 'content-type': 'text/csv' },
      payload: `kind,value\nemail,${'a'.repeat(4 * 1024 * 1024)}@example.org`,
    });
    // a 4 MB value is a line refused by name, never a database error
    expect(list.statusCode).toBe(201);
    expect(list.json()).toMatchObject({ entries: 0, rejected: [{ line: 2, message: 'Too long for an identifier' }] });
  });
});

describe('malformed socket messages', () => {
  let app: App;
  let url: string;
  const logged: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    app = await buildApp({
      config: testConfig(),
      database: await openTestDatabase(),
      clientDir: false,
      claimSweepMs: 0,
      bootstrap: false,
      logger: { level: 'info', stream: { write: (line) => logged.push(JSON.parse(line)) } },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => app.close());

  it('are answered request.invalid and are not logged as server errors', async () => {
    const userId = await insertUser(app.deps.db, {
      email: `${randomUUID()}@example.org`,
      name: 'Probe',
      passwordHash: 'x',
    });
    const cookie = `actionday_session=${await createSession(app.deps.db, userId)}`;
    const socket = ioClient(url, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const payloads: unknown[] = [5, null, 'x', [], { operationId: 'not-an-id' }, { operationId: { $gt: '' } }];
    for (const event of ['operation:join', 'operation:leave']) {
      for (const payload of payloads) {
        const answer = await socket.timeout(2000).emitWithAck(event as 'operation:join', payload as never);
        expect(answer, `${event} ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { code: 'request.invalid' },
        });
      }
    }
    socket.disconnect();
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
  });
});
