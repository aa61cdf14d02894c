import { IdentifierError } from './identifier-error.js';
import type { IdentifierKind } from './identifier-kinds.js';
import { readPhone } from './phones.js';
import { type ReadContext, readIdentifier } from './reading.js';
import { resolveService } from './services.js';
import { foldHandle } from './handles.js';
import { canonicalUrl } from './urls.js';

export { IdentifierError } from './identifier-error.js';
export { type IdentifierKind, identifierKindSchema, identifierKinds } from './identifier-kinds.js';
export { canonicalUrl } from './urls.js';
export { normalizeWallet } from './wallets.js';

/**
 * What is known around a value. `region` (the one region callers passed until now) is tried first;
 * the richer fields (`platformRegion`, `language`, `text`, `ownRegion`, `service`) are `readIdentifier`'s.
 */
export type NormalizeContext = ReadContext;

/** E.164 form of a phone number: national numbers are read in the first region where they are valid. */
export function normalizePhone(value: string, defaultRegion?: string): string {
  const phone = readPhone(value, { region: defaultRegion });
  if (!phone.ok) throw new IdentifierError(phone.message);
  return phone.e164;
}

/**
 * A handle as compared: `service:handle` when `platformHost` is a known service's host, id or alias
 * (`t.me`, `telegram`), otherwise the bare handle (other sites no longer scope it).
 */
export function normalizeHandle(value: string, platformHost?: string): string {
  const service = resolveService(platformHost);
  const folded = foldHandle(service, value);
  if (!folded.ok) throw new IdentifierError(folded.message);
  return service ? `${service}:${folded.handle}` : folded.handle;
}

/**
 * The form in which identifiers are compared across participants and reference lists; throws
 * IdentifierError with a message for the person. `readIdentifier` gives the same value with the
 * service, the phone's reading and the match strength.
 */
export function normalizeIdentifier(kind: IdentifierKind, value: string, context: NormalizeContext = {}): string {
  const result = readIdentifier(kind, value, context);
  if (!result.ok) throw new IdentifierError(result.message);
  return result.reading.normalizedValue;
}

/** The host of a platform's URL: lower-case, without `www.` (`instagram.com`); a service's host names its service. */
export function platformHostOf(url: string): string | undefined {
  try {
    return canonicalUrl(url)
      .replace(/^https:\/\//, '')
      .split(/[/?]/)[0];
  } catch {
    return undefined;
  }
}
