import { currencyDigits } from '@actionday/shared';

/**
 * An amount as people type it ("1500", "1,500", "1.500", "1 500,50") in minor units of a currency; undefined
 * when it is no amount. Groups of three after a separator are thousands; one or two digits are decimals.
 */
export function minorUnitsOf(text: string | undefined, currency: string | undefined): number | undefined {
  if (!text) return undefined;
  const digits = currencyDigits(currency ?? '') ?? 2;
  const compact = text.replace(/[\s\u00a0']/g, '');
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(compact);
  const normal = grouped ? compact.replace(/[.,]/g, '') : compact.replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(normal)) return Number.NaN;
  return Math.round(Number(normal) * 10 ** digits);
}

/** Minor units back to the amount people read (150000 USD → "1500"), for a form's starting value. */
export function majorText(minor: number | null | undefined, currency: string | null | undefined): string {
  if (minor === null || minor === undefined) return '';
  const digits = currencyDigits(currency ?? '') ?? 2;
  return String(minor / 10 ** digits);
}

/** Country codes typed as "GT, MX US": upper case, in order. */
export function countriesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,;>→-]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}
