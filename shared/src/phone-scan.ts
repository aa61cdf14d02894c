import type { Span } from './text-scan.js';

/** A run of digits inside a phone-like sequence. */
export type DigitGroup = Span;

/** Digits with at most a few separators between them: what a person may have written as a number. */
export interface PhoneSequence extends Span {
  groups: DigitGroup[];
  digits: number;
}

/** Sequences with fewer digits are prices, times or house numbers, not phones. */
export const minPhoneDigits = 7;
/** Sequences with more digits are identifiers (orders, cards, hashes), not phones, and are not read at all. */
export const maxSequenceDigits = 24;

const separators = new Set([' ', '\t', '.', '-', '/', '(', ')', '\u00a0', '–']);
const isDigit = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57;
};
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);
const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);

/** A date (06.09.2022, 2022-09-06, 6/9/22) is not a phone number. */
function isDate(text: string, sequence: PhoneSequence): boolean {
  const { groups } = sequence;
  if (groups.length !== 3) return false;
  const [a, b, c] = groups.map((group) => group.end - group.start);
  const between = [text.slice(groups[0]?.end, groups[1]?.start), text.slice(groups[1]?.end, groups[2]?.start)];
  if (between[0] !== between[1] || !['.', '/', '-'].includes(between[0] ?? '')) return false;
  const dayFirst = (a ?? 0) <= 2 && (b ?? 0) <= 2 && (c === 2 || c === 4);
  const yearFirst = a === 4 && (b ?? 0) <= 2 && (c ?? 0) <= 2;
  return dayFirst || yearFirst;
}

/**
 * Finds phone-like sequences by hand, in one pass: a `+`, `(` or digit not inside a word, then
 * digit groups joined by up to three separators (space, `.`, `-`, `/`, brackets), so
 * "06-12 34 56 78", "0176/11223344", "+49 (0) 151 23456789" and "0 6 8 7 6 5 4 3 2 1" are found.
 * A comma ends a number. Dates and runs glued to letters ("24h") are left out.
 */
export function phoneSequences(text: string): PhoneSequence[] {
  const found: PhoneSequence[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const char = text[i];
    const opener = (char === '+' || char === '(') && isDigit(text, i + 1);
    if (!(opener || (isDigit(text, i) && !isWordChar(text[i - 1])))) {
      i += 1;
      continue;
    }
    let j = opener ? i + 1 : i;
    const groups: DigitGroup[] = [];
    let digits = 0;
    for (;;) {
      const start = j;
      while (j < n && isDigit(text, j)) j += 1;
      groups.push({ start, end: j });
      digits += j - start;
      let k = j;
      while (k < n && k - j < 3 && separators.has(text[k] ?? '')) k += 1;
      if (k === j || !isDigit(text, k)) break;
      j = k;
    }
    const end = groups[groups.length - 1]?.end ?? j;
    const sequence = { start: i, end, groups, digits };
    if (!isLetter(text[end]) && digits >= minPhoneDigits && digits <= maxSequenceDigits && !isDate(text, sequence))
      found.push(sequence);
    i = Math.max(end, i + 1);
  }
  return found;
}
