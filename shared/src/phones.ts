import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { regionOfLanguage, regionsOfScript } from './languages.js';
import type { ReadAs, ReadingBasis } from './phones.schemas.js';

export { type ReadAs, type ReadingBasis, readAsSchema, readingBases, readingBasisSchema } from './phones.schemas.js';

/** Where a national number may come from, in the order a person would try. */
export interface PhoneContext {
  /** Regions the person chose ("read in …"): when given, only these are tried, in this order. */
  regions?: readonly string[] | null;
  /** A region given with the value (a reference list's `region` column, the old single region): tried first. */
  region?: string | null;
  /** The platform's country focus. */
  platformRegion?: string | null;
  /** Language(s) of the ad or the platform (BCP 47: `uk`, `pt-BR`). */
  language?: string | readonly string[] | null;
  /** The ad's text, whose letters may point to a country (Ukrainian і ї є ґ → UA). */
  text?: string | null;
  /** The investigator's own country. */
  ownRegion?: string | null;
  /** `phoneRegionOrder` of this context, computed once by a caller that reads many numbers in it (extraction). */
  order?: readonly RegionCandidate[];
}

/** One region to try, and why it is tried. */
export interface RegionCandidate {
  region: string;
  basis: ReadingBasis;
}

const supported = (region: string | null | undefined): region is string =>
  !!region && /^[a-z]{2}$/i.test(region) && isSupportedCountry(region.toUpperCase() as CountryCode);

/**
 * The regions a national number is tried in: the person's choice alone when given; otherwise the
 * region given with the value, the platform's country focus, the country of the ad's language or
 * script, and the investigator's own country — each once, unknown codes skipped.
 */
export function phoneRegionOrder(context: PhoneContext): RegionCandidate[] {
  if (context.order) return [...context.order];
  const order: RegionCandidate[] = [];
  const add = (region: string | null | undefined, basis: ReadingBasis) => {
    if (!supported(region)) return;
    const upper = region.toUpperCase();
    if (!order.some((candidate) => candidate.region === upper)) order.push({ region: upper, basis });
  };
  if (context.regions && context.regions.length > 0) {
    for (const region of context.regions) add(region, 'chosen');
    return order;
  }
  add(context.region, 'given');
  add(context.platformRegion, 'platform');
  const languages = typeof context.language === 'string' ? [context.language] : (context.language ?? []);
  for (const language of languages) add(regionOfLanguage(language), 'language');
  if (context.text) for (const region of regionsOfScript(context.text)) add(region, 'language');
  add(context.ownRegion, 'own');
  return order;
}

/**
 * The reading of a number, formatted for people only when someone looks: formatting costs ~50 µs,
 * twice a parse, and a 100,000-entry reference import only needs the E.164 form.
 */
function readAsOf(phone: PhoneNumber, region: string | null, basis: ReadingBasis, valid: boolean): ReadAs {
  let international: string | undefined;
  return {
    region,
    basis,
    valid,
    get international() {
      international ??= phone.formatInternational();
      return international;
    },
  };
}

/** A phone number read, or why it could not be, with the regions that were tried. */
export type PhoneResult = { ok: true; e164: string; readAs: ReadAs } | { ok: false; message: string; tried: string[] };

/** Longer than this is no phone number, however it is spaced; checked before parsing. */
const maxPhoneText = 64;
/** An extension at the end of a number ("ext. 12", "доб. 3"). */
export const extensionPattern = /(?:ext\.?|x|#|доб\.?)\s{0,3}\d{1,6}$/i;
/** What people write in numbers. */
export const numberCharsPattern = /^\+?[\d\s().\-/\u00a0]{4,}$/;

/** Only what people write in numbers: digits, `+`, spaces, `( ) . - /`, an extension at the end. */
function cleanNumber(value: string): string | null {
  let text = value.trim().replace(/^tel:/i, '');
  if (text.length > maxPhoneText) return null;
  text = text.replace(extensionPattern, '').trim();
  if (!numberCharsPattern.test(text)) return null;
  const compact = text.replace(/[\s\u00a0]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/**
 * Reads a phone number as a person would. A number written with `+` or `00` needs no region; a
 * national number is read in the first region of `phoneRegionOrder` where it is a *valid* number
 * (libphonenumber's `isValid`, not just the right length): "0151 23456789" on a French-focused
 * platform by a German investigator is +49 (not valid in FR, valid in DE). Words are never read
 * as digits.
 */
export function readPhone(value: string, context: PhoneContext = {}): PhoneResult {
  const number = cleanNumber(value);
  if (!number) return { ok: false, message: 'Not a phone number', tried: [] };
  if (number.startsWith('+')) {
    const phone = parsePhoneNumberFromString(number);
    if (!phone?.isPossible())
      return { ok: false, message: 'Not a phone number (wrong length for its country code)', tried: [] };
    return {
      ok: true,
      e164: phone.number,
      readAs: readAsOf(phone, phone.country ?? null, 'international', phone.isValid()),
    };
  }
  const order = phoneRegionOrder(context);
  for (const { region, basis } of order) {
    const phone = parsePhoneNumberFromString(number, { defaultCountry: region as CountryCode });
    if (phone?.isValid())
      return {
        ok: true,
        e164: phone.number,
        readAs: readAsOf(phone, phone.country ?? region, basis, true),
      };
  }
  const tried = order.map((candidate) => candidate.region);
  return {
    ok: false,
    message:
      tried.length > 0
        ? `Not a valid number in ${tried.join(', ')}: give it with its country code (+…)`
        : 'Not a phone number: give it with its country code (+31…)',
    tried,
  };
}
