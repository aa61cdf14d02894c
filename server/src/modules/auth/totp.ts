import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { users } from './auth.table.js';
import { generateSecret, generateURI, verify } from 'otplib';

/** A new base32 TOTP secret (160 bits). */
export const newTotpSecret = () => generateSecret();

/** The otpauth:// address an authenticator app reads (as text or QR code). */
export const totpUri = (secret: string, email: string) => generateURI({ issuer: 'Actionday', label: email, secret });

/** The 30-second step a 6-digit code belongs to (one step of clock drift allowed either way), or null. */
async function stepOf(secret: string | null, code: string): Promise<number | null> {
  if (!secret) return null;
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    if (!result.valid) return null;
    // the step the code matched: its period's start, or the current step and the drift it matched at
    return 'epoch' in result && typeof result.epoch === 'number'
      ? Math.floor(result.epoch / 30)
      : Math.floor(Date.now() / 30_000) + result.delta;
  } catch {
    return null;
  }
}

/** Checks a 6-digit code, allowing one 30-second step of clock drift either way. */
export async function checkTotp(secret: string | null, code: string): Promise<boolean> {
  return (await stepOf(secret, code)) !== null;
}

/**
 * Checks a code and spends it: a code (or an older one) that was accepted once is refused, also when the
 * replay comes within its window or from another process (a conditional update decides).
 */
export async function spendTotp(db: Db, userId: string, secret: string | null, code: string): Promise<boolean> {
  const step = await stepOf(secret, code);
  if (step === null) return false;
  const [spent] = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return !!spent;
}
