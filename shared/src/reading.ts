import { readEmail } from './emails.js';
import { foldHandle } from './handles.js';
import { IdentifierError } from './identifier-error.js';
import type { IdentifierKind } from './identifier-kinds.js';
import { type PhoneContext, readPhone } from './phones.js';
import type { IdentifierReading } from './reading.schemas.js';
import { canonicalServiceUrl, looksLikeUrl, profileOfUrl } from './service-urls.js';
import { type ServiceId, accountServiceOf, isServiceId, resolveService, serviceOf, serviceOfWord } from './services.js';
import { trimLeading, trimTrailing } from './urls.js';
import { normalizeWallet } from './wallets.js';

export {
  type IdentifierReading,
  type IdentifierStrength,
  identifierReadingSchema,
  identifierStrengthSchema,
  identifierStrengths,
} from './reading.schemas.js';

/** A reading, or what the person who typed the value should be told. */
export type ReadResult = { ok: true; reading: IdentifierReading } | { ok: false; message: string };

/** What is known around a value: where phones are read, and which network a handle is on. */
export interface ReadContext extends PhoneContext {
  /** The service the person picked: beats a word in the value ("tg: x"), never a profile URL's host. */
  service?: ServiceId | null;
  /** Host, URL, service id or alias of the platform the value was seen on (`t.me` gives Telegram; other sites give nothing). */
  platformHost?: string | null;
}

/** Longest value read at all; anything longer is refused before any pattern runs. */
const maxValue = 4096;

const fail = (message: string): ReadResult => ({ ok: false, message });
const done = (reading: IdentifierReading): ReadResult => ({ ok: true, reading });

/** A value with the service words around it taken off: "Telegram @x", "tg: x", "@x (telegram)", "x on telegram". */
interface Worded {
  service: ServiceId | null;
  rest: string;
}

/** "tg: x", "telegram=x": a service's name, a colon, the rest. */
export const serviceColonPattern = /^([^\s:@/]{1,20})\s{0,3}[:=]\s{0,3}(\S.*)$/su;
/** Reddit's own way of writing a user: "u/x", "/u/x". */
export const redditUserPattern = /^\/?u\/([a-z0-9_-]{1,40})$/i;

const fillers = new Set([
  'id',
  'app',
  'me',
  'on',
  'via',
  'in',
  'op',
  'auf',
  'sur',
  'na',
  'на',
  'в',
  'у',
  'через',
  'nr',
  'no',
  'number',
]);

/** Strips service words from the start and end of a short value, by tokens (linear, no backtracking). */
export function splitServiceWords(value: string): Worded {
  const trimmed = value.trim();
  const colon = serviceColonPattern.exec(trimmed);
  if (colon?.[1] && colon[2] && serviceOfWord(colon[1])) {
    const inner = splitServiceWords(colon[2]);
    return { service: serviceOfWord(colon[1]), rest: inner.rest };
  }
  const tokens = trimmed.split(/\s+/).filter(Boolean);
  let service: ServiceId | null = null;
  const word = (token: string) => serviceOfWord(trimTrailing(trimLeading(token, '(['), ')]:,.-'));
  while (tokens.length > 1) {
    const first = tokens[0] ?? '';
    const named = word(first);
    if (named) {
      service ??= named;
      tokens.shift();
    } else if (service && fillers.has(trimTrailing(first.toLowerCase(), ':.'))) tokens.shift();
    else break;
  }
  while (tokens.length > 1) {
    const last = tokens[tokens.length - 1] ?? '';
    const named = word(last);
    if (named) {
      service ??= named;
      tokens.pop();
    } else if (service && fillers.has(last.toLowerCase())) tokens.pop();
    else break;
  }
  return { service, rest: tokens.join(' ').replace(/^[:=-]\s*/, '') };
}

function phoneReading(value: string, service: ServiceId | null, context: ReadContext): ReadResult {
  const phone = readPhone(value, context);
  if (!phone.ok) return fail(phone.message);
  const { readAs } = phone;
  return done({
    identifierKind: 'phone',
    normalizedValue: phone.e164,
    service,
    handle: null,
    // formatted only when shown (see readAsOf): normalizeIdentifier needs the E.164 form alone
    get display() {
      return readAs.international;
    },
    readAs,
    strength: 'exact',
  });
}

function handleReading(service: ServiceId | null, raw: string): ReadResult {
  const account = service ? accountServiceOf(service) : null;
  const folded = foldHandle(account, raw);
  if (!folded.ok) return fail(folded.message);
  return done({
    identifierKind: 'username',
    normalizedValue: account ? `${account}:${folded.handle}` : folded.handle,
    service,
    handle: folded.handle,
    display: service ? `${serviceOf(service).name} @${folded.handle}` : `@${folded.handle}`,
    readAs: null,
    strength: account ? 'exact' : 'possible',
  });
}

function profileReading(value: string, context: ReadContext): ReadResult | null {
  const target = profileOfUrl(value);
  if (!target) return null;
  if ('handle' in target) return handleReading(target.service, target.handle);
  const phone = phoneReading(target.phone, target.service, context);
  return phone.ok ? phone : null;
}

