import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';

/** Kinds of identifier an investigator checks. */
export const identifierKinds = ['username', 'profile_url', 'phone', 'email', 'wallet', 'other'] as const;
export const identifierKindSchema = z.enum(identifierKinds);
export type IdentifierKind = z.infer<typeof identifierKindSchema>;

/** Why a value could not be normalised; the message is for the person who typed it. */
export class IdentifierError extends Error {}

/** Query parameters that only track clicks and never identify a page. */
const trackingParams =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|igshid|igsh|si|ref|ref_src|mc_cid|mc_eid|_ga|s|share_id|feature)$/i;

/** Canonical URL: https, lower-case host without `www.`, no fragment, no tracking parameters, no trailing slash. */
export function canonicalUrl(value: string): string {
  const trimmed = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new IdentifierError('Not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IdentifierError('Only http(s) URLs');
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  if (host.endsWith('.onion') && !/^([a-z2-7]{56})\.onion$/.test(host.split('.').slice(-2).join('.'))) {
    throw new IdentifierError('Not a valid v3 onion address (56 base32 characters)');
  }
  if (!host.includes('.')) throw new IdentifierError('Not a URL');
  const params = [...url.searchParams.entries()]
    .filter(([key]) => !trackingParams.test(key))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `https://${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/** E.164 form of a phone number, reading national numbers in the default region (ISO alpha-2). */
export function normalizePhone(value: string, defaultRegion?: string): string {
  const digits = value.replace(/[^\d+]/g, '');
  const phone = parsePhoneNumberFromString(value.startsWith('00') ? `+${digits.slice(2)}` : value, {
    defaultCountry: defaultRegion?.toUpperCase() as CountryCode | undefined,
  });
  if (!phone || !phone.isPossible())
    throw new IdentifierError(
      defaultRegion
        ? `Not a phone number (read in region ${defaultRegion.toUpperCase()})`
        : 'Not a phone number: give it with its country code (+31…)',
    );
  return phone.number;
}

/** A handle without `@`, case-folded, scoped by the platform it lives on (`instagram.com:anna_k`). */
export function normalizeHandle(value: string, platformHost?: string): string {
  const handle = value.trim().replace(/^@+/, '').normalize('NFKC').toLowerCase();
  if (!handle || /\s/.test(handle)) throw new IdentifierError('A handle has no spaces');
  return platformHost ? `${platformHost}:${handle}` : handle;
}

const walletPatterns: [RegExp, (v: string) => string][] = [
  [/^(bc1|tb1)[a-z0-9]{20,90}$/i, (v) => v.toLowerCase()],
  [/^[13][a-km-zA-HJ-NP-Z1-9]{25,34}$/, (v) => v],
  [/^0x[0-9a-fA-F]{40}$/, (v) => v.toLowerCase()],
  [/^T[1-9A-HJ-NP-Za-km-z]{33}$/, (v) => v],
  [/^4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}$/, (v) => v],
];

/** A crypto wallet address (Bitcoin, Ethereum, Tron, Monero), case-normalised where its format allows. */
export function normalizeWallet(value: string): string {
  const trimmed = value.trim();
  for (const [pattern, fold] of walletPatterns) if (pattern.test(trimmed)) return fold(trimmed);
  throw new IdentifierError('Not a known wallet address format (BTC, ETH, TRX, XMR)');
}

export interface NormalizeContext {
  /** ISO alpha-2 region to read national phone numbers in. */
  region?: string;
  /** Host of the platform the identifier belongs to, scoping handles. */
  platformHost?: string;
}

/** The form in which identifiers are compared across participants and reference lists. */
export function normalizeIdentifier(kind: IdentifierKind, value: string, context: NormalizeContext = {}): string {
  switch (kind) {
    case 'phone':
      return normalizePhone(value, context.region);
    case 'email': {
      const email = value.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new IdentifierError('Not an e-mail address');
      return email;
    }
    case 'username':
      return normalizeHandle(value, context.platformHost);
    case 'profile_url':
      return canonicalUrl(value);
    case 'wallet':
      return normalizeWallet(value);
    case 'other': {
      const other = value.trim().normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
      if (!other) throw new IdentifierError('Empty value');
      return other;
    }
  }
}

/** The host used to scope handles: lower-case, without `www.` (`instagram.com`). */
export function platformHostOf(url: string): string | undefined {
  try {
    return canonicalUrl(url)
      .replace(/^https:\/\//, '')
      .split(/[/?]/)[0];
  } catch {
    return undefined;
  }
}
