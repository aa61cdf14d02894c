import { chmod, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Evidence, Platform } from '@actionday/shared';
import { checkStoredEvidence } from '@actionday/server/modules/evidence/index';
import { type Session, TestApp } from '@actionday/server/test/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from './openapi.support.js';

describe('evidence is checked continuously', () => {
  let t: TestApp;
  let operationId: string;
  let coordinator: Session;
  let investigator: Session;
  let platform: Platform;

  beforeAll(async () => {
    t = await TestApp.create();
    ({
      operation: { id: operationId },
      coordinator,
    } = await t.operation());
    investigator = await t.member(operationId, coordinator, 'investigator', 'NL');
    platform = (
      await t.request(coordinator, 'POST', `/api/operations/${operationId}/platforms`, {
        name: 'Ads',
        url: 'https://ads.example.org',
        category: 'classified_ads',
      })
    ).json<Platform>();
  });
  afterAll(() => t.close());

  const upload = async () => {
    const body = multipart({ platformId: platform.id });
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/operations/${operationId}/evidence`,
      headers: { cookie: investigator.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(answer.statusCode).toBe(201);
    return answer.json<Evidence>();
  };
  const listed = async (id: string) =>
    (await t.request(investigator, 'GET', `/api/operations/${operationId}/evidence`))
      .json<Evidence[]>()
      .find((e) => e.id === id);
  const fileOf = (id: string) => join(t.app.deps.config.dataDir, 'evidence', operationId, id);
  const check = () =>
    checkStoredEvidence({ db: t.app.deps.db, dataDir: t.app.deps.config.dataDir, now: t.app.deps.now });
  const integrityEntries = async (id: string) =>
    (await t.request(coordinator, 'GET', `/api/operations/${operationId}/audit`))
      .json<{ action: string; targetId: string | null }[]>()
      .filter((e) => e.action === 'evidence.integrity_failed' && e.targetId === id);

  it('a new capture is listed unchecked, and verified once the background check has hashed it again', async () => {
    const stored = await upload();
    expect(stored).toMatchObject({ integrity: 'unchecked', verifiedAt: null });
    await check();
    expect(await listed(stored.id)).toMatchObject({ integrity: 'verified', verifiedAt: expect.any(String) });
  });

  it('a file altered on disk is flagged in the list and the audit trail without anyone downloading it', async () => {
    const stored = await upload();
    await chmod(fileOf(stored.id), 0o644);
    await writeFile(fileOf(stored.id), 'altered');
    // two processes checking at the same time flag it once
    await Promise.all([check(), check()]);
    expect(await listed(stored.id)).toMatchObject({ integrity: 'failed' });
    expect(await integrityEntries(stored.id)).toHaveLength(1);
    // and it stays flagged: a later check does not record it again, a download is refused with its code
    await check();
    expect(await integrityEntries(stored.id)).toHaveLength(1);
    const download = await t.request(investigator, 'GET', `/api/evidence/${stored.id}/file`);
    expect(download.statusCode).toBe(409);
    expect(download.json().error.code).toBe('evidence.integrity_failed');
    expect(await integrityEntries(stored.id)).toHaveLength(1);
  });

  it('a file gone from disk is flagged too, and a download of it is a 409, never a 500', async () => {
    const stored = await upload();
    await rm(fileOf(stored.id), { force: true });
    const download = await t.request(investigator, 'GET', `/api/evidence/${stored.id}/file`);
    expect(download.statusCode).toBe(409);
    expect(await listed(stored.id)).toMatchObject({ integrity: 'failed' });
    expect(await integrityEntries(stored.id)).toHaveLength(1);
  });
});
