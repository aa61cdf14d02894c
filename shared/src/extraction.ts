import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import { type IdentifierKind, canonicalUrl, normalizeWallet } from './identifiers.js';

/** An identifier found in pasted text, ready to be logged. */
export interface ExtractedIdentifier {
  identifierKind: IdentifierKind;
  /** As it appeared (after spelled-out digits were read). */
  value: string;
}

/** An indicator phrase found in the text, with where it stands. */
export interface IndicatorMatch {
  phrase: string;
  language: string;
  start: number;
  end: number;
}

const digitWords: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  nul: '0',
  een: '1',
  twee: '2',
  drie: '3',
  vier: '4',
  vijf: '5',
  zes: '6',
  zeven: '7',
  acht: '8',
  negen: '9',
  null: '0',
  eins: '1',
  zwei: '2',
  drei: '3',
  fünf: '5',
  sechs: '6',
  sieben: '7',
  neun: '9',
};
const digitWord = new RegExp(`\\b(${Object.keys(digitWords).join('|')})\\b`, 'gi');

/** Reads spelled-out digits ("zero six one two…", "nul zes…") as numerals, so hidden numbers are found. */
export function readSpelledDigits(text: string): string {
  return text.replace(digitWord, (word) => digitWords[word.toLowerCase()] ?? word);
}

const emailPattern =
  /[a-z0-9._%+-]+(?:@|\s*(?:\[at\]|\(at\))\s*|\s+at\s+)[a-z0-9-]+(?:(?:\.|\s*(?:\[dot\]|\(dot\))\s*|\s+dot\s+)[a-z0-9-]+)+/gi;
const urlPattern = /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:[a-z]{2,24}|onion)(?:\/[^\s<>"')\]]*)?/gi;
const handlePattern = /(?:^|[\s(])@([a-z0-9_.]{2,30})\b/gi;
const walletPattern =
  /\b(?:bc1[a-z0-9]{20,90}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33})\b/g;

/**
 * Finds phone numbers (also spaced or spelled out), e-mails (also "[at]"
 * obfuscated), handles, URLs and wallet addresses in an ad or profile text.
 * Each value appears once; phones are read in the default region.
 */
export function extractIdentifiers(text: string, defaultRegion?: string): ExtractedIdentifier[] {
  const found = new Map<string, ExtractedIdentifier>();
  const add = (identifierKind: IdentifierKind, value: string) => {
    const key = `${identifierKind}:${value.toLowerCase()}`;
    if (!found.has(key)) found.set(key, { identifierKind, value });
  };
  const readable = readSpelledDigits(text);
  const emailMatches = [...readable.matchAll(emailPattern)].map((m) => m[0]);
  const emails = emailMatches.map((raw) =>
    raw
      .replace(/\s*(?:\[at\]|\(at\)|\sat\s)\s*/i, '@')
      .replace(/\s*(?:\[dot\]|\(dot\)|\sdot\s)\s*/gi, '.')
      .replace(/\s+/g, ''),
  );
  emails.forEach((email) => add('email', email));
  // single digits separated by spaces or dots ("0 6 1 2 …") are joined before phones are looked for
  const joined = readable.replace(/\b\d(?:[\s.-]\d\b){5,}/g, (run) => run.replace(/[\s.-]/g, ''));
  for (const phone of findPhoneNumbersInText(joined, {
    defaultCountry: defaultRegion?.toUpperCase() as CountryCode | undefined,
    extended: true,
  } as never)) {
    add('phone', phone.number.number);
  }
  // the e-mails as they stand in the text, so their parts are not read again as addresses
  const withoutEmails = emailMatches.reduce((rest, raw) => rest.replace(raw, ' '), readable);
  for (const match of withoutEmails.matchAll(urlPattern)) {
    const candidate = match[0].replace(/[.,;:!?]+$/, '');
    if (/^\d+(\.\d+)+$/.test(candidate) || !/[a-z]/i.test(candidate.split('/')[0] ?? '')) continue;
    try {
      canonicalUrl(candidate);
      add('profile_url', candidate);
    } catch {
      // not a URL after all
    }
  }
  for (const match of readable.matchAll(handlePattern)) if (match[1]) add('username', `@${match[1]}`);
  for (const match of readable.matchAll(walletPattern)) {
    try {
      normalizeWallet(match[0]);
      add('wallet', match[0]);
    } catch {
      // looked like a wallet, was not one
    }
  }
  return [...found.values()];
}

/** Finds indicator phrases (case- and accent-insensitive) with their positions, for highlighting. */
export function findIndicators(text: string, indicators: { phrase: string; language: string }[]): IndicatorMatch[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const haystack = fold(text);
  const matches: IndicatorMatch[] = [];
  for (const { phrase, language } of indicators) {
    const needle = fold(phrase);
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ phrase, language, start: at, end: at + needle.length });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** The indicator list a new operation starts with, per language (editable by coordinators). */
export const defaultIndicators: { phrase: string; language: string }[] = [
  { language: 'en', phrase: 'available 24/7' },
  { language: 'en', phrase: 'new in town' },
  { language: 'en', phrase: 'no limits' },
  { language: 'en', phrase: 'young and fresh' },
  { language: 'en', phrase: 'work abroad' },
  { language: 'en', phrase: 'high salary' },
  { language: 'en', phrase: 'no experience needed' },
  { language: 'en', phrase: 'accommodation provided' },
  { language: 'en', phrase: 'travel paid' },
  { language: 'nl', phrase: '24/7 beschikbaar' },
  { language: 'nl', phrase: 'nieuw in de stad' },
  { language: 'nl', phrase: 'werk in het buitenland' },
  { language: 'nl', phrase: 'huisvesting geregeld' },
  { language: 'uk', phrase: 'робота за кордоном' },
  { language: 'uk', phrase: 'висока зарплата' },
  { language: 'uk', phrase: 'житло надається' },
  { language: 'uk', phrase: 'без досвіду' },
  { language: 'ru', phrase: 'работа за границей' },
  { language: 'ru', phrase: 'высокая зарплата' },
  { language: 'ru', phrase: 'жильё предоставляется' },
  { language: 'ru', phrase: 'без опыта' },
];
