import {
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The file in the data directory that holds the log's private key (PKCS #8 PEM, readable by the server only). */
export const HEAD_KEY_FILE = 'audit-head-key.pem';

/** What a tree head states: the chain's tree had `size` leaves with this root at that time. */
export interface HeadStatement {
  chain: string;
  size: number;
  root: string;
  at: Date;
}

/** Signs tree heads, and checks them. */
export interface HeadSigner {
  /** SHA-256 of the raw public key, hex: printed beside the head so a reader knows which key to trust. */
  keyId: string;
  /** The raw 32-byte Ed25519 public key, base64: enough for anyone to check a published head. */
  publicKey: string;
  sign(head: HeadStatement): string;
  verify(head: HeadStatement, signature: string): boolean;
}

/** The exact bytes a head's signature covers. */
export function headMessage(head: HeadStatement): Buffer {
  return Buffer.from(
    `actionday-audit-tree-head/v1\n${head.chain}\n${head.size}\n${head.root}\n${head.at.toISOString()}`,
    'utf8',
  );
}

function signerOf(privateKey: KeyObject): HeadSigner {
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    keyId: createHash('sha256').update(raw).digest('hex'),
    publicKey: raw.toString('base64'),
    sign: (head) => sign(null, headMessage(head), privateKey).toString('base64'),
    verify: (head, signature) => verify(null, headMessage(head), publicKey, Buffer.from(signature, 'base64')),
  };
}

const signers = new Map<string, HeadSigner>();

/**
 * The log's Ed25519 key from the data directory, created on first use. An
 * asymmetric key, not an HMAC: a published head can be checked by anyone
 * with the public key, and nothing secret is needed to verify. Every server
 * process of one database must share the data directory (as they do for
 * evidence files), so they sign with one key.
 */
export function headSigner(dataDir: string): HeadSigner {
  const path = join(resolve(dataDir), HEAD_KEY_FILE);
  const known = signers.get(path);
  if (known) return known;
  const signer = signerOf(createPrivateKey(readOrCreateKey(path)));
  signers.set(path, signer);
  return signer;
}

/** The key of a data directory when it has one (the verify command creates nothing). */
export function existingHeadSigner(dataDir: string): HeadSigner | null {
  try {
    return signerOf(createPrivateKey(readFileSync(join(resolve(dataDir), HEAD_KEY_FILE), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads the key, or writes a new one with a hard link so two processes starting at once keep the same key. */
function readOrCreateKey(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(resolve(path, '..'), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const draft = `${path}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, pem, { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return readFileSync(path, 'utf8');
}
