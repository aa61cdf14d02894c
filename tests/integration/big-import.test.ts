import { TestApp } from '@actionday/server/test/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('a big reference list import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('lets everyone else be answered while it runs, and its list is seen only once complete', {
    timeout: 120_000,
  }, async () => {
    const { operation, coordinator } = await t.operation();
    const lists = `/api/operations/${operation.id}/reference-lists`;
    const csv = ['kind,value', ...Array.from({ length: 20_000 }, (_, i) => `email,person${i}@example.org`)].join('\n');
    let done = false;
    const importing = t.app
      .inject({
        method: 'POST',
        url: `${lists}?name=Interpol`,
        headers: { cookie: coordinator.cookie, 'content-type': 'text/csv' },
        payload: csv,
      })
      .finally(() => {
        done = true;
      });
    // a health check and a read of the lists, sent while the import writes its entries, come back before it ends
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await t.request(null, 'GET', '/api/health');
    expect(health.statusCode).toBe(200);
    const during = await t.request(coordinator, 'GET', lists);
    expect(done).toBe(false);
    expect(during.json()).toEqual([]);
    const answer = await importing;
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ entries: 20_000, rejected: [] });
    expect((await t.request(coordinator, 'GET', lists)).json()).toMatchObject([{ name: 'Interpol', entries: 20_000 }]);
  });
});
