import { TestApp } from '@actionday/server/test/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, documentedRoutes } from './openapi.support.js';
import { routeExemptions, runDay, viewers } from './non-interference.support.js';

/**
 * Non-interference: what a person observes — every answer (status, body, the headers that vary), every socket
 * event, the live figures, the activity, the reports, the link chart, the error codes — is the same whether or not
 * records they may not see exist. The same day is run twice, the second time with TLP:RED records of another
 * country (a suspect, a victim, an identifier another country logs too, the RED side of a match, evidence), and
 * the observations of an investigator and an analyst of other countries and of an observer are compared, ids and
 * times aside.
 */
describe('nothing a viewer observes depends on records they may not see', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    // the days happen at 09:00, a millisecond passing at each reading of the clock: what is listed by time keeps
    // its order, and both days fall in the same minute
    let ticks = 0;
    const start = Date.parse('2022-09-06T09:00:00Z');
    t = await TestApp.create({ listen: true, now: () => new Date(start + ticks++) });
    doc = (await t.request(null, 'GET', '/api/openapi.json')).json<OpenApiDocument>();
  });
  afterAll(() => t.close());

  it('an investigator and an analyst of other countries and an observer see the same day with or without hidden records', async () => {
    // the two days are operations of their own: they run side by side
    const [plain, hidden] = await Promise.all([runDay(t, false), runDay(t, true)]);
    for (const viewer of viewers) {
      const differences = hidden.observed[viewer]
        .map((line, i) => ({ line, plain: plain.observed[viewer][i] }))
        .filter(({ line, plain: other }) => line !== other)
        .slice(0, 5)
        .map(({ line, plain: other }) => {
          // from a little before the first character that differs
          let at = 0;
          while (at < line.length && line[at] === other?.[at]) at += 1;
          const from = Math.max(0, at - 150);
          return `${line.slice(0, 70)}…\n  with hidden records: …${line.slice(from, at + 250)}\n  without:             …${(other ?? '(nothing)').slice(from, at + 250)}`;
        });
      expect(differences, viewer).toEqual([]);
      expect(hidden.observed[viewer].length, viewer).toBe(plain.observed[viewer].length);
    }

    // every route of the document was probed, or is exempt with a reason
    const probed = new Set(plain.probed);
    const missing = documentedRoutes(doc)
      .flatMap((route) => {
        const name = `${route.method} ${route.path}`;
        return name === 'GET /api/operations/{operationId}/report'
          ? ['json', 'csv', 'html', 'pdf'].map((format) => `${name}?format=${format}`)
          : [name];
      })
      .filter((name) => !probed.has(name) && !probed.has(name.split('?')[0] ?? '') && !(name in routeExemptions));
    expect(missing).toEqual([]);
  }, 120_000);
});
