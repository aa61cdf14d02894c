import { createHash } from 'node:crypto';
import { DamagedArchiveError, digestOf, type PartDigest, readArchive, readPart } from './backup.archive.js';
import { type Manifest, manifestSchema, parts } from './backup.manifest.js';

const MANIFEST_LIMIT = 64 * 1024 * 1024;

/** A checked archive: its manifest, and the audit signing key it carries (small, kept for the restore). */
export interface CheckedArchive {
  manifest: Manifest;
  headKey: Buffer | null;
}

/**
 * Reads the whole archive once and holds every part against the manifest: the manifest against its own digest,
 * then each part's SHA-256 and size, no part missing and none added. Any difference (a changed byte anywhere in
 * a part, a truncated file) is a DamagedArchiveError naming the part; nothing is restored from such an archive.
 */
export async function checkArchive(path: string): Promise<CheckedArchive> {
  const seen = new Map<string, PartDigest>();
  let manifestBytes: Buffer | null = null;
  let digestLine: string | null = null;
  let headKey: Buffer | null = null;
  await readArchive(path, async (name, content) => {
    if (seen.has(name) || (name === parts.manifest && manifestBytes))
      throw new DamagedArchiveError(`the archive holds "${name}" twice`);
    if (name === parts.manifest) {
      manifestBytes = await readPart(content, MANIFEST_LIMIT);
      return;
    }
    if (name === parts.manifestDigest) {
      digestLine = (await readPart(content, 1024)).toString('utf8');
      return;
    }
    if (name === parts.headKey) {
      headKey = await readPart(content, 64 * 1024);
      seen.set(name, digestOf(headKey));
      return;
    }
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of content) {
      hash.update(chunk);
      size += chunk.length;
    }
    seen.set(name, { sha256: hash.digest('hex'), size });
  });
  if (!manifestBytes) throw new DamagedArchiveError(`the archive has no ${parts.manifest}: it is not a backup`);
  const bytes: Buffer = manifestBytes;
  const stated = (digestLine as string | null)?.split(/\s+/)[0];
  if (stated !== digestOf(bytes).sha256)
    throw new DamagedArchiveError(`${parts.manifest} does not match its SHA-256 in ${parts.manifestDigest}`);
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    throw new DamagedArchiveError(
      `${parts.manifest} is not a manifest this version can read (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`,
    );
  }
  for (const [name, expected] of Object.entries(manifest.parts)) {
    const actual = seen.get(name);
    if (!actual) throw new DamagedArchiveError(`the archive lacks ${name}, which its manifest lists`);
    if (actual.sha256 !== expected.sha256 || actual.size !== expected.size)
      throw new DamagedArchiveError(`${name} does not match its SHA-256 in the manifest: it was altered or damaged`);
  }
  for (const name of seen.keys())
    if (!(name in manifest.parts))
      throw new DamagedArchiveError(`the archive holds ${name}, which its manifest does not list`);
  const listed = new Set([
    ...manifest.tables.flatMap((t) => t.parts),
    ...manifest.files.map((f) => parts.file(f.storagePath)),
  ]);
  for (const name of listed)
    if (!(name in manifest.parts)) throw new DamagedArchiveError(`the manifest names ${name} without its SHA-256`);
  for (const file of manifest.files)
    if (manifest.parts[parts.file(file.storagePath)]?.sha256 !== file.sha256)
      throw new DamagedArchiveError(`the manifest gives evidence file ${file.storagePath} two different hashes`);
  return { manifest, headKey };
}
