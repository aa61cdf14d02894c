import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm) with its recommended cost parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Constant-time check of a password against a stored PHC string. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A valid hash of nothing, so that unknown accounts cost as much time as known ones. */
export const dummyHash = hash('actionday-dummy-password');
