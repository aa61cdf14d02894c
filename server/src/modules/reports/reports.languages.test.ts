import { type Finding, type Operation, type Platform, reportLanguages, reportSchema } from '@actionday/shared';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, TestApp } from '../../test/test-app.js';

/**
 * The statement and the report in every shipped language: the same numbers as the figures, the plural
 * each number takes in that language, breakdowns that read side by side.
 */
describe('the report in every shipped language', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;

  const report = (query: string) => t.request(coordinator, 'GET', `/api/operations/${operation.id}/report?${query}`);

  beforeAll(async () => {
    t = await TestApp.create();
    ({ operation, coordinator } = await t.operation({ focusTags: ['ukraine'], focusNationalities: ['UA'] }));
    const investigator = await t.member(operation.id, coordinator, 'investigator', 'PL');
    const platforms = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
        { name: 'Forum One', url: 'https://one.example.org', category: 'forum', tags: ['ukraine'] },
        { name: 'Ads Two', url: 'https://two.example.org', category: 'classified_ads' },
      ])
    ).json<Platform[]>();
    const [one] = platforms as [Platform];
    await t.request(investigator, 'POST', `/api/platforms/${one.id}/claim`);
    const verdict = await t.request(investigator, 'POST', `/api/platforms/${one.id}/verdict`, {
      verdict: 'confirmed',
      followUp: false,
      summary: 'checked',
    });
    expect(verdict.statusCode, verdict.body).toBe(200);
    for (const nationality of ['UA', 'UA', 'RO', 'UA', 'PL']) {
      const logged = await t.request(investigator, 'POST', `/api/operations/${operation.id}/findings`, {
        kind: 'victim',
        platformId: one.id,
        nationality,
        exploitation: 'sexual',
      });
      expect(logged.statusCode, logged.body).toBe(201);
      expect(logged.json<{ finding: Finding }>().finding.kind).toBe('victim');
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('accepts every shipped language, and refuses one it does not ship', async () => {
    for (const lang of reportLanguages) expect((await report(`format=json&lang=${lang}`)).statusCode).toBe(200);
    const refused = await report('format=json&lang=xx');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('request.invalid');
  });

  it('says in each language the same numbers as the figures, each figure and breakdown once', async () => {
    const r = reportSchema.parse((await report('format=json')).json());
    const victims = r.figures.find((f) => f.key === 'possible_victims');
    expect(victims?.value).toBe(5);
    expect(victims?.breakdowns.map((b) => [b.key, b.value])).toEqual([
      ['ukraine', 5],
      ['nationality:UA', 3],
    ]);
    for (const lang of reportLanguages) {
      const { lines } = r.statement[lang];
      expect(lines, lang).toHaveLength(r.figures.length);
      r.figures.forEach((figure, i) => {
        const line = lines[i] ?? '';
        const numbers = [...line.matchAll(/(?<![\w:])\d+(?![\w:])/g)].map((m) => Number(m[0]));
        expect(numbers, `${lang}: ${line}`).toEqual([figure.value, ...figure.breakdowns.map((b) => b.value)]);
        expect(line.startsWith(`${figure.value} ${figure.labels[lang]}`), `${lang}: ${line}`).toBe(true);
        for (const b of figure.breakdowns) expect(line, lang).toContain(`${b.value} ${b.labels[lang]}`);
      });
    }
  });

  it('takes the plural each number needs, and names the focus country in the reader’s language', async () => {
    const r = reportSchema.parse((await report('format=json')).json());
    const line = (lang: (typeof reportLanguages)[number], key: string) =>
      r.statement[lang].lines[r.figures.findIndex((f) => f.key === key)];
    expect(line('en', 'platforms_monitored')).toBe(
      '1 online platform monitored, of which 1 related to the Ukraine focus;',
    );
    expect(line('en', 'possible_victims')).toBe(
      '5 possible victims found, of whom 5 related to the Ukraine focus; 3 nationals of Ukraine;',
    );
    expect(line('pl', 'possible_victims')).toMatch(
      /^5 znalezionych możliwych ofiar, w tym 5 związanych z priorytetem Ukraina; 3 /,
    );
    expect(line('pl', 'platforms_monitored')).toMatch(/^1 monitorowana platforma internetowa,/);
    expect(line('uk', 'possible_victims')).toMatch(
      /^5 виявлених можливих потерпілих осіб, з них 5 пов’язані з пріоритетом Україна; 3 /,
    );
    expect(line('uk', 'platforms_monitored')).toMatch(/^1 онлайн-платформа під моніторингом,/);
    expect(line('de', 'possible_victims')).toMatch(
      /^5 gefundene mögliche Opfer, davon 5 im Zusammenhang mit dem Schwerpunkt Ukraine; 3 Staatsangehörige von Ukraine/,
    );
    expect(line('fr', 'platforms_monitored')).toMatch(/^1 plateforme en ligne surveillée,/);
  });

  it('renders the HTML page and the CSV names in German, and puts every language’s statement in the zip', async () => {
    const html = await report('format=html&lang=de');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<html lang="de"');
    expect(html.body).toContain('Abschlussbericht');
    expect(html.body).toContain('5 gefundene mögliche Opfer, davon 5 im Zusammenhang mit dem Schwerpunkt Ukraine;');
    const csv = await report('format=csv&table=by_country&lang=de');
    expect(csv.statusCode).toBe(200);
    // column names stay stable for scripts; the names beside the codes are German
    expect(csv.body).toContain(',Polen,');
    const zip = unzipSync(new Uint8Array((await report('format=csv&lang=uk')).rawPayload));
    for (const lang of reportLanguages) expect(Object.keys(zip)).toContain(`statement-${lang}.txt`);
  });
});
