import { createHash } from 'node:crypto';
import type { FindingView, PackageManifest } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { liveEvidence, visibleEvidence } from '../evidence/index.js';
import { type Viewer, liveFindings, viewOf } from '../findings/index.js';
import { type OperationRow, participatingCountries } from '../operations/index.js';
import { listPlatforms } from '../platforms/index.js';
import { BOM, toCsv, zipFiles } from './reports.csv.js';
import { confirmedHits, leadPlatforms } from './reports.leads.js';

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
  counts: { leads: number; hits: number; findings: number; evidence: number };
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
): Promise<CountryPackage> {
  // read as any investigator of that country who wrote none of the records
  const viewer: Viewer = { memberId: null, role: 'investigator', country };
  const [leads, hits, findingRows, evidenceRows, platformRows] = await Promise.all([
    leadPlatforms(db, operation.id, country),
    confirmedHits(db, operation.id, { memberId: null, role: 'coordinator', country: null }),
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
  const seen = new Set(visible.map((f) => f.id));

  // confirmed hits on this country's own findings: the value is theirs already; the other side as they may see it
  // only hits whose every side this country may see (a TLP:RED side elsewhere stays unknown to it)
  const countryHits = hits.filter(
    (h) => h.findingCountries.includes(country) && h.findingIds.every((id) => seen.has(id)),
  );
  const rowById = new Map(findingRows.map((f) => [f.id, f]));
  const fullySeen = (id: string) => seen.has(id) && visible.find((f) => f.id === id)?.redacted === false;
  const hitRows = countryHits.map((h) => {
    const own = h.findingIds.filter((_, i) => h.findingCountries[i] === country);
    const others = h.findingIds.filter((id) => !own.includes(id));
    const shownPlatforms = [...own, ...others.filter(fullySeen)]
      .map((id) => platformName.get(rowById.get(id)?.platformId ?? '') ?? '')
      .filter(Boolean);
    return {
      hit_id: h.lead.hitId,
      source: h.lead.source,
      identifier_kind: h.lead.identifierKind,
      value: h.lead.value,
      own_findings: own.join(' '),
      other_countries: h.lead.countries.filter((c) => c !== country).join(' '),
      other_findings: others.filter(fullySeen).join(' '),
      reference_list: h.lead.referenceList,
      platforms: [...new Set(shownPlatforms)].join(' | '),
      confirmed_at: h.lead.resolvedAt,
    };
  });

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
  files['hits.csv'] = toCsv(
    Object.keys(
      hitRows[0] ?? {
        hit_id: 0,
        source: 0,
        identifier_kind: 0,
        value: 0,
        own_findings: 0,
        other_countries: 0,
        other_findings: 0,
        reference_list: 0,
        platforms: 0,
        confirmed_at: 0,
      },
    ),
    hitRows.map((r) => Object.values(r)),
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
    ]),
  );
  files['README.txt'] =
    `${BOM}${readme(operation.name, country, now, { leads: leads.length, hits: hitRows.length, findings: visible.length, evidence: evidenceSeen.length })}`;

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
    counts: { leads: leads.length, hits: hitRows.length, findings: visible.length, evidence: evidenceSeen.length },
  };
}

function readme(name: string, country: string, now: Date, counts: CountryPackage['counts']): string {
  return [
    `Follow-up package for ${country} — ${name}`,
    `Generated ${now.toISOString()} by Actionday.`,
    '',
    'Contents',
    `  leads.csv      ${counts.leads} platform(s) checked by ${country} and flagged for follow-up or confirmed involved`,
    `  hits.csv       ${counts.hits} confirmed cross-hit(s) on findings logged by ${country}`,
    `  findings.csv   ${counts.findings} finding(s) ${country} may see under the handling codes (also as findings.json)`,
    `  evidence.csv   ${counts.evidence} evidence record(s) (metadata and SHA-256; files stay in Actionday)`,
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
