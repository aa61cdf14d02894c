import type { Span } from './text-scan.js';

/** Digit words in the languages of the first operations (en, nl, de, fr, uk, ru). */
const digitWords: Readonly<Record<string, string>> = {
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
  zéro: '0',
  un: '1',
  deux: '2',
  trois: '3',
  quatre: '4',
  cinq: '5',
  sept: '7',
  huit: '8',
  neuf: '9',
  нуль: '0',
  ноль: '0',
  один: '1',
  одна: '1',
  два: '2',
  дві: '2',
  две: '2',
  три: '3',
  чотири: '4',
  четыре: '4',
  "п'ять": '5',
  пять: '5',
  шість: '6',
  шесть: '6',
  сім: '7',
  семь: '7',
  вісім: '8',
  восемь: '8',
  девять: '9',
  "дев'ять": '9',
};

/** Runs of letters (and apostrophes: п'ять), each character read once. */
export const letterRunPattern = /[\p{L}']+/gu;

/** Shorter runs of digit words are ordinary prose ("one or two"). */
const minWords = 7;

/** Spelled-out digits found in a text: never a number by themselves, only a hint to check by hand. */
export interface SpelledDigits extends Span {
  digits: string;
}

/**
 * Runs of seven or more digit words ("zero six one one two two three three four four"), with the
 * digits they spell. They are offered as a suggestion to check, never read as a phone number: a
 * word run is too easily prose, and reading it produced numbers nobody wrote (issue 12).
 */
export function spelledDigitRuns(text: string): SpelledDigits[] {
  const runs: SpelledDigits[] = [];
  let run: SpelledDigits | undefined;
  for (const match of text.matchAll(letterRunPattern)) {
    const digit = match[0].length <= 8 ? digitWords[match[0].toLowerCase()] : undefined;
    const start = match.index;
    const end = start + match[0].length;
    const joins = run && digit && start - run.end <= 3 && /^[\s,.-]{1,3}$/.test(text.slice(run.end, start));
    if (run && joins) {
      run = { start: run.start, end, digits: run.digits + digit };
      continue;
    }
    if (run && run.digits.length >= minWords) runs.push(run);
    run = digit ? { start, end, digits: digit } : undefined;
  }
  if (run && run.digits.length >= minWords) runs.push(run);
  return runs;
}
