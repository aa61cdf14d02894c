import { currencyDigits } from './currencies.js';
import type { PaymentStage } from './offers.js';

/** The zero of each script's decimal digits that ads are written in (Latin, Arabic-Indic, Persian, Devanagari, …). */
const zeros = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040,
  0x17e0, 0x1810, 0xff10,
];

/** Every decimal digit of any of those scripts as its ASCII digit ("١٥٠٠" → "1500"). */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const zero = cp > 0x7f ? zeros.find((z) => cp >= z && cp < z + 10) : undefined;
    out += zero === undefined ? ch : String(cp - zero);
  }
  return out;
}

/** Currency symbols and words in the shipped languages, longest first where one contains another. */
const currencyWords: [RegExp, string][] = [
  [/\bmx\$|\bpesos?\b|\bmxn\b/i, 'MXN'],
  [/\$|\bdollars?\b|\bd[oó]lar(?:es)?\b|\busd\b|\bdls\b/i, 'USD'],
  [/€|\beuros?\b|\beur\b/i, 'EUR'],
  [/£|\bpounds?\b|\bgbp\b|\blibras?\b/i, 'GBP'],
  [/\bliras?\b|\blire\b|\btry\b|₺/i, 'TRY'],
];
const upfront =
  /\b(?:first|up ?front|in advance|before|deposit|primero|por adelantado|adelantado|anticipo|d'avance|à l'avance|acompte|avant)\b/i;
const arrival =
  /\b(?:on arrival|arrival|when you arrive|al llegar|a la llegada|llegada|à l'arrivée|arrivée|en llegando)\b/i;
const rest = /\b(?:the rest|rest|remaining|el resto|resto|le reste|reste)\b/i;
const transit = /\b(?:in|en|au|aux|à)\s+\p{Lu}/u;
const total = /\b(?:total|price|precio|prix|cost|costo|coût|all in|todo incluido)\b/i;

/** An amount as written: "1,500", "1.500", "1 500", "2500", "1500.50", "2k". */
const amountPattern = /(?<![\d.,])(\d{1,3}(?:[.,\u00a0 ]\d{3}){1,3}|\d{1,9})(?:[.,](\d{1,2}))?(?![\d])(\s?[kK]\b)?/g;

/** What an ad says about money: a price, payment stages ("cash first", "in Mexico", "the rest on arrival"). */
export interface OfferTextReading {
  currency: string | null;
  priceMinor: number | null;
  stages: PaymentStage[];
}

/**
 * Reads prices and payment stages from an ad's text in English, Spanish and French, with digits in any of the
 * scripts above: each clause (between commas, semicolons, "and", "y", "et") with an amount or "the rest" is a
 * stage where it says when ("first", "in Mexico", "on arrival"); a clause that says "total"/"price", or the only
 * amount of an ad without stage words, is the price. The first currency named is the offer's. A proposal for the
 * person to check, never logged as it is.
 */
export function readOfferText(input: string): OfferTextReading {
  const text = asciiDigits(input.slice(0, 20_000));
  const currency = currencyWords.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  const digits = currencyDigits(currency ?? 'USD') ?? 2;
  // a comma before a digit is part of the number (1,500), not the end of a clause
  const clauses = text.split(/,(?!\d)|[;\n]|\s(?:and|y|et|then|luego|puis)\s/i).map((c) => c.trim());
  const stages: PaymentStage[] = [];
  let price: number | null = null;
  const loose: number[] = [];
  for (const clause of clauses) {
    amountPattern.lastIndex = 0;
    const match = amountPattern.exec(clause);
    const amount = match ? minorOf(match, digits) : null;
    const at = upfront.test(clause)
      ? 'upfront'
      : arrival.test(clause)
        ? 'arrival'
        : transit.test(clause)
          ? 'transit'
          : null;
    if (amount !== null && total.test(clause)) price = amount;
    else if (at && (amount !== null || rest.test(clause)))
      stages.push({ at, ...(amount !== null ? { amountMinor: amount } : {}), note: clause.slice(0, 200) });
    else if (amount !== null) loose.push(amount);
  }
  if (price === null && stages.length === 0 && loose.length === 1) price = loose[0] ?? null;
  return { currency, priceMinor: price, stages: stages.slice(0, 10) };
}

function minorOf(match: RegExpExecArray, digits: number): number | null {
  const whole = Number((match[1] ?? '').replace(/[.,\u00a0 ]/g, ''));
  const cents = match[2] ? Number(match[2].padEnd(2, '0')) / 100 : 0;
  const thousand = match[3] ? 1000 : 1;
  const value = (whole + cents) * thousand;
  return Number.isFinite(value) && value > 0 ? Math.round(value * 10 ** digits) : null;
}
