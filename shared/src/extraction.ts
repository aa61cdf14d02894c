import { z } from 'zod';
import { identifierKindSchema, type IdentifierKind } from './identifier-kinds.js';
import { type PhoneResult, phoneRegionOrder, readAsSchema, readPhone } from './phones.js';
import { maxSequenceDigits, type PhoneSequence, phoneSequences } from './phone-scan.js';
import { type IdentifierReading, identifierStrengthSchema, type ReadContext, readIdentifier } from './reading.js';
import { type ServiceId, serviceIdSchema, serviceOf } from './services.js';
import { spelledDigitRuns } from './spelled-digits.js';
import { trimTrailing } from './urls.js';
import {
  emailPattern,
  emailValue,
  handlePattern,
  masked,
  plausibleAddress,
  serviceAfter,
  serviceBefore,
  type Span,
  urlPattern,
  walletPattern,
  wordedHandles,
} from './text-scan.js';

export { defaultIndicators, findIndicators, type IndicatorMatch } from './indicators.js';

/** An identifier found in pasted text, read and ready to be logged. */
export const extractedIdentifierSchema = z.object({
  /** The kind as it stands in the text (a t.me link is a `profile_url` that reads as a Telegram username). */
  identifierKind: identifierKindSchema,
  /** What to log: E.164 for phones, "Telegram @katya" for a handle whose service was named, the URL, the e-mail de-obfuscated. */
  value: z.string(),
  /** Exactly as it stands in the text, and where. */
  raw: z.string(),
  start: z.int(),
  end: z.int(),
  service: serviceIdSchema.nullable(),
  /** The identity compared across participants (null when it could not be read: see `problem`). */
  normalizedValue: z.string().nullable(),
  display: z.string().nullable(),
  readAs: readAsSchema.nullable(),
  strength: identifierStrengthSchema.nullable(),
  problem: z.string().nullable(),
});
export type ExtractedIdentifier = z.infer<typeof extractedIdentifierSchema>;

/** Why a phone-like sequence gave no number: not valid in any region tried, spelled out in words, or past the reading limit. */
export const unrecognisedReasons = ['not_valid', 'spelled_out', 'too_many'] as const;

/** Something that looked like an identifier but is none as it stands: shown as "not recognised" with its text, never dropped. */
export const unrecognisedSchema = z.object({
  identifierKind: identifierKindSchema,
  raw: z.string(),
  start: z.int(),
  end: z.int(),
  reason: z.enum(unrecognisedReasons),
  message: z.string(),
  /** For spelled-out digits, the digits they spell: a hint to check, never a number by itself. */
  digits: z.string().nullable(),
});
export type Unrecognised = z.infer<typeof unrecognisedSchema>;

/** What `extractFromText` finds. */
export const extractionSchema = z.object({
  identifiers: z.array(extractedIdentifierSchema),
  unrecognised: z.array(unrecognisedSchema),
});
export type Extraction = z.infer<typeof extractionSchema>;

/** Where the text was found; the text itself is the language/script clue for phones. */
export type ExtractContext = Omit<ReadContext, 'text' | 'service'>;

/**
 * At most this many values are read per text (a phone costs a few libphonenumber parses, ~25 µs
 * each); the rest are listed in `unrecognised` as `too_many`. An ad holds a handful; a 100,000-
 * character paste of 25,000 handles is a dump or an attack and must not hold the event loop.
 */
export const maxReads = 500;

interface Candidate extends Span {
  kind: IdentifierKind;
  raw: string;
  /** What is read (the handle, the URL, the e-mail de-obfuscated). */
  read: string;
  service: ServiceId | null;
  sequence?: PhoneSequence;
}

function findCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  const push = (kind: IdentifierKind, start: number, raw: string, read = raw, service: ServiceId | null = null) =>
    candidates.push({ kind, start, end: start + raw.length, raw, read, service });
  for (const match of text.matchAll(emailPattern)) {
    const email = emailValue(match[0]).toLowerCase();
    if (/\.[a-z]{2,24}$/.test(email)) push('email', match.index, match[0], email);
  }
  let rest = masked(text, candidates);
  for (const match of rest.matchAll(urlPattern)) {
    const raw = trimTrailing(match[0], '.,;:!?');
    if (plausibleAddress(raw)) push('profile_url', match.index, raw);
  }
  rest = masked(text, candidates);
  for (const match of rest.matchAll(handlePattern)) {
    const handle = trimTrailing(match[1] ?? '', '.');
    if (handle) push('username', match.index, `@${handle}`, handle);
  }
  rest = masked(text, candidates);
  for (const worded of wordedHandles(rest)) {
    candidates.push({
      kind: 'username',
      start: worded.start,
      end: worded.end,
      raw: worded.raw,
      read: worded.handle,
      service: worded.service,
    });
  }
  rest = masked(text, candidates);
  for (const match of rest.matchAll(walletPattern)) push('wallet', match.index, match[0]);
  rest = masked(text, candidates);
  for (const sequence of phoneSequences(rest)) {
    const raw = text.slice(sequence.start, sequence.end);
    candidates.push({
      kind: 'phone',
      start: sequence.start,
      end: sequence.end,
      raw,
      read: raw,
      service: null,
      sequence,
    });
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** Reads phone-like text with a cache (the same number quoted ten times is parsed once), and counts every read against `maxReads`. */
class PhoneReader {
  private readonly cache = new Map<string, PhoneResult>();
  reads = 0;
  constructor(private readonly context: ReadContext) {}
  get exhausted() {
    return this.reads >= maxReads;
  }
  read(value: string): PhoneResult {
    const key = value.replace(/[\s\u00a0]/g, '');
    const cached = this.cache.get(key);
    if (cached) return cached;
    this.reads += 1;
    const result = readPhone(value, this.context);
    this.cache.set(key, result);
    return result;
  }
}

interface PhoneFound extends Span {
  result: Extract<PhoneResult, { ok: true }>;
}

/**
 * Reads one sequence: whole, else split greedily into the longest valid numbers, so
 * "0612345678 0687654321" gives two; digits that read as no number are left as unreadable spans.
 */
function readSequence(
  text: string,
  sequence: PhoneSequence,
  reader: PhoneReader,
): { phones: PhoneFound[]; unreadable: Span[]; message: string } {
  const whole = reader.read(text.slice(sequence.start, sequence.end));
  if (whole.ok)
    return { phones: [{ start: sequence.start, end: sequence.end, result: whole }], unreadable: [], message: '' };
  const { groups } = sequence;
  const phones: PhoneFound[] = [];
  const unreadable: Span[] = [];
  let a = 0;
  let afterUnreadable = false;
  while (a < groups.length && groups.length > 1) {
    let found = false;
    const from = a === 0 ? sequence.start : (groups[a]?.start ?? 0);
    let digits = 0;
    const ends: number[] = [];
    for (let b = a; b < groups.length; b += 1) {
      digits += (groups[b]?.end ?? 0) - (groups[b]?.start ?? 0);
      if (digits > 17) break;
      if (digits >= 7) ends.push(b);
    }
    for (const b of ends.reverse()) {
      if (reader.exhausted) break;
      const end = groups[b]?.end ?? 0;
      const result = reader.read(text.slice(from, end));
      if (result.ok) {
        phones.push({ start: from, end, result });
        a = b + 1;
        found = true;
        afterUnreadable = false;
        break;
      }
    }
    if (!found) {
      const last = unreadable[unreadable.length - 1];
      const end = groups[a]?.end ?? 0;
      if (afterUnreadable && last) last.end = end;
      else unreadable.push({ start: from, end });
      afterUnreadable = true;
      a += 1;
    }
  }
  if (groups.length === 1) unreadable.push({ start: sequence.start, end: sequence.end });
  return { phones, unreadable, message: whole.message };
}

const digitCount = (text: string) => text.replace(/\D/g, '').length;

function fromReading(candidate: Candidate, value: string, reading: IdentifierReading): ExtractedIdentifier {
  return {
    identifierKind: candidate.kind,
    value,
    raw: candidate.raw,
    start: candidate.start,
    end: candidate.end,
    service: reading.service,
    normalizedValue: reading.normalizedValue,
    display: reading.display,
    readAs: reading.readAs,
    strength: reading.strength,
    problem: null,
  };
}

function unreadableItem(candidate: Candidate, value: string, problem: string): ExtractedIdentifier {
  return {
    identifierKind: candidate.kind,
    value,
    raw: candidate.raw,
    start: candidate.start,
    end: candidate.end,
    service: candidate.service,
    normalizedValue: null,
    display: null,
    readAs: null,
    strength: null,
    problem,
  };
}

function readHandle(candidate: Candidate, context: ReadContext): ExtractedIdentifier {
  const named = candidate.service;
  if (named) {
    const result = readIdentifier('username', candidate.read, { ...context, service: named });
    if (result.ok) return fromReading(candidate, `${serviceOf(named).name} @${candidate.read}`, result.reading);
  }
  // a handle that does not fit the named service's rules is kept as a bare handle (a possible match)
  const bare = readIdentifier('username', candidate.read, named ? { ...context, platformHost: null } : context);
  const value =
    bare.ok && bare.reading.service
      ? `${serviceOf(bare.reading.service).name} @${candidate.read}`
      : `@${candidate.read}`;
  return bare.ok
    ? fromReading(candidate, value, bare.reading)
    : unreadableItem(candidate, `@${candidate.read}`, bare.message);
}

/** Keeps the first sighting of each identity; a later one adds the service the first lacked; a bare handle yields to the same handle on a named service. */
function distinct(items: ExtractedIdentifier[]): ExtractedIdentifier[] {
  const byValue = new Map<string, ExtractedIdentifier>();
  for (const item of items) {
    const key = item.normalizedValue ?? `${item.identifierKind}:${item.raw.toLowerCase()}`;
    const first = byValue.get(key);
    if (!first) byValue.set(key, item);
    else if (!first.service && item.service) byValue.set(key, { ...first, service: item.service });
  }
  const named = new Set<string>();
  for (const item of byValue.values())
    if (item.strength === 'exact' && item.identifierKind !== 'phone' && item.normalizedValue?.includes(':'))
      named.add(item.normalizedValue.slice(item.normalizedValue.indexOf(':') + 1));
  return [...byValue.values()].filter(
    (item) => !(item.strength === 'possible' && item.normalizedValue && named.has(item.normalizedValue)),
  );
}

/**
 * Finds phone numbers (also spaced, slashed or bracketed), e-mails (also "[at]" obfuscated),
 * handles (`@x`, and "TG: x" after a service's name), URLs and wallet addresses in an ad or
 * profile text, and reads each as `readIdentifier` would: the service from the words around it
 * ("Telegram @x", "WA +31…", "@x (telegram)"), phones in the first region where they are valid
 * (`context` + the text's own language/script). Each identity appears once, in text order.
 * Phone-like sequences that read as no number, and spelled-out digits, are returned in
 * `unrecognised` with their text. Runs in linear time in the length of the text.
 */
export function extractFromText(text: string, context: ExtractContext = {}): Extraction {
  const base: ReadContext = { ...context, text };
  // the text's script is counted once, not for every number read in it
  const readContext: ReadContext = { ...base, order: phoneRegionOrder(base) };
  const candidates = findCandidates(text);
  const reader = new PhoneReader(readContext);
  const identifiers: ExtractedIdentifier[] = [];
  const unrecognised: Unrecognised[] = [];
  candidates.forEach((candidate, index) => {
    if (reader.exhausted) {
      unrecognised.push({
        identifierKind: candidate.kind,
        raw: candidate.raw,
        start: candidate.start,
        end: candidate.end,
        reason: 'too_many',
        message: `More than ${maxReads} identifiers in one text: check the rest by hand`,
        digits: null,
      });
      return;
    }
    const floor = candidates[index - 1]?.end ?? 0;
    const ceiling = candidates[index + 1]?.start ?? text.length;
    if ((candidate.kind === 'username' || candidate.kind === 'phone') && !candidate.service)
      candidate.service = serviceBefore(text, candidate.start, floor) ?? serviceAfter(text, candidate.end, ceiling);
    if (candidate.kind === 'phone' && candidate.sequence) {
      const { phones, unreadable, message } = readSequence(text, candidate.sequence, reader);
      for (const phone of phones) {
        const raw = text.slice(phone.start, phone.end);
        const { e164, readAs } = phone.result;
        identifiers.push(
          fromReading({ ...candidate, ...phone, raw }, e164, {
            identifierKind: 'phone',
            normalizedValue: e164,
            service: candidate.service,
            handle: null,
            display: readAs.international,
            readAs,
            strength: 'exact',
          }),
        );
      }
      for (const span of unreadable) {
        const raw = text.slice(span.start, span.end);
        if (digitCount(raw) >= 7 && digitCount(raw) <= maxSequenceDigits)
          unrecognised.push({
            identifierKind: 'phone',
            raw,
            start: span.start,
            end: span.end,
            reason: 'not_valid',
            message: message || 'Not a phone number',
            digits: null,
          });
      }
      return;
    }
    reader.reads += 1;
    if (candidate.kind === 'username') {
      identifiers.push(readHandle(candidate, readContext));
      return;
    }
    const result = readIdentifier(candidate.kind, candidate.read, readContext);
    identifiers.push(
      result.ok
        ? fromReading(candidate, candidate.read, result.reading)
        : unreadableItem(candidate, candidate.read, result.message),
    );
  });
  for (const run of spelledDigitRuns(masked(text, candidates))) {
    unrecognised.push({
      identifierKind: 'phone',
      raw: text.slice(run.start, run.end),
      start: run.start,
      end: run.end,
      reason: 'spelled_out',
      message: 'Spelled-out digits: check them and type the number if it is one',
      digits: run.digits,
    });
  }
  return { identifiers: distinct(identifiers), unrecognised: unrecognised.sort((a, b) => a.start - b.start) };
}

/**
 * The identifiers of `extractFromText`, with one region as before. The region is taken as the
 * investigator's own, tried after the text's language: a Ukrainian ad's "050…" reads as Ukrainian.
 */
export function extractIdentifiers(text: string, defaultRegion?: string): ExtractedIdentifier[] {
  return extractFromText(text, { ownRegion: defaultRegion }).identifiers;
}
