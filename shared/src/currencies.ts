import { data } from 'currency-codes';
import { z } from 'zod';

/** Units of account that nobody pays a smuggler in: precious metals, bond units, test and "no currency" codes. */
const notMoney = new Set(['XDR', 'XSU', 'XUA']);

/** ISO 4217 currencies people pay with, and their minor-unit exponent (USD 2, JPY 0, KWD 3). */
const minorDigits: ReadonlyMap<string, number> = new Map(
  data
    .filter((c) => !notMoney.has(c.code) && c.countries.some((country) => !country.startsWith('Zz')))
    .map((c) => [c.code, c.digits]),
);

/** Every accepted currency code, sorted. */
export const currencyCodes: readonly string[] = [...minorDigits.keys()].sort();

/** The minor-unit exponent of an accepted currency (2 for USD: 1,500.00 dollars are 150000 minor units). */
export function currencyDigits(code: string): number | undefined {
  return minorDigits.get(code);
}

/** An ISO 4217 code (`USD`, `EUR`), upper case. */
export const currencySchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => minorDigits.has(value), { message: 'Not an ISO 4217 currency code' });

/** The most a smuggling offer advertises, in major units: above it the amount is a typo, not a price. */
export const maxAdvertisedMajor = 1_000_000;

/** Whether an amount in minor units stays below the absurd for its currency. */
export function isPlausibleAmount(minor: number, currency: string): boolean {
  const digits = currencyDigits(currency);
  return digits !== undefined && minor >= 1 && minor <= maxAdvertisedMajor * 10 ** digits;
}
