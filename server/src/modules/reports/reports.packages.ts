import { createHash } from 'node:crypto';
import type { FindingView, PackageManifest } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { liveEvidence, readEvidenceText, visibleEvidence } from '../evidence/index.js';
import { liveFindings, viewOf } from '../findings/index.js';
import type { Viewer } from '../sharing/index.js';
import { type OperationRow, participatingCountries } from '../operations/index.js';
import { listPlatforms } from '../platforms/index.js';
import { BOM, toCsv, zipFiles } from './reports.csv.js';
import { countryMatches, leadPlatforms } from './reports.leads.js';

/**
 * A country's follow-up package: its leads and every record it may see
 * under the handling codes, read as an investigator of that country would
 * (TLP:RED of other countries absent, other countries' victims only as
 * "a victim was logged here"). Victims are pseudonymised a second time: the
 * reference becomes `victim-N`, numbered over the operation's victims by
 * logging order (stable, and the same in every country's package);
 * nationality, minor, exploitation type and referral stay; age estimate and
 * the free-text note go. `manifest.json` lists every other file's SHA-256.
 */
export interface CountryPackage {
  zip: Uint8Array;
  manifest: PackageManifest;
  counts: { leads: number; matches: number; findings: number; evidence: number };
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The countries that took part (a package exists for each). */
export async function packageCountries(db: Db, operationId: string): Promise<string[]> {
  return participatingCountries(db, operationId);
}

export async function buildCountryPackage(
  db: Db,
  operation: OperationRow,
  country: string,
  now: Date,
  /** Where the evidence files are: the manifests of web captures go into the package. */
  dataDir?: string,
): Promise<CountryPackage> {
  // read as any investigator of that country who wrote none of the records
  const viewer: Viewer = { memberId: null, role: 'investigator', country };
  const [leads, matches, findingRows, evidenceRows, platformRows] = await Promise.all([
    leadPlatforms(db, operation.id, country),
    countryMatches(db, operation.id, country),
    liveFindings(db, operation.id),
    liveEvidence(db, operation.id),
    listPlatforms(db, operation.id),
  ]);
  const platformName = new Map(platformRows.map((p) => [p.id, p.name]));

  // victim pseudonyms over all the operation's victims, so that they agree across packages
  const pseudonym = new Map<string, string>();
  for (const row of findingRows) if (row.kind === 'victim') pseudonym.set(row.id, `victim-${pseudonym.size + 1}`);

  const visible: FindingView[] = [];
  for (const row of findingRows) {
    const view = viewOf(row, viewer);
    if (!view) continue;
    if (!view.redacted && view.kind === 'victim')
      visible.push({ ...view, reference: pseudonym.get(view.id) ?? null, ageEstimate: null, note: null });
    else visible.push(view);
  }

  // confirmed matches with this country's findings: its own value and findings, and whom to call elsewhere
  const matchRows = matches.map(({ view, own }) => ({
    match_id: view.id,
    strength: view.strength,
    identifier_kind: view.identifierKind,
    value: view.value,
    own_findings: own.join(' '),
    other_countries: view.countries.filter((c) => c !== country).join(' '),
    contacts: view.contacts.map((c) => `${c.name} (${c.agency}, ${c.country})`).join(' | '),
    platforms: [
      ...new Set(
        view.sightings
          .filter((s) => s.mine)
          .map((s) => s.platformName)
          .filter(Boolean),
      ),
    ].join(' | '),
    confirmed_at: view.resolution?.at ?? null,
  }));

  const evidenceSeen = await visibleEvidence(db, evidenceRows, viewer);

  const files: Record<string, string> = {};
  files['leads.csv'] = toCsv(
    ['platform_id', 'name', 'url', 'category', 'tags', 'verdict', 'follow_up', 'country', 'checked_at', 'summary'],
    leads.map((p) => [
      p.platformId,
      p.name,
      p.url,
      p.category,
      p.tags.join(' '),
      p.verdict,
      p.followUp,
      p.country,
      p.checkedAt,
      p.summary,
    ]),
  );
  files['matches.csv'] = toCsv(
    [
      'match_id',
      'strength',
      'identifier_kind',
      'value',
      'own_findings',
      'other_countries',
      'contacts',
      'platforms',
      'confirmed_at',
    ],
    matchRows.map((r) => Object.values(r)),
  );
  files['findings.csv'] = toCsv(
    [
      'id',
      'kind',
      'redacted',
      'platform_id',
      'platform_name',
      'country',
      'created_at',
      'handling',
      'tags',
      'late',
      'aliases',
      'identified',
      'nationality',
      'role',
      'identifier_kind',
      'value',
      'result',
      'victim',
      'minor',
      'exploitation',
      'referral',
      'links',
      'note',
    ],
    visible.map((f) =>
      f.redacted
        ? [
            f.id,
            f.kind,
            true,
            f.platformId,
            platformName.get(f.platformId) ?? '',
            f.country,
            f.createdAt,
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
            '',
          ]
        : [
            f.id,
            f.kind,
            false,
            f.platformId,
            platformName.get(f.platformId) ?? '',
            f.country,
            f.createdAt,
            f.handling,
            f.tags.join(' '),
            f.late,
            (f.aliases ?? []).join(' | '),
            f.identified,
            f.nationality,
            f.role,
            f.identifierKind,
            f.value,
            f.result,
            f.reference,
            f.minor,
            f.exploitation,
            f.referral,
            f.links.join(' '),
            f.note,
          ],
    ),
  );
  files['findings.json'] = `${JSON.stringify(
    visible.map((f) => ({ ...f, platformName: platformName.get(f.platformId) ?? null })),
    null,
    2,
  )}\n`;
  files['evidence.csv'] = toCsv(
    [
      'id',
      'platform_id',
      'platform_name',
      'finding_id',
      'url',
      'captured_at',
      'country',
      'file_name',
      'mime_type',
      'size',
      'sha256',
      'handling',
      'capture_role',
    ],
    evidenceSeen.map((e) => [
      e.id,
      e.platformId,
      platformName.get(e.platformId) ?? '',
      e.findingId,
      e.url,
      e.capturedAt.toISOString(),
      e.country,
      e.fileName,
      e.mimeType,
      e.size,
      e.sha256,
      e.handling,
      e.captureRole,
    ]),
  );
  // each web capture's manifest as it was sealed (every file's SHA-256 and size, the capture's facts)
  if (dataDir)
    for (const row of evidenceSeen.filter((e) => e.captureRole === 'manifest')) {
      const content = await readEvidenceText(dataDir, row);
      if (content === null) continue;
      files[`captures/${row.id}.manifest.json`] = content;
    }
  files['README.txt'] =
    `${BOM}${readme(operation.name, country, now, { leads: leads.length, matches: matchRows.length, findings: visible.length, evidence: evidenceSeen.length })}`;

  const encoder = new TextEncoder();
  const manifest: PackageManifest = {
    operationId: operation.id,
    operationName: operation.name,
    country,
    generatedAt: now.toISOString(),
    files: Object.entries(files).map(([name, content]) => {
      const bytes = encoder.encode(content);
      return { name, bytes: bytes.byteLength, sha256: sha256(bytes) };
    }),
  };
  const zip = zipFiles({ ...files, 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` }, now);
  return {
    zip,
    manifest,
    counts: { leads: leads.length, matches: matchRows.length, findings: visible.length, evidence: evidenceSeen.length },
  };
}

function readme(name: string, country: string, now: Date, counts: CountryPackage['counts']): string {
  return [
    `Follow-up package for ${country} — ${name}`,
    `Generated ${now.toISOString()} by Actionday.`,
    '',
    'Contents',
    `  leads.csv      ${counts.leads} platform(s) checked by ${country} and flagged for follow-up or confirmed involved`,
    `  matches.csv    ${counts.matches} confirmed match(es) with findings logged by ${country}`,
    `  findings.csv   ${counts.findings} finding(s) ${country} may see under the handling codes (also as findings.json)`,
    `  evidence.csv   ${counts.evidence} evidence record(s) (metadata and SHA-256; files stay in Actionday)`,
    '  captures/      the manifest of each web capture the server took (its files with SHA-256 and size)',
    '  manifest.json  the SHA-256 of every other file: check with `sha256sum`',
    '',
    'Handling',
    '  Records keep their handling code (TLP:RED / TLP:AMBER / TLP:GREEN). Share them no further than the code allows.',
    "  Possible victims appear under a pseudonym (victim-N), the same in every country's package; age estimates and",
    '  free-text notes on victims are left out. Victims logged by another country appear only as "redacted":',
    '  that a victim was logged on that platform, and by which country.',
    '',
  ].join('\r\n');
}
