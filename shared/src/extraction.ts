import type { ExtractedIdentifier, Extraction, Unrecognised } from './extraction.schemas.js';
import type { IdentifierKind } from './identifier-kinds.js';
import { digitCount, maxReads, PhoneReader, readSequence } from './phone-reading.js';
import { phoneRegionOrder } from './phones.js';
import { maxSequenceDigits, type PhoneSequence, phoneSequences } from './phone-scan.js';
import { type IdentifierReading, type ReadContext, readIdentifier } from './reading.js';
import { type ServiceId, serviceOf } from './services.js';
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

export * from './extraction.schemas.js';
export { maxReads } from './phone-reading.js';
export { defaultIndicators, findIndicators, type IndicatorMatch } from './indicators.js';

/** Where the text was found; the text itself is the language/script clue for phones. */
export type ExtractContext = Omit<ReadContext, 'text' | 'service'>;

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
