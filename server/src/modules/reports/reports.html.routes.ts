import { currencyDigits } from '@actionday/shared';
import { type Column, type Ctx, esc, table } from './reports.html.js';
import { countryName } from './reports.i18n.js';

type Numbers<T> = Pick<Column<T>, 'cell' | 'total' | 'align'>;

/** A price in minor units as the report's language writes that currency ("1.500,00 US$"). */
export function priceText(ctx: Ctx, minor: number | null, currency: string | null): string {
  if (minor === null || currency === null) return esc(ctx.w.noPrice);
  // ISO 4217's exponent, not Intl's (CLDR writes some currencies with fewer decimals than ISO counts)
  const digits = currencyDigits(currency) ?? 2;
  return esc(new Intl.NumberFormat(ctx.w.locale, { style: 'currency', currency }).format(minor / 10 ** digits));
}

/**
 * Smuggling offers per route (origin → destination) and currency, with the median advertised price; left out
 * when no offer was logged.
 */
export function routeTable(ctx: Ctx): string {
  const { report, w, lang, num } = ctx;
  const rows = report.tables.byRoute;
  if (rows.length === 0) return '';
  const n = <T>(pick: (row: T) => number | null): Numbers<T> => ({
    cell: (row) => num(pick(row)),
    total: pick,
    align: 'r',
  });
  return table(
    ctx,
    'by-route',
    w.byRoute,
    rows,
    [
      { head: w.columns.origin ?? '', cell: (r) => esc(countryName(r.origin, lang)), align: 'l' },
      { head: w.columns.destination ?? '', cell: (r) => esc(countryName(r.destination, lang)), align: 'l' },
      { head: w.columns.offers ?? '', ...n((r) => r.offers) },
      { head: w.columns.medianPrice ?? '', cell: (r) => priceText(ctx, r.medianPriceMinor, r.currency), align: 'r' },
    ],
    true,
  );
}

/** Requests to platforms per kind, by state, with the median time from sent to removed; left out when none was made. */
export function liaisonTable(ctx: Ctx): string {
  const { report, w, num } = ctx;
  const rows = report.tables.liaison;
  if (rows.every((r) => r.requests === 0)) return '';
  const n = <T>(pick: (row: T) => number | null): Numbers<T> => ({
    cell: (row) => num(pick(row)),
    total: pick,
    align: 'r',
  });
  return table(
    ctx,
    'liaison',
    w.liaisonTable,
    rows,
    [
      { head: w.columns.requestKind ?? '', cell: (r) => esc(w.liaisonKind[r.kind] ?? r.kind), align: 'l' },
      { head: w.columns.requests ?? '', ...n((r) => r.requests) },
      { head: w.columns.draft ?? '', ...n((r) => r.draft) },
      { head: w.columns.sent ?? '', ...n((r) => r.sent) },
      { head: w.columns.acknowledged ?? '', ...n((r) => r.acknowledged) },
      { head: w.columns.removed ?? '', ...n((r) => r.removed) },
      { head: w.columns.refused ?? '', ...n((r) => r.refused) },
      { head: w.columns.noAnswer ?? '', ...n((r) => r.noAnswer) },
      { head: w.columns.legalRequestNeeded ?? '', ...n((r) => r.legalRequestNeeded) },
      {
        head: w.columns.medianTimeToRemoval ?? '',
        cell: (r) => (r.medianMinutesToRemoval === null ? '–' : `${num(r.medianMinutesToRemoval)} ${esc(w.minutes)}`),
        align: 'r',
      },
    ],
    true,
  );
}
