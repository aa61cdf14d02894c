import { type PhoneResult, readPhone } from './phones.js';
import type { PhoneSequence } from './phone-scan.js';
import type { ReadContext } from './reading.js';
import type { Span } from './text-scan.js';

/**
 * At most this many values are read per text (a phone costs a few libphonenumber parses, ~25 µs
 * each); the rest are listed in `unrecognised` as `too_many`. An ad holds a handful; a 100,000-
 * character paste of 25,000 handles is a dump or an attack and must not hold the event loop.
 */
export const maxReads = 500;

/** Reads phone-like text with a cache (the same number quoted ten times is parsed once), and counts every read against `maxReads`. */
export class PhoneReader {
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

export interface PhoneFound extends Span {
  result: Extract<PhoneResult, { ok: true }>;
}

/**
 * Reads one sequence: whole, else split greedily into the longest valid numbers, so
 * "0612345678 0687654321" gives two; digits that read as no number are left as unreadable spans.
 */
export function readSequence(
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

export const digitCount = (text: string) => text.replace(/\D/g, '').length;