/** Digits and what people put between them, nothing else. */
export const phoneLikePattern = /^\+?[\d\s().\-/]{6,40}$/;
const looksLikePhone = (value: string) => phoneLikePattern.test(value.trim());

function readUsername(value: string, context: ReadContext): ReadResult {
  if (looksLikeUrl(value)) {
    return profileReading(value, context) ?? fail('This web address is not a profile: log it as a profile URL');
  }
  const reddit = redditUserPattern.exec(value.trim());
  if (reddit?.[1]) return handleReading('reddit', reddit[1]);
  const worded = splitServiceWords(value);
  const named = context.service ?? worded.service;
  const service = named ?? resolveService(context.platformHost);
  // "WA +31…" or "Viber: 050…" typed as a username is the phone the account is reached on
  if (service && serviceOf(service).phone && looksLikePhone(worded.rest))
    return phoneReading(worded.rest, service, context);
  const reading = handleReading(service, worded.rest);
  // a name seen on a service's own site that does not fit its rules (a display name) stays a bare handle
  if (!reading.ok && service && !named) return handleReading(null, worded.rest);
  return reading;
}

function readPhoneValue(value: string, context: ReadContext): ReadResult {
  if (looksLikeUrl(value)) {
    const profile = profileReading(value, context);
    if (profile?.ok && profile.reading.identifierKind === 'phone') return profile;
  }
  const worded = splitServiceWords(value);
  const platformService = resolveService(context.platformHost);
  const service =
    context.service ?? worded.service ?? (platformService && serviceOf(platformService).phone ? platformService : null);
  return phoneReading(worded.rest, service, context);
}

/**
 * Reads an identifier as a person would, for matching and for showing back what it was read as.
 * - `username`: `service:handle` when the service is known — from a profile URL ("t.me/x"), the
 *   person's pick (`context.service`), words in the value ("Telegram @x", "@x (telegram)",
 *   "tg: x", "telegram:x"), or the platform's host when it is a service's host — checked against
 *   that service's rules; else the bare handle, `strength: 'possible'`.
 * - `profile_url`: a known service's profile is the same identity as its handle (or phone, for
 *   wa.me); other URLs keep their canonical form, without tracking parameters and mobile hosts.
 * - `phone`: E.164, read in the first region where it is valid (see `readPhone`); "WA +31…" and
 *   "Viber: 050…" give the service too.
 * - `email`, `wallet`, `other`: as before (e-mails also when written "[at]"/"[dot]").
 */
export function readIdentifier(kind: IdentifierKind, value: string, context: ReadContext = {}): ReadResult {
  if (value.length > maxValue) return fail('Too long for an identifier');
  if (!value.trim()) return fail('Empty value');
  switch (kind) {
    case 'phone':
      return readPhoneValue(value, context);
    case 'username':
      return readUsername(value, context);
    case 'profile_url': {
      const profile = profileReading(value, context);
      if (profile) return profile;
      try {
        const url = canonicalServiceUrl(value);
        return done({
          identifierKind: 'profile_url',
          normalizedValue: url,
          service: resolveService(url),
          handle: null,
          display: url,
          readAs: null,
          strength: 'exact',
        });
      } catch (error) {
        if (error instanceof IdentifierError) return fail(error.message);
        throw error;
      }
    }
    case 'email': {
      const email = readEmail(value);
      if (!email) return fail('Not an e-mail address');
      return done({
        identifierKind: 'email',
        normalizedValue: email,
        service: null,
        handle: null,
        display: email,
        readAs: null,
        strength: 'exact',
      });
    }
    case 'wallet':
      try {
        const wallet = normalizeWallet(value);
        return done({
          identifierKind: 'wallet',
          normalizedValue: wallet,
          service: null,
          handle: null,
          display: wallet,
          readAs: null,
          strength: 'exact',
        });
      } catch (error) {
        if (error instanceof IdentifierError) return fail(error.message);
        throw error;
      }
    case 'other': {
      const other = value.trim().normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
      return done({
        identifierKind: 'other',
        normalizedValue: other,
        service: null,
        handle: null,
        display: value.trim(),
        readAs: null,
        strength: 'exact',
      });
    }
  }
}

/** The service and handle of a `service:handle` identity, or null for other identities (bare handles, phones, URLs). */
export function identityOf(normalizedValue: string): { service: ServiceId; handle: string } | null {
  const colon = normalizedValue.indexOf(':');
  if (colon <= 0) return null;
  const service = normalizedValue.slice(0, colon);
  if (!isServiceId(service) || normalizedValue.startsWith('http')) return null;
  return { service, handle: normalizedValue.slice(colon + 1) };
}

/**
 * The key under which a bare handle (strength `possible`) meets the same handle on any service:
 * lower-case, dots dropped (Facebook ignores them). Equal keys are a *possible* match, never an exact one.
 */
export function possibleMatchKey(normalizedValue: string): string {
  const handle = identityOf(normalizedValue)?.handle ?? normalizedValue;
  return handle.toLowerCase().replaceAll('.', '');
}
