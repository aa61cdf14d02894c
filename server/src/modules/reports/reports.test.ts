import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Finding,
  type FindingView,
  type Operation,
  type PackageManifest,
  type Platform,
  type Tally,
  packageManifestSchema,
  reportLanguages,
  reportSchema,
} from '@actionday/shared';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rowsOf } from '../../db/database.js';
import { type Session, TestApp } from '../../test/test-app.js';
import { auditEvents } from '../audit/audit.table.js';
import { notes } from '../notes/notes.table.js';
import { sha256 } from './reports.packages.js';
import { runReportCli } from './reports.cli.js';
import { chromiumPath } from './reports.pdf.js';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const unzip = (body: Buffer | Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(new Uint8Array(body))).map(([name, bytes]) => [name, bytes]));
const text = (bytes: Uint8Array | undefined) => decoder.decode(bytes ?? new Uint8Array());
const parseCsv = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string | number | boolean | null>>(csv.slice(1), {
    header: true,
    dynamicTyping: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

/** Values that identify persons, seeded below: none may appear in a public report. */
const secrets = [
  'Viktor Geheimnaam',
  'V-UA-001',
  'V-DE-001',
  'secretuser',
  'redhandle',
  'SECRET SITUATION NOTE',
  'Hidden Lead Forum',
];

describe('after-action report', () => {
  let t: TestApp;
  let operation: Operation;
  let coordinator: Session;
  let nl: Session;
  let ua: Session;
  let de: Session;
  let analyst: Session;
  let observer: Session;
  let platforms: Platform[];
  let deRedFinding: Finding;
  let uaVictim: Finding;

  const report = async (session: Session, query = 'format=json') =>
    t.request(session, 'GET', `/api/operations/${operation.id}/report?${query}`);
  const reportJson = async (session: Session = coordinator, query = '') => {
    const response = await report(session, `format=json${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return reportSchema.parse(response.json());
  };

  beforeAll(async () => {
    t = await TestApp.create();
    ({ operation, coordinator } = await t.operation({
      focusTags: ['ukraine'],
      focusNationalities: ['UA'],
      name: 'Report day 2022',
    }));
    nl = await t.member(operation.id, coordinator, 'investigator', 'NL');
    ua = await t.member(operation.id, coordinator, 'investigator', 'UA');
    de = await t.member(operation.id, coordinator, 'investigator', 'DE');
    analyst = await t.member(operation.id, coordinator, 'analyst', 'NL');
    observer = await t.member(operation.id, coordinator, 'observer', 'BE');
    platforms = (
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, [
        { name: 'Hidden Lead Forum', url: 'https://hidden-lead.example.org', category: 'forum', tags: ['ukraine'] },
        { name: 'Dating One', url: 'https://dating-one.example.org', category: 'dating', tags: ['ukraine'] },
        { name: 'Ads Two', url: 'https://ads-two.example.org', category: 'classified_ads' },
        { name: 'Chat Three', url: 'https://chat-three.example.org', category: 'messaging', tags: ['ukraine'] },
        { name: 'Social Four', url: 'https://social-four.example.org', category: 'social_media' },
        { name: 'Escort Five', url: 'https://escort-five.example.org', category: 'escort_ads' },
        { name: 'Unchecked Six', url: 'https://six.example.org', category: 'forum' },
      ])
    ).json<Platform[]>();
    const [p0, p1, p2, p3, p4] = platforms as [Platform, Platform, Platform, Platform, Platform];
    const check = async (who: Session, p: Platform, verdict: string, followUp = false) => {
      await t.request(who, 'POST', `/api/platforms/${p.id}/claim`);
      const r = await t.request(who, 'POST', `/api/platforms/${p.id}/verdict`, {
        verdict,
        followUp,
        summary: `checked ${p.name}`,
      });
      expect(r.statusCode, r.body).toBe(200);
    };
    await check(nl, p0, 'suspected', true);
    await check(nl, p1, 'confirmed');
    await check(ua, p2, 'no_indicators');
    await check(ua, p3, 'confirmed', true);
    await check(de, p4, 'suspected');
    const log = async (who: Session, body: Record<string, unknown>) => {
      const r = await t.request(who, 'POST', `/api/operations/${operation.id}/findings`, body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ finding: Finding }>().finding;
    };
    await log(nl, {
      kind: 'suspect',
      platformId: p0.id,
      aliases: ['Viktor Geheimnaam'],
      identified: true,
      nationality: 'UA',
    });
    await log(nl, { kind: 'suspect', platformId: p2.id, aliases: ['Nobody'], identified: false });
    uaVictim = await log(ua, {
      kind: 'victim',
      platformId: p3.id,
      nationality: 'UA',
      minor: true,
      ageEstimate: 16,
      exploitation: 'sexual',
      note: 'met at the station',
    });
    await log(ua, {
      kind: 'victim',
      platformId: p3.id,
      nationality: 'RO',
      exploitation: 'labour',
    });
    deRedFinding = await log(de, {
      kind: 'victim',
      platformId: p4.id,
      nationality: 'UA',
      exploitation: 'sexual',
      handling: 'TLP:RED',
    });
    await log(de, {
      kind: 'identifier',
      platformId: p4.id,
      identifierKind: 'username',
      value: '@redhandle',
      handling: 'TLP:RED',
    });
    await log(nl, { kind: 'identifier', platformId: p0.id, identifierKind: 'email', value: 'secretuser@example.org' });
    const second = await t.request(ua, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'identifier',
      platformId: p3.id,
      identifierKind: 'email',
      value: 'SecretUser@Example.org',
    });
    const matchId = second.json<{ matches: { matchId: string }[] }>().matches[0]?.matchId;
    expect(matchId).toBeDefined();
    expect(
      (await t.request(analyst, 'POST', `/api/matches/${matchId}/resolution`, { status: 'confirmed' })).statusCode,
    ).toBe(200);
    await t.app.deps.db.insert(notes).values({
      docName: `log:${operation.id}`,
      operationId: operation.id,
      state: new Uint8Array([0, 0]),
      text: 'SECRET SITUATION NOTE: focus on dating sites',
    });
  });
  afterAll(() => t.close());

  it('gives the same numbers as the tallies and as a direct recount of the records, marked provisional while the day runs', async () => {
    const r = await reportJson();
    const tally = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/tallies`)).json<Tally>();
    expect(r.provisional).toBe(true);
    expect(r.audience).toBe('full');
    expect(r.figures.map((f) => [f.key, f.value, f.breakdowns.map((b) => [b.key, b.value])])).toEqual(
      tally.figures.map((f) => [f.key, f.value, f.breakdowns.map((b) => [b.key, b.value])]),
    );
    for (const row of r.tables.byCountry) {
      const c = tally.byCountry[row.country];
      expect(row).toEqual({
        country: row.country,
        participants: c?.participants ?? 0,
        platformsChecked: c?.platformsChecked ?? 0,
        suspects: c?.suspects ?? 0,
        identifiers: c?.identifiers ?? 0,
        victims: c?.victims ?? 0,
        matches: c?.matches ?? 0,
      });
    }
    expect(r.operation.countries).toEqual(['BE', 'DE', 'NL', 'UA']);

    // a direct recount with SQL over the tables (TLP:RED findings are in no shared count: DE's RED victim and
    // identifier are left out until their owner lowers the handling)
    const { db } = t.app.deps;
    const one = async (query: ReturnType<typeof sql>) =>
      Number(rowsOf<{ n: string | number }>(await db.execute(query))[0]?.n);
    const id = operation.id;
    const value = (key: string) => r.figures.find((f) => f.key === key)?.value;
    expect(value('platforms_monitored')).toBe(
      await one(sql`select count(*) as n from platforms where operation_id = ${id} and status = 'checked'`),
    );
    expect(value('platforms_confirmed')).toBe(
      await one(sql`select count(*) as n from platforms where operation_id = ${id} and verdict = 'confirmed'`),
    );
    expect(value('possible_victims')).toBe(
      await one(
        sql`select count(*) as n from findings where operation_id = ${id} and kind = 'victim' and deleted_at is null and handling <> 'TLP:RED'`,
      ),
    );
    expect(value('identifiers_checked')).toBe(
      await one(
        sql`select count(*) as n from findings where operation_id = ${id} and kind = 'identifier' and deleted_at is null and handling <> 'TLP:RED'`,
      ),
    );
    expect(
      r.figures.find((f) => f.key === 'possible_victims')?.breakdowns.find((b) => b.key === 'nationality:UA')?.value,
    ).toBe(
      await one(
        sql`select count(*) as n from findings where operation_id = ${id} and kind = 'victim' and nationality = 'UA' and handling <> 'TLP:RED'`,
      ),
    );
    expect(value('platforms_monitored')).toBe(5);
    expect(value('possible_victims')).toBe(2);

    const sum = <T>(rows: T[], pick: (row: T) => number | null) => rows.reduce((a, row) => a + (pick(row) ?? 0), 0);
    expect(sum(r.tables.byExploitation, (x) => x.victims)).toBe(2);
    expect(r.tables.byExploitation.find((x) => x.exploitation === 'sexual')).toMatchObject({ victims: 1, minors: 1 });
    expect(sum(r.tables.byCategory, (x) => x.platforms)).toBe(7);
    expect(r.funnel).toEqual({ listed: 7, checked: 5, withIndicators: 4, confirmed: 2, followUp: 2 });
    expect(r.tables.byTag.find((x) => x.tag === 'ukraine')).toMatchObject({
      platforms: 3,
      checked: 3,
      confirmed: 2,
      victims: 2,
    });
    expect(sum(r.timeline.buckets, (b) => b.checked)).toBe(5);
    expect(sum(r.timeline.buckets, (b) => b.findings)).toBe(6);
    expect(r.timeline.buckets.length).toBeGreaterThanOrEqual(48);
  });

  it('writes the key-figures statement in English and Dutch in the shape of the 2022 release', async () => {
    const r = await reportJson();
    expect(r.statement.en.lines[0]).toBe('5 online platforms monitored, of which 3 related to the Ukraine focus;');
    expect(r.statement.en.text).toContain('2 possible victims found, of whom 2 related to the Ukraine focus;');
    expect(r.statement.en.lines.at(-2)).toMatch(
      /^2 persons \/ usernames checked, of which 2 related to the Ukraine focus;$/,
    );
    // the platforms discovered during the day count on their own (none were added in this world)
    expect(r.statement.en.lines.at(-1)).toMatch(/^0 platforms discovered during the day\b.*\.$/);
    expect(r.statement.nl.lines[0]).toBe(
      '5 online platforms gemonitord, waarvan 3 in verband met de focus op Oekraïne;',
    );
    expect(r.statement.nl.text).toContain(
      '2 mogelijke slachtoffers gevonden, onder wie 2 in verband met de focus op Oekraïne;',
    );
  });

  it('lists the leads with the country responsible and the confirmed matches, and the notes for roles that may read them', async () => {
    const r = await reportJson();
    expect(r.leads?.platforms.map((p) => [p.name, p.verdict, p.followUp, p.country])).toEqual([
      ['Dating One', 'confirmed', false, 'NL'],
      ['Chat Three', 'confirmed', true, 'UA'],
      ['Hidden Lead Forum', 'suspected', true, 'NL'],
    ]);
    expect(r.leads?.matches).toHaveLength(1);
    expect(r.leads?.matches[0]).toMatchObject({
      strength: 'exact',
      identifierKind: 'email',
      countries: ['NL', 'UA'],
      value: expect.stringContaining('secretuser'),
    });
    expect(r.notes?.map((n) => n.text)).toEqual(['SECRET SITUATION NOTE: focus on dating sites']);
    const forAnalyst = await reportJson(analyst);
    expect(forAnalyst.notes).toHaveLength(1);
    expect(forAnalyst.leads?.platforms).toHaveLength(3);
  });

  it('answers CSV as a zip of RFC 4180 files with a BOM that parse back to the same numbers, or one table', async () => {
    const r = await reportJson();
    const response = await report(coordinator, 'format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+-csv\.zip"$/);
    const files = unzip(response.rawPayload);
    expect(Object.keys(files).sort()).toEqual(
      [
        'by_category.csv',
        'by_country.csv',
        'by_exploitation.csv',
        'by_route.csv',
        'by_tag.csv',
        'figures.csv',
        'funnel.csv',
        'lead_matches.csv',
        'lead_platforms.csv',
        'liaison.csv',
        'notes.csv',
        ...reportLanguages.map((lang) => `statement-${lang}.txt`),
        'timeline.csv',
      ].sort(),
    );
    const figures = parseCsv(text(files['figures.csv']));
    for (const f of r.figures) {
      expect(figures.find((row) => row.figure_key === f.key && row.breakdown_key === null)?.value).toBe(f.value);
      for (const b of f.breakdowns)
        expect(figures.find((row) => row.figure_key === f.key && row.breakdown_key === b.key)?.value).toBe(b.value);
    }
    const byCountry = parseCsv(text(files['by_country.csv']));
    expect(
      byCountry.map((row) => [
        row.country,
        row.participants,
        row.platforms_checked,
        row.suspects,
        row.identifiers,
        row.victims,
        row.matches,
      ]),
    ).toEqual(
      r.tables.byCountry.map((row) => [
        row.country,
        row.participants,
        row.platformsChecked,
        row.suspects,
        row.identifiers,
        row.victims,
        row.matches,
      ]),
    );
    expect(byCountry.find((row) => row.country === 'UA')?.country_name).toBe('Ukraine');
    const timeline = parseCsv(text(files['timeline.csv']));
    expect(timeline.reduce((a, row) => a + Number(row.findings), 0)).toBe(6);
    expect(text(files['by_country.csv'])).toContain('\r\n');
    expect(text(files['statement-en.txt'])).toContain('online platforms monitored');

    const single = await report(coordinator, 'format=csv&table=by_category&lang=nl');
    expect(single.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const rows = parseCsv(single.body);
    expect(rows.find((row) => row.category === 'forum')).toMatchObject({
      category_name: 'Fora',
      platforms: 2,
      suspected: 1,
      follow_up: 1,
    });
  });

  it('renders a printable HTML page with inline SVG charts and the statement', async () => {
    const response = await report(coordinator, 'format=html&lang=nl');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    const html = response.body;
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('@media print');
    expect(html.match(/<svg /g)?.length).toBe(2);
    expect(html).toContain('5 online platforms gemonitord, waarvan 3 in verband met de focus op Oekraïne;');
    expect(html).toContain('Voorlopige cijfers');
    expect(html).not.toMatch(/<script/i);
  });

  it('gives observers (and anyone asking for audience=public) aggregates only: no personal data in any format', async () => {
    const forObserver = await reportJson(observer);
    expect(forObserver.audience).toBe('public');
    expect(forObserver.leads).toBeNull();
    expect(forObserver.notes).toBeNull();
    expect((await reportJson(observer, '&audience=full')).audience).toBe('public');
    expect(forObserver.figures).toEqual((await reportJson()).figures);

    const bodies = [
      JSON.stringify(forObserver),
      (await report(observer, 'format=html')).body,
      (await report(observer, 'format=html&lang=nl')).body,
      ...Object.values(unzip((await report(observer, 'format=csv')).rawPayload)).map((bytes) => text(bytes)),
      JSON.stringify(await reportJson(coordinator, '&audience=public')),
    ];
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
    expect((await report(observer, 'format=csv&table=lead_platforms')).statusCode).toBe(404);
    // investigators have no report (their own records are on the board)
    expect((await report(nl)).statusCode).toBe(403);
  });

  it('builds a country package with exactly what that country may see, victims pseudonymised, and a manifest whose hashes verify', async () => {
    const response = await t.request(coordinator, 'GET', `/api/operations/${operation.id}/packages/ua`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzip(response.rawPayload);
    const manifest: PackageManifest = packageManifestSchema.parse(JSON.parse(text(files['manifest.json'])));
    expect(manifest.country).toBe('UA');
    expect(manifest.files.map((f) => f.name).sort()).toEqual([
      'README.txt',
      'evidence.csv',
      'findings.csv',
      'findings.json',
      'leads.csv',
      'matches.csv',
    ]);
    for (const file of manifest.files) {
      expect(files[file.name], file.name).toBeDefined();
      expect(sha256(files[file.name] as Uint8Array)).toBe(file.sha256);
      expect((files[file.name] as Uint8Array).byteLength).toBe(file.bytes);
    }

    // exactly the findings an investigator of UA may see: all but DE's TLP:RED records; the own victims in full, pseudonymised
    const all = (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/findings`)).json<Finding[]>();
    const expected = all.filter((f) => !(f.handling === 'TLP:RED' && f.country !== 'UA')).map((f) => f.id);
    const packaged = JSON.parse(text(files['findings.json'])) as FindingView[];
    expect(packaged.map((f) => f.id).sort()).toEqual(expected.sort());
    expect(packaged.some((f) => f.id === deRedFinding.id)).toBe(false);
    const everything = Object.values(files)
      .map((bytes) => text(bytes))
      .join('\n');
    for (const gone of ['V-DE-001', 'redhandle', 'V-UA-001', 'met at the station'])
      expect(everything).not.toContain(gone);
    const victim = packaged.find((f) => f.id === uaVictim.id) as Finding;
    expect(victim).toMatchObject({
      reference: expect.stringMatching(/^victim-\d+$/),
      nationality: 'UA',
      minor: true,
      exploitation: 'sexual',
      ageEstimate: null,
      note: null,
    });
    // the findings CSV parses and agrees
    expect(
      parseCsv(text(files['findings.csv']))
        .map((row) => row.id)
        .sort(),
    ).toEqual(expected.sort());
    // leads: what UA checked; the match on its own identifier
    expect(parseCsv(text(files['leads.csv'])).map((row) => row.name)).toEqual(['Chat Three']);
    const matches = parseCsv(text(files['matches.csv']));
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ other_countries: 'NL', identifier_kind: 'email', strength: 'exact' });

    // NL sees UA's victims only as "a victim was logged there"
    const nlFiles = unzip(
      (await t.request(coordinator, 'GET', `/api/operations/${operation.id}/packages/NL`)).rawPayload,
    );
    const nlFindings = JSON.parse(text(nlFiles['findings.json'])) as FindingView[];
    expect(nlFindings.find((f) => f.id === uaVictim.id)).toMatchObject({ redacted: true, country: 'UA' });
    expect(nlFindings.some((f) => f.id === deRedFinding.id)).toBe(false);

    expect((await t.request(analyst, 'GET', `/api/operations/${operation.id}/packages/UA`)).statusCode).toBe(403);
    const unknown = await t.request(coordinator, 'GET', `/api/operations/${operation.id}/packages/FR`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('reports.unknown_country');
  });

  it('writes every generation to the audit log: format and audience, never contents', async () => {
    const rows = await t.app.deps.db
      .select()
      .from(auditEvents)
      .where(
        sql`${auditEvents.operationId} = ${operation.id} and ${auditEvents.action} in ('report.generated', 'package.generated')`,
      );
    const reports = rows.filter((r) => r.action === 'report.generated');
    expect(reports.some((r) => r.details.format === 'csv' && r.details.audience === 'full')).toBe(true);
    expect(reports.some((r) => r.details.format === 'json' && r.details.audience === 'public')).toBe(true);
    expect(rows.some((r) => r.action === 'package.generated' && r.details.country === 'UA')).toBe(true);
    const details = JSON.stringify(rows.map((r) => r.details));
    for (const secret of secrets) expect(details).not.toContain(secret);
  });

  it('the permission matrix of the report and package routes: every role, a non-member, another operation, signed out', async () => {
    const stranger = await t.user();
    const other = await t.operation({ name: 'Another day' });
    const reportPath = `/api/operations/${operation.id}/report?format=json`;
    const packagePath = `/api/operations/${operation.id}/packages/NL`;
    const expected: [string, Session | null, number, number][] = [
      ['coordinator', coordinator, 200, 200],
      ['analyst', analyst, 200, 403],
      ['observer', observer, 200, 403],
      ['investigator', nl, 403, 403],
      ['non-member', stranger, 403, 403],
      ['coordinator of another operation', other.coordinator, 403, 403],
      ['signed out', null, 401, 401],
    ];
    const got = await Promise.all(
      expected.map(
        async ([who, session]) =>
          [
            who,
            session,
            (await t.request(session, 'GET', reportPath)).statusCode,
            (await t.request(session, 'GET', packagePath)).statusCode,
          ] as const,
      ),
    );
    expect(got.map(([who, , a, b]) => [who, a, b])).toEqual(expected.map(([who, , a, b]) => [who, a, b]));
    expect((await t.request(coordinator, 'GET', `/api/operations/${other.operation.id}/report`)).statusCode).toBe(403);
    expect(
      (await t.request(coordinator, 'GET', '/api/operations/00000000-0000-4000-8000-000000000000/report')).json().error
        .code,
    ).toBe('operations.not_found');
  });

  it.skipIf(!chromiumPath())(
    'renders a real PDF whose first page carries the key figures',
    async () => {
      const response = await report(coordinator, 'format=pdf');
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'actionday-report-'));
      writeFileSync(join(dir, 'report.pdf'), response.rawPayload);
      const extracted = spawnSync('pdftotext', ['-layout', '-f', '1', '-l', '1', join(dir, 'report.pdf'), '-'], {
        encoding: 'utf8',
      });
      if (extracted.error) {
        process.stderr.write(
          '\n  pdftotext not installed (apt-get install poppler-utils): checked the HTML the PDF was printed from instead.\n\n',
        );
        expect((await report(coordinator, 'format=html')).body).toContain(
          '5 online platforms monitored, of which 3 related to the Ukraine focus;',
        );
        return;
      }
      const page1 = extracted.stdout.replace(/\s+/g, ' ');
      expect(page1).toContain('Report day 2022');
      expect(page1).toContain('online platforms monitored');
      expect(page1).toContain('5 online platforms monitored, of which 3 related to the Ukraine focus;');
    },
    60_000,
  );

  it('answers 503 reports.pdf_unavailable where Chromium is missing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const response = await report(coordinator, 'format=pdf');
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('reports.pdf_unavailable');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('after closing: frozen figures, late entries left out, small counts suppressed in public versions only', async () => {
    const before = await reportJson();
    expect(
      (await t.request(coordinator, 'PATCH', `/api/operations/${operation.id}`, { allowLateEntries: true })).statusCode,
    ).toBe(200);
    expect(
      (await t.request(coordinator, 'POST', `/api/operations/${operation.id}/status`, { status: 'closed' })).statusCode,
    ).toBe(200);
    const late = await t.request(ua, 'POST', `/api/operations/${operation.id}/findings`, {
      kind: 'victim',
      platformId: (platforms[3] as Platform).id,
      exploitation: 'labour',
    });
    expect(late.statusCode).toBe(201);

    const closed = await reportJson();
    expect(closed.provisional).toBe(false);
    expect(closed.figures).toEqual(before.figures);
    expect(closed.tables.byExploitation).toEqual(before.tables.byExploitation);
    expect(closed.timeline.buckets.reduce((a, b) => a + (b.findings ?? 0), 0)).toBe(6);

    // the coordinator may still set suppression after closing (nothing else)
    const patched = await t.request(coordinator, 'PATCH', `/api/operations/${operation.id}`, { suppressBelow: 5 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Operation>().suppressBelow).toBe(5);
    expect(
      (await t.request(coordinator, 'PATCH', `/api/operations/${operation.id}`, { name: 'Renamed' })).json().error.code,
    ).toBe('operations.closed');

    const pub = await reportJson(observer);
    expect(pub.suppression).toEqual({ below: 5, applied: true });
    const victims = pub.figures.find((f) => f.key === 'possible_victims');
    expect(victims).toMatchObject({ value: null, display: '<5' });
    expect(pub.figures.find((f) => f.key === 'platforms_monitored')).toMatchObject({ value: 5, display: '5' });
    expect(pub.statement.en.text).toContain('fewer than 5 possible victims found');
    expect(pub.statement.nl.text).toContain('minder dan 5 mogelijke slachtoffers gevonden');
    expect(pub.tables.byExploitation.find((x) => x.exploitation === 'sexual')?.victims).toBeNull();
    expect(pub.tables.byExploitation.find((x) => x.exploitation === 'criminal')?.victims).toBe(0);
    const csv = parseCsv(text(unzip((await report(observer, 'format=csv')).rawPayload)['figures.csv']));
    expect(csv.find((row) => row.figure_key === 'possible_victims' && row.breakdown_key === null)?.value).toBe('<5');
    expect((await report(observer, 'format=html')).body).toContain('&lt;5');

    const full = await reportJson();
    expect(full.suppression.applied).toBe(false);
    expect(full.figures.find((f) => f.key === 'possible_victims')?.value).toBe(2);
  });
});

/** A database the CLI can open by itself: a new one on the test PostgreSQL server, else an embedded one in a data directory. */
async function cliDatabase(
  dataDir: string,
): Promise<{ database: Database; env: Record<string, string>; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    return {
      database: await openDatabase({ dataDir: `${dataDir}/pglite` }),
      env: { ACTIONDAY_DATA_DIR: dataDir },
      drop: async () => {},
    };
  const name = `actionday_cli_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ url: url.toString() }),
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

describe('report CLI', () => {
  it("writes a report from the server's database, with progress on stderr and clear failures", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'actionday-cli-'));
    const { database, env, drop } = await cliDatabase(dataDir);
    try {
      const t = await TestApp.create({ database });
      const { operation, coordinator } = await t.operation({ name: 'CLI day' });
      await t.request(coordinator, 'POST', `/api/operations/${operation.id}/platforms`, {
        name: 'P',
        url: 'https://p.example.org',
        category: 'forum',
      });
      await t.close(); // closes the database: the CLI opens it on its own

      const lines: string[] = [];
      const out = join(dataDir, 'report.json');
      expect(
        await runReportCli(['--', '--operation', operation.id, '--format', 'json', '--out', out], env, (line) =>
          lines.push(line),
        ),
      ).toBe(0);
      const written = reportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
      expect(written.operation.name).toBe('CLI day');
      expect(written.funnel.listed).toBe(1);
      expect(lines.join('\n')).toMatch(/Wrote .*report\.json/);

      const csvOut = join(dataDir, 'figures.csv');
      expect(
        await runReportCli(
          ['--operation', operation.id, '--format', 'csv', '--table', 'figures', '--out', csvOut],
          env,
          () => {},
        ),
      ).toBe(0);
      expect(parseCsv(readFileSync(csvOut, 'utf8')).length).toBeGreaterThan(0);

      const errors: string[] = [];
      expect(
        await runReportCli(['--operation', operation.id, '--format', 'docx', '--out', out], env, (line) =>
          errors.push(line),
        ),
      ).toBe(2);
      expect(errors.join('\n')).toContain('--format must be one of json, csv, html, pdf');
      expect(
        await runReportCli(
          ['--operation', '00000000-0000-4000-8000-000000000000', '--format', 'json', '--out', out],
          env,
          (line) => errors.push(line),
        ),
      ).toBe(1);
      expect(errors.join('\n')).toContain('No operation 00000000-0000-4000-8000-000000000000');
    } finally {
      await drop();
    }
  }, 60_000);
});
