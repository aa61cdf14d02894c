import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';

/** What was written or read of one part: its SHA-256 and size. */
export interface PartDigest {
  sha256: string;
  size: number;
}

/** A stream that hashes what passes through it. */
export function hashing(): Transform & { digest(): PartDigest } {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  let result: PartDigest | undefined;
  return Object.assign(tap, {
    digest: () => {
      result ??= { sha256: hash.digest('hex'), size };
      return result;
    },
  });
}

export const digestOf = (bytes: Buffer): PartDigest => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  size: bytes.length,
});

/** SHA-256 of a file on disk. */
export async function hashOfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * Writes a tar archive part by part (tar-stream), remembering each part's digest. Parts are written one at a
 * time, in the order they are added; a file is streamed, never held in memory.
 */
export class ArchiveWriter {
  readonly digests: Record<string, PartDigest> = {};
  private readonly pack = tar.pack();
  private readonly done: Promise<void>;

  constructor(
    path: string,
    private readonly mtime: Date,
  ) {
    this.done = pipeline(this.pack, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    // a failed write surfaces through `finish()`; until then nobody awaits it
    this.done.catch(() => {});
  }

  /** Adds a part from memory. */
  add(name: string, bytes: Buffer, remember = true): Promise<void> {
    if (remember) this.digests[name] = digestOf(bytes);
    return new Promise((resolve, reject) => {
      this.pack.entry({ name, size: bytes.length, mode: 0o600, mtime: this.mtime }, bytes, (error) =>
        error ? reject(error) : resolve(),
      );
    });
  }

  /** Adds a file from disk, hashing it on the way; answers its digest. */
  async addFile(name: string, path: string, size: number): Promise<PartDigest> {
    const hash = createHash('sha256');
    let written = 0;
    await new Promise<void>((resolve, reject) => {
      const entry = this.pack.entry({ name, size, mode: 0o600, mtime: this.mtime }, (error) =>
        error ? reject(error) : resolve(),
      );
      const copy = async () => {
        for await (const chunk of createReadStream(path)) {
          const bytes = chunk as Buffer;
          hash.update(bytes);
          written += bytes.length;
          if (!entry.write(bytes)) await new Promise<void>((drained) => entry.once('drain', () => drained()));
        }
        entry.end(undefined);
      };
      copy().catch((error: unknown) => {
        entry.destroy(error instanceof Error ? error : new Error(String(error)));
        reject(error);
      });
    });
    const digest = { sha256: hash.digest('hex'), size: written };
    this.digests[name] = digest;
    return digest;
  }

  /** Ends the archive and waits until every byte is on disk. */
  async finish(): Promise<void> {
    this.pack.finalize();
    await this.done;
  }

  /** Stops writing after a failure (the caller removes the file). */
  abort(error: Error): void {
    this.pack.destroy(error);
  }
}

/** An archive that cannot be read, or whose parts do not match its manifest: nothing is restored from it. */
export class DamagedArchiveError extends Error {}

/**
 * Reads an archive's parts in order: `visit` gets each part's name and a stream it must read to the end (or
 * leave: the rest is skipped). Only plain files are accepted; anything else is a damaged archive.
 */
export async function readArchive(
  path: string,
  visit: (name: string, content: AsyncIterable<Uint8Array>) => Promise<void>,
): Promise<void> {
  const extract = tar.extract();
  const source = createReadStream(path);
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract);
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type !== 'file') throw new DamagedArchiveError(`the archive holds "${name}", which is not a file`);
      // tar-stream's entries yield Buffers (b4a) in Node
      await visit(name, entry as AsyncIterable<Uint8Array>);
      entry.resume();
    }
  } catch (error) {
    source.destroy();
    if (error instanceof DamagedArchiveError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw error;
    throw new DamagedArchiveError(
      `the archive cannot be read as a backup (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Reads a part into memory, at most `limit` bytes. */
export async function readPart(content: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of content) {
    const bytes = Buffer.from(chunk);
    size += bytes.length;
    if (size > limit) throw new DamagedArchiveError(`a part is larger than ${limit} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
