import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The file's SHA-256 and size as written. */
export interface StoredFile {
  tempPath: string;
  sha256: string;
  size: number;
}

/** Streams an upload to a temporary file in the evidence folder, hashing it on the way. */
export async function storeUpload(dir: string, stream: Readable): Promise<StoredFile> {
  await mkdir(join(dir, 'tmp'), { recursive: true });
  const tempPath = join(dir, 'tmp', randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, tap, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    // an upload cut off half-way leaves nothing behind
    await rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, sha256: hash.digest('hex'), size };
}

/** Moves a checked upload to its final place and makes it read-only: evidence is never altered. */
export async function sealUpload(dataDir: string, tempPath: string, relativePath: string): Promise<void> {
  const target = join(dataDir, relativePath);
  await mkdir(join(target, '..'), { recursive: true });
  await rename(tempPath, target);
  await chmod(target, 0o444);
}

export const discardUpload = (tempPath: string) => rm(tempPath, { force: true });

/** Removes a sealed file whose database row was never written. */
export const discardSealed = (dataDir: string, relativePath: string) =>
  rm(join(dataDir, relativePath), { force: true });

/** SHA-256 of a stored file, read again from disk. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** The first bytes of a file, to check its content against its declared type. */
export async function headOf(path: string, length = 4096): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);

/** Whether the content looks like what the declared type says; text types must hold no NUL byte. */
export function contentMatchesType(head: Buffer, mimeType: string): boolean {
  switch (mimeType) {
    case 'image/png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47]);
    case 'image/jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'image/gif':
      return startsWith(head, [0x47, 0x49, 0x46, 0x38]);
    case 'image/webp':
      return startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8);
    case 'application/pdf':
      return startsWith(head, [0x25, 0x50, 0x44, 0x46]);
    case 'video/mp4':
      return startsWith(head, [0x66, 0x74, 0x79, 0x70], 4);
    case 'text/html':
    case 'text/plain':
    case 'message/rfc822':
      return !head.includes(0);
    default:
      return false;
  }
}
