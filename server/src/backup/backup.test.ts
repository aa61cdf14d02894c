import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evidence, Platform } from '@actionday/shared';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase, rowsOf } from '../db/database.js';
import { existingHeadSigner, verifyAuditLog } from '../modules/audit/index.js';
import { createSession } from '../modules/auth/sessions.js';
import { storeNote } from '../modules/notes/notes.store.js';
import { tableFingerprinter } from '../test/table-fingerprint.js';
import { type Session, TestApp, eventually } from '../test/test-app.js';
import { TEMPLATE_ENV, databaseUrl } from '../test/test-database.js';
import { ArchiveWriter, digestOf, readArchive, readPart } from './backup.archive.js';
import { runBackupCli } from './backup.cli.js';
import { type Manifest, parts } from './backup.manifest.js';
import { restoreBackup } from './backup.restore.js';

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('pixels of a screenshot taken at 09:15'),
]);

function multipart(fields: Record<string, string>, file: { name: string; type: string; content: Buffer }) {
  const boundary = '----actionday-backup-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Prepares an embedded data directory holding the migrated schema, from the test template when there is one
 * (initdb on disk takes seconds, many on a busy machine); otherwise the command makes the database itself.
 */
async function embeddedDatabase(dataDir: string): Promise<void> {
  const dump = process.env[TEMPLATE_ENV.pglite];
  if (!dump) return;
  await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: join(dataDir, 'pglite'),
    loadDataDir: new Blob([await readFile(dump)]),
  });
  await client.close();
}

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** What a coordinator reads of an operation: the key figures and the evidence list. */
async function readDay(t: TestApp, coordinator: Session, operationId: string) {
  const base = `/api/operations/${operationId}`;
  const tallies = await t.request(coordinator, 'GET', `${base}/tallies`);
  const evidence = await t.request(coordinator, 'GET', `${base}/evidence`);
  expect([tallies.statusCode, evidence.statusCode]).toEqual([200, 200]);
  return { tallies: tallies.json(), evidence: evidence.json<Evidence[]>() };
}

/** What `pnpm audit:verify` computes for the operation's chain, and that chain's rows. Reads audit nothing. */
async function auditOf(db: Db, dataDir: string, operationId: string) {
  const verdict = await verifyAuditLog(db, operationId, { signer: existingHeadSigner(dataDir) });
  return { verdict, rows: await chainRows(db, operationId) };
}

/** Every row of every table a backup copies, as checksums; the audit trail apart (compared chain by chain). */
const copiedTables = /^(sessions|idempotency_keys|audit_events|audit_nodes|audit_heads)$/;

/** One chain of the audit trail as stored: entries with their positions and leaves, subtrees, heads. */
async function chainRows(db: Db, chain: string) {
  const query = (table: string, order: string) =>
    db.execute(sql.raw(`select t::text as row from ${table} t where chain = '${chain}' order by ${order}`));
  return {
    // a backup of one operation audits itself in that chain after its snapshot: not in the archive
    events: rowsOf<{ row: string }>(await query('audit_events', 'id'))
      .map((r) => r.row)
      .filter((row) => !row.includes(',backup.created,')),
    nodes: rowsOf<{ row: string }>(await query('audit_nodes', 'level, node_index')).map((r) => r.row),
    heads: rowsOf<{ row: string }>(await query('audit_heads', 'tree_size')).map((r) => r.row),
  };
}

const noteRows = async (db: Db) =>
  rowsOf<{ doc_name: string; state: string; text: string }>(
    await db.execute(sql`select doc_name, encode(state, 'hex') as state, text from notes order by doc_name`),
  );

