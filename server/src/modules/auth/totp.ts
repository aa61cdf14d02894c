import { generateSecret, generateURI, verify } from 'otplib';

/** A new base32 TOTP secret (160 bits). */
export const newTotpSecret = () => generateSecret();

/** The otpauth:// address an authenticator app reads (as text or QR code). */
export const totpUri = (secret: string, email: string) => generateURI({ issuer: 'Actionday', label: email, secret });

/** Checks a 6-digit code, allowing one 30-second step of clock drift either way. */
export async function checkTotp(secret: string | null, code: string): Promise<boolean> {
  if (!secret) return false;
  try {
    return (await verify({ secret, token: code, epochTolerance: 30 })).valid;
  } catch {
    return false;
  }
}
