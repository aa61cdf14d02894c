import type { IdentifierKind } from '@actionday/shared';

const wallet =
  /^(?:bc1[a-z0-9]{20,90}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|4[0-9AB][1-9A-HJ-NP-Za-km-z]{93})$/;

/**
 * What kind of identifier a typed value most likely is, so the investigator
 * need not pick it; null when the value says nothing clear (the choice stays).
 */
export function guessIdentifierKind(input: string): IdentifierKind | null {
  const value = input.trim();
  if (!value) return null;
  if (wallet.test(value)) return 'wallet';
  if (/^@[^\s@]+$/.test(value)) return 'username';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'email';
  if (
    /^(?:https?:\/\/|www\.)\S+$/i.test(value) ||
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,24}|onion)\/\S*$/i.test(value) ||
    /\.onion$/i.test(value)
  )
    return 'profile_url';
  const digits = value.replace(/\D/g, '').length;
  if (/^[+(]?[\d\s().\-/]+$/.test(value) && digits >= 6 && digits <= 17) return 'phone';
  return null;
}