describe('backup and restore', () => {
  const work = mkdtempSync(join(tmpdir(), 'actionday-backup-'));
  const sourceDir = join(work, 'embedded');
  const archive = join(work, 'day.tar');
  const lines: string[] = [];
  const cli = (args: string[], env: Record<string, string>) => runBackupCli(args, env, (line) => lines.push(line));
  let admin: postgres.Sql | null = null;
  const created: string[] = [];
  let operationId = '';
  let otherOperationId = '';
  let coordinator: Session;
  let original: Awaited<ReturnType<typeof readDay>>;
  let originalTables: Record<string, string>;
  let originalAudit: Awaited<ReturnType<typeof auditOf>>;
  let originalNotes: Awaited<ReturnType<typeof noteRows>>;

  /** A new, empty PostgreSQL database with a random name, dropped after the file. */
  async function newPostgresDatabase(): Promise<string> {
    if (!admin) throw new Error('no PostgreSQL server');
    const name = `actionday_restore_${randomBytes(6).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    created.push(name);
    return databaseUrl(serverUrl, name);
  }

  beforeAll(async () => {
    // an embedded day: PGlite in a data directory, as `pnpm start` runs it on a laptop
    await embeddedDatabase(sourceDir);
    const source = await openDatabase({ dataDir: join(sourceDir, 'pglite') });
    const t = await TestApp.create({ database: source, config: { dataDir: sourceDir }, keepDatabaseOpen: true });
    const w = await t.seed({
      members: { nl: ['investigator', 'NL'], be: ['investigator', 'BE'] },
      platforms: [
        { name: 'Ads Two', url: 'https://ads-two.example.org', category: 'classified_ads', tags: ['ukraine'] },
        { name: 'Forum One', url: 'https://forum-one.example.org', category: 'forum' },
      ],
    });
    ({ coordinator } = w);
    operationId = w.operation.id;
    const { nl, be } = w.members;
    const [ads, forum] = w.platforms as [Platform, Platform];
    expect((await t.request(coordinator, 'POST', w.path('/status'), { status: 'live' })).statusCode).toBe(200);
    await t.request(nl, 'POST', `/api/platforms/${ads.id}/claim`);
    const verdict = await t.request(nl, 'POST', `/api/platforms/${ads.id}/verdict`, {
      verdict: 'confirmed',
      followUp: true,
      summary: 'recruitment ads with prices',
    });
    expect(verdict.statusCode, verdict.body).toBe(200);
    for (const [who, platform] of [
      [nl, ads],
      [be, forum],
    ] as const) {
      const logged = await t.request(who, 'POST', w.path('/findings'), {
        kind: 'identifier',
        platformId: platform.id,
        identifierKind: 'phone',
        value: '+31 6 12 34 56 78',
      });
      expect(logged.statusCode, logged.body).toBe(201);
    }
    const victim = await t.request(nl, 'POST', w.path('/findings'), {
      kind: 'victim',
      platformId: ads.id,
      nationality: 'UA',
      exploitation: 'sexual',
    });
    expect(victim.statusCode, victim.body).toBe(201);
    const body = multipart(
      { platformId: ads.id, url: 'https://ads-two.example.org/ad/1', capturedAt: '2022-09-06T09:15:00+02:00' },
      { name: 'ad 1.png', type: 'image/png', content: png },
    );
    const upload = await t.app.inject({
      method: 'POST',
      url: w.path('/evidence'),
      headers: { ...body.headers, cookie: nl.cookie },
      payload: body.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('09:40 NL and BE found the same phone number')]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
    await storeNote(
      source.db,
      { docName: `log:${operationId}`, kind: 'log', operationId, platformId: null },
      Y.encodeStateAsUpdate(doc),
      [{ userId: coordinator.userId, ip: null }],
      new Date(),
    );
    expect((await t.request(coordinator, 'POST', w.path('/status'), { status: 'closed' })).statusCode).toBe(200);
    // a second operation, which a backup of the first leaves out
    otherOperationId = (await t.seed({ platforms: 1 })).operation.id;
    await eventually(async () => {
      const [row] = rowsOf<{ n: number }>(
        await source.db.execute(sql`select count(*)::int as n from audit_events where position is null`),
      );
      expect(row?.n).toBe(0);
    }, 10_000);
    original = await readDay(t, coordinator, operationId);
    await eventually(async () => {
      const [row] = rowsOf<{ n: number }>(
        await source.db.execute(sql`select count(*)::int as n from audit_events where position is null`),
      );
      expect(row?.n).toBe(0);
    }, 10_000);
    originalTables = await (await tableFingerprinter(source.db, copiedTables))();
    originalAudit = await auditOf(source.db, sourceDir, operationId);
    originalNotes = await noteRows(source.db);
    await t.close();
    await source.close();

    const probe = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
    admin = await probe`select 1`.then(
      () => probe,
      async () => {
        await probe.end({ timeout: 1 });
        return null;
      },
    );
  }, 120_000);

  afterAll(async () => {
    if (!admin) return;
    for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });

  /** Work done once and shared by the tests that need it; each test still passes alone. */
  const once = <T>(work: () => Promise<T>) => {
    let done: Promise<T> | undefined;
    return () => {
      done ??= work();
      return done;
    };
  };
  const backupOfEverything = once(async () => {
    const code = await cli(['backup', '--', '--out', archive], { ACTIONDAY_DATA_DIR: sourceDir });
    expect(code, lines.join('\n')).toBe(0);
    return archive;
  });
  const restoredIntoPostgres = once(async () => {
    const url = await newPostgresDatabase();
    const dataDir = join(work, 'server-data');
    lines.length = 0;
    const code = await cli(['restore', '--', await backupOfEverything()], {
      DATABASE_URL: url,
      ACTIONDAY_DATA_DIR: dataDir,
    });
    expect(code, lines.join('\n')).toBe(0);
    return { url, dataDir, output: lines.join('\n') };
  });

  /** Opens the restored database as the server would, and reads the day as the coordinator. */
  async function restoredDay(database: Database, dataDir: string) {
    // before the server starts: it audits the reads below
    const audit = await auditOf(database.db, dataDir, operationId);
    const notes = await noteRows(database.db);
    const tables = await (await tableFingerprinter(database.db, copiedTables))();
    const t = await TestApp.create({ database, config: { dataDir } });
    try {
      const session = {
        ...coordinator,
        cookie: `actionday_session=${await createSession(database.db, coordinator.userId)}`,
      };
      const day = await readDay(t, session, operationId);
      const files = await Promise.all(
        day.evidence.map(async (e) => {
          const download = await t.request(session, 'GET', `/api/evidence/${e.id}/file`);
          return {
            status: download.statusCode,
            sha256: createHash('sha256').update(download.rawPayload).digest('hex'),
          };
        }),
      );
      const hasOther = rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from operations where id = ${otherOperationId}::uuid`),
      )[0]?.n;
      return { day, files, tables, audit, notes, hasOther };
    } finally {
      await t.close();
    }
  }

  const screenshot = [{ status: 200, sha256: createHash('sha256').update(png).digest('hex') }];

  it('an embedded day restored into a new PostgreSQL database has the same tallies, notes, evidence and audit log', async (ctx) => {
    if (!admin) ctx.skip(`no PostgreSQL server at ${serverUrl}`);
    const { url, dataDir, output } = await restoredIntoPostgres();
    expect(output).toMatch(new RegExp(`audit ${operationId}: verifies`));
    const restored = await restoredDay(await openDatabase({ url }), dataDir);
    expect(restored.day.tallies).toEqual(original.tallies);
    expect(restored.day.evidence).toEqual(original.evidence);
    expect(restored.files).toEqual(screenshot);
    expect(restored.audit.verdict).toMatchObject({ ok: true, problems: [] });
    expect(restored.audit.verdict.head).toEqual(originalAudit.verdict.head);
    expect(restored.audit.rows).toEqual(originalAudit.rows);
    expect(restored.notes).toEqual(originalNotes);
    expect(restored.notes[0]?.text).toContain('NL and BE found the same phone number');
    expect(restored.tables).toEqual(originalTables);
    expect(restored.hasOther).toBe(1);
  }, 120_000);

  it('a restore into a database that is not empty is refused, and changes nothing', async (ctx) => {
    if (!admin) ctx.skip(`no PostgreSQL server at ${serverUrl}`);
    const { url, dataDir } = await restoredIntoPostgres();
    const target = await openDatabase({ url });
    try {
      const before = await (await tableFingerprinter(target.db, /^$/))();
      lines.length = 0;
      expect(await cli(['restore', archive], { DATABASE_URL: url, ACTIONDAY_DATA_DIR: dataDir })).toBe(1);
      expect(lines.join('\n')).toMatch(
        /The database is not empty \(.*rows.*\)\. A backup is restored only into an empty database/,
      );
      expect(await (await tableFingerprinter(target.db, /^$/))()).toEqual(before);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('an archive with one changed byte is refused by its manifest, and nothing is restored', async () => {
    const bytes = await readFile(await backupOfEverything());
    const cases: [string, number][] = [
      ['the evidence file', bytes.indexOf('pixels of a screenshot')],
      ['the manifest', bytes.indexOf('"format": "actionday-backup/1"') + 12],
    ];
    const dataDir = join(work, 'tampered');
    for (const [what, at] of cases) {
      expect(at, what).toBeGreaterThan(0);
      const tampered = Buffer.from(bytes);
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      const path = join(work, `tampered-${at}.tar`);
      await writeFile(path, tampered);
      lines.length = 0;
      expect(await cli(['restore', path], { ACTIONDAY_DATA_DIR: dataDir }), what).toBe(1);
      expect(lines.join('\n'), what).toMatch(/^Refused: .*does not match its SHA-256.*Nothing was restored\.$/m);
    }
    // checked before the database is opened: not even an empty embedded database was made
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  /** The archive again with its manifest edited (and its digest made to match): a backup from elsewhere. */
  async function repacked(source: string, edit: (manifest: Manifest) => Manifest): Promise<string> {
    const contents = new Map<string, Buffer>();
    await readArchive(source, async (name, content) => {
      contents.set(name, await readPart(content, 64 * 1024 * 1024));
    });
    const path = join(work, `repacked-${randomBytes(4).toString('hex')}.tar`);
    const writer = new ArchiveWriter(path, new Date());
    for (const [name, bytes] of contents)
      if (name !== parts.manifest && name !== parts.manifestDigest) await writer.add(name, bytes);
    const manifest = Buffer.from(JSON.stringify(edit(JSON.parse(String(contents.get(parts.manifest))) as Manifest)));
    await writer.add(parts.manifest, manifest, false);
    await writer.add(parts.manifestDigest, Buffer.from(`${digestOf(manifest).sha256}  ${parts.manifest}\n`), false);
    await writer.finish();
    return path;
  }

  it('an archive from a newer version, or a data directory with another signing key, is refused before any row', async (ctx) => {
    if (!admin) ctx.skip(`no PostgreSQL server at ${serverUrl}`);
    const full = await backupOfEverything();
    const url = await newPostgresDatabase();
    const newer = await repacked(full, (m) => ({ ...m, migrations: [...m.migrations, Date.now() + 86_400_000] }));
    lines.length = 0;
    expect(await cli(['restore', newer], { DATABASE_URL: url, ACTIONDAY_DATA_DIR: join(work, 'newer') })).toBe(1);
    expect(lines.join('\n')).toMatch(/The archive was made by a newer version of Actionday/);

    const keyed = join(work, 'keyed');
    await mkdir(keyed, { recursive: true });
    const otherKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
    await writeFile(join(keyed, 'audit-head-key.pem'), otherKey);
    lines.length = 0;
    expect(await cli(['restore', full], { DATABASE_URL: url, ACTIONDAY_DATA_DIR: keyed })).toBe(1);
    expect(lines.join('\n')).toMatch(/holds another audit signing key than the archive's/);

    const target = await openDatabase({ url });
    try {
      const rows = await (await tableFingerprinter(target.db, /^$/))();
      expect(Object.values(rows).every((sum) => sum.startsWith('0:'))).toBe(true);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('a backup of one operation restores that operation and its people only, here into a new embedded database', async () => {
    const file = join(work, 'one-operation.tar');
    expect(
      await cli(['backup', '--operation', operationId, '--out', file], { ACTIONDAY_DATA_DIR: sourceDir }),
      lines.join('\n'),
    ).toBe(0);
    const dataDir = join(work, 'one-operation');
    await embeddedDatabase(dataDir);
    // the command's own work, on a database kept open for the checks (opening one on disk takes seconds)
    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    const { audit } = await restoreBackup({ database, dataDir, file });
    expect(audit).toContainEqual(expect.objectContaining({ chain: operationId, ok: true, extendsArchivedHead: true }));
    const restored = await restoredDay(database, dataDir);
    expect(restored.hasOther).toBe(0);
    expect(restored.day.tallies).toEqual(original.tallies);
    expect(restored.audit.verdict).toMatchObject({ ok: true, problems: [] });
    expect(restored.audit.verdict.head).toEqual(originalAudit.verdict.head);
    expect(restored.audit.rows).toEqual(originalAudit.rows);
    expect(restored.notes).toEqual(originalNotes);
    expect(restored.files).toEqual(screenshot);
  }, 120_000);
});
