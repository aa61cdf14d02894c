import type { ImportResult, Operation, Platform } from '@actionday/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';

const onion = `${'b'.repeat(56)}.onion`;
const csv = [
  'name,url,category,tags,languages,priority',
  'Good dating site,https://good-dating.example.org,dating,ukraine,uk;ru,5',
  ',https://nameless.example.org,forum,,,',
  'Broken address,not a url,forum,,,',
  'Short onion,http://abc.onion,dark_web,,,',
  'Casino,https://casino.example.org,casino,,,',
  'Brazil focus,https://brazil.example.org,forum,brazil,,',
  'Already listed,https://WWW.existing.example.org/,forum,,,',
  'Hidden market,' + onion + ',dark_web,,,',
  'Twice,https://twice.example.org,messaging,,,',
  'Twice again,https://twice.example.org/,messaging,,,',
].join('\r\n');

describe.shuffle('importing the target list', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;

  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  // every test in an operation of its own, with one platform already listed
  beforeEach(async () => {
    ({ operation, coordinator } = await t.seed({
      platforms: [{ name: 'Existing', url: 'https://existing.example.org', category: 'forum' }],
    }));
  });

  const importUrl = (dryRun: boolean) => `/api/operations/${operation.id}/platforms/import?dryRun=${dryRun}`;
  const upload = (session: Session, body: string | unknown[], dryRun: boolean) =>
    t.app.inject({
      method: 'POST',
      url: importUrl(dryRun),
      headers: { cookie: session.cookie, 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async () =>
    (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/platforms`)).json<Platform[]>().length;

  it("a dry run shows each row's problem precisely and writes nothing", async () => {
    const response = await upload(coordinator, csv, true);
    expect(response.statusCode).toBe(200);
    const result = response.json<ImportResult>();
    expect(result).toMatchObject({ dryRun: true, total: 10, valid: 3, invalid: 7, created: 0 });
    const problemsByLine = Object.fromEntries(result.rows.map((r) => [r.line, r.problems.map((p) => p.code)]));
    expect(problemsByLine).toEqual({
      2: [],
      3: ['missing_name'],
      4: ['bad_url'],
      5: ['bad_url'],
      6: ['unknown_category'],
      7: ['unknown_tag'],
      8: ['duplicate_existing'],
      9: [],
      10: [],
      11: ['duplicate_in_file'],
    });
    expect(await count()).toBe(1);
  });

  it('the real run writes all valid rows in one go', async () => {
    const result = (await upload(coordinator, csv, false)).json<ImportResult>();
    expect(result).toMatchObject({ dryRun: false, valid: 3, created: 3 });
    const board = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/platforms`)).json<Platform[]>();
    expect(board.map((p) => p.name).sort()).toEqual(['Existing', 'Good dating site', 'Hidden market', 'Twice']);
    expect(board.find((p) => p.name === 'Good dating site')).toMatchObject({
      tags: ['ukraine'],
      languages: ['uk', 'ru'],
      priority: 5,
      category: 'dating',
    });
  });

  it('a JSON list is checked the same way, and is checked again at write time', async () => {
    const before = await count();
    const list = [
      { name: 'Json one', url: 'https://json-one.example.org', category: 'escort_ads' },
      { name: 'Json two', url: 'https://json-two.example.org', category: 'help_platform', tags: ['ukraine'] },
    ];
    const dry = (await upload(coordinator, list, true)).json<ImportResult>();
    expect(dry).toMatchObject({ valid: 2, invalid: 0, created: 0 });
    expect(await count()).toBe(before);
    // another coordinator adds one of the rows between preview and import: the import reports it and writes the rest
    await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
      name: 'Racer',
      url: 'https://json-two.example.org/',
      category: 'forum',
    });
    const conflicted = await upload(coordinator, list, false);
    expect(conflicted.json<ImportResult>()).toMatchObject({ valid: 1, created: 1 });
    expect(conflicted.json<ImportResult>().rows[1]?.problems[0]?.code).toBe('duplicate_existing');
    expect(await count()).toBe(before + 2);
  });

  it('only coordinators import, and a file that is not a list is refused', async () => {
    const [investigator] = (await t.members(operation.id, 1, 'investigator', 'NL')) as [Session];
    expect((await upload(investigator, csv, true)).statusCode).toBe(403);
    const noHeader = await upload(coordinator, 'just,some\nwords,here', true);
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.code).toBe('platforms.import_header');
    const notList = await t.app.inject({
      method: 'POST',
      url: importUrl(true),
      headers: { cookie: coordinator.cookie, 'content-type': 'application/json' },
      payload: '{"a":1}',
    });
    expect(notList.json().error.code).toBe('platforms.import_format');
  });
});
