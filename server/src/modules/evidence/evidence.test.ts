import { createHash } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Evidence, Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';
import { evidence } from './evidence.table.js';

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('fake screenshot pixels'),
]);

function multipart(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }) {
  const boundary = '----actionday-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('evidence files', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let nl: Session;
  let be: Session;
  let observer: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create();
    ({ operation, coordinator } = await t.operation());
    nl = await t.member(operation.id, coordinator, 'investigator', 'NL');
    be = await t.member(operation.id, coordinator, 'investigator', 'BE');
    observer = await t.member(operation.id, coordinator, 'observer', 'NL');
    platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'Ads',
        url: 'https://ads.example.org',
        category: 'classified_ads',
      })
    ).json<Platform>();
  });
  afterAll(() => t.close());

  const upload = (
    session: Session,
    fields: Record<string, string>,
    file?: { name: string; type: string; content: Buffer },
  ) => {
    const body = multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: `/api/operations/${operation.id}/evidence`,
      headers: { ...body.headers, cookie: session.cookie },
      payload: body.payload,
    });
  };

  it('an uploaded screenshot keeps its SHA-256, and the download is verified against it', async () => {
    const response = await upload(
      nl,
      { platformId: platform.id, url: 'https://ads.example.org/ad/123', capturedAt: '2022-09-06T09:15:00+02:00' },
      { name: 'ad 123.png', type: 'image/png', content: png },
    );
    expect(response.statusCode).toBe(201);
    const stored = response.json<Evidence>();
    const expected = createHash('sha256').update(png).digest('hex');
    expect(stored).toMatchObject({
      sha256: expected,
      size: png.length,
      mimeType: 'image/png',
      fileName: 'ad 123.png',
      capturedAt: '2022-09-06T07:15:00.000Z',
      country: 'NL',
    });
    const download = await t.request(be, 'GET', `/api/evidence/${stored.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers['x-evidence-sha256']).toBe(expected);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    // an observer may not see evidence: for them it is as if it did not exist (#13: hidden and unknown ids alike)
    expect((await t.request(observer, 'GET', `/api/evidence/${stored.id}/file`)).statusCode).toBe(404);
  });

  it('a file altered on disk is withheld with evidence.integrity_failed', async () => {
    const stored = (
      await upload(nl, { platformId: platform.id }, { name: 'a.png', type: 'image/png', content: png })
    ).json<Evidence>();
    const row = (await t.app.deps.db.select().from(evidence)).find((r) => r.id === stored.id);
    const path = join(t.app.deps.config.dataDir, row?.storagePath ?? 'missing');
    // stored read-only (root may still write, as an intruder with root would)
    expect((await stat(path)).mode & 0o777).toBe(0o444);
    await chmod(path, 0o644);
    await writeFile(path, Buffer.concat([png, Buffer.from('tampered')]));
    const download = await t.request(nl, 'GET', `/api/evidence/${stored.id}/file`);
    expect(download.statusCode).toBe(409);
    expect(download.json().error.code).toBe('evidence.integrity_failed');
    expect((await readFile(path)).length).toBe(png.length + 8);
  });

  it('bad uploads are refused with a clear code and store nothing', async () => {
    const before = (await t.app.deps.db.select().from(evidence)).length;
    const cases: [
      Record<string, string>,
      { name: string; type: string; content: Buffer } | undefined,
      number,
      string,
    ][] = [
      [{ platformId: platform.id }, undefined, 400, 'evidence.missing_file'],
      [
        { platformId: platform.id },
        { name: 'x.exe', type: 'application/x-msdownload', content: Buffer.from('MZ') },
        415,
        'evidence.bad_type',
      ],
      [
        { platformId: platform.id },
        { name: 'fake.png', type: 'image/png', content: Buffer.from('<html>not a png</html>') },
        415,
        'evidence.content_mismatch',
      ],
      [
        { platformId: '00000000-0000-4000-8000-000000000000' },
        { name: 'a.png', type: 'image/png', content: png },
        400,
        'findings.platform_mismatch',
      ],
      [{ platformId: 'nope' }, { name: 'a.png', type: 'image/png', content: png }, 400, 'request.invalid'],
    ];
    for (const [fields, file, status, code] of cases) {
      const response = await upload(nl, fields, file);
      expect(response.statusCode, code).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect((await t.app.deps.db.select().from(evidence)).length).toBe(before);
  });

  it('an oversized file is refused with 413', async () => {
    const big = Buffer.alloc(26 * 1024 * 1024, 0x41);
    const response = await upload(
      nl,
      { platformId: platform.id },
      { name: 'big.txt', type: 'text/plain', content: big },
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('evidence.too_large');
  });

  it('TLP:RED evidence is listed only for the capturing country and coordinators', async () => {
    const red = (
      await upload(
        nl,
        { platformId: platform.id, handling: 'TLP:RED' },
        { name: 'r.png', type: 'image/png', content: png },
      )
    ).json<Evidence>();
    const ids = async (s: Session) =>
      (await t.request(s, 'GET', `/api/operations/${operation.id}/evidence`)).json<Evidence[]>().map((e) => e.id);
    expect(await ids(coordinator)).toContain(red.id);
    expect(await ids(be)).not.toContain(red.id);
    expect((await t.request(be, 'GET', `/api/evidence/${red.id}/file`)).statusCode).toBe(404);
  });

  it("a capture of another country's possible victim is that victim's record: not for other countries' investigators", async () => {
    const victim = (
      await t.request(nl, 'POST', `/api/operations/${operation.id}/findings`, {
        kind: 'victim',
        platformId: platform.id,
        exploitation: 'sexual',
      })
    ).json().finding;
    const capture = (
      await upload(
        nl,
        { platformId: platform.id, findingId: victim.id },
        { name: 'v.png', type: 'image/png', content: png },
      )
    ).json<Evidence>();
    const ids = async (s: Session) =>
      (await t.request(s, 'GET', `/api/operations/${operation.id}/evidence`)).json<Evidence[]>().map((e) => e.id);
    expect(await ids(nl)).toContain(capture.id);
    expect(await ids(coordinator)).toContain(capture.id);
    expect(await ids(be)).not.toContain(capture.id);
    expect((await t.request(be, 'GET', `/api/evidence/${capture.id}/file`)).statusCode).toBe(404);
    // once the finding is deleted, its evidence is no longer handed out (but the coordinator keeps it)
    await t.request(nl, 'DELETE', `/api/findings/${victim.id}`);
    expect(await ids(nl)).not.toContain(capture.id);
    expect(await ids(coordinator)).toContain(capture.id);
  });
});
