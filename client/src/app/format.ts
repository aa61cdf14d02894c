import { focusName } from '@actionday/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from './i18n';
import { useDisplayZone } from './timezone';

export { formattingLocale } from './i18n';
export { viewerTimeZone } from './timezone';

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the viewer's language (`NL` → "Netherlands" / "Nederland"). */
export function countryName(code: string, language: string): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The short zone name at an instant (`CEST`, `GMT+2`). */
export function zoneAbbreviation(date: Date, timeZone: string, language: string): string {
  const part = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "CET · Europe/Amsterdam", or just "UTC" where the short name is the zone's name. */
export function zoneLabel(date: Date, timeZone: string, language: string): string {
  const short = zoneAbbreviation(date, timeZone, language);
  return short === timeZone ? short : `${short} · ${timeZone}`;
}

const rangeOptions: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** Units for relative times, largest first. */
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * Formatters bound to the interface language and the viewer's time-zone choice. Every time carries its
 * zone's short name. A `timeZone` argument names the operation's zone for pages outside an operation's
 * room; whether it is used is the viewer's choice (`app/timezone.tsx`), never the caller's.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = formattingLocale(i18n.language);
  const zoneOf = useDisplayZone();
  return useMemo(
    () => ({
      language,
      /** The zone times are shown in (the operation's, or the viewer's own). */
      zone: (operationZone?: string) => zoneOf(operationZone),
      /** The shown zone's name at an instant, for captions ("times in CET · Europe/Amsterdam"). */
      zoneLabel: (operationZone?: string, at = new Date()) => zoneLabel(at, zoneOf(operationZone), language),
      country: (code: string) => countryName(code, language),
      /** A focus tag as the viewer reads it: a country's name in their language, else the tag. */
      focus: (tag: string) => focusName(tag, (code) => countryName(code, language)),
      /** A time window with the zone's short name: "Tue 6 Sep 2022, 08:00 – 20:00 CEST". */
      range: (startIso: string, endIso: string, timeZone?: string) =>
        new Intl.DateTimeFormat(language, { ...rangeOptions, timeZone: zoneOf(timeZone) }).formatRange(
          new Date(startIso),
          new Date(endIso),
        ),
      /** A time window in exactly this zone (for showing both zones side by side). */
      rangeIn: (startIso: string, endIso: string, timeZone: string) =>
        new Intl.DateTimeFormat(language, { ...rangeOptions, timeZone }).formatRange(
          new Date(startIso),
          new Date(endIso),
        ),
      /** Date and time with the zone's short name. */
      dateTime: (iso: string, timeZone?: string) => {
        const zone = zoneOf(timeZone);
        return `${new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
          new Date(iso),
        )} ${zoneAbbreviation(new Date(iso), zone, language)}`;
      },
      /** Hours and minutes with the zone's short name: "08:38 CET". */
      time: (iso: string, timeZone?: string) => {
        const zone = zoneOf(timeZone);
        return `${new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(
          new Date(iso),
        )} ${zoneAbbreviation(new Date(iso), zone, language)}`;
      },
      /** Hours and minutes without the zone, where a caption names it once (chart axes, the wall's clock). */
      clock: (iso: string, timeZone?: string) =>
        new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: zoneOf(timeZone) }).format(
          new Date(iso),
        ),
      /** "3 min ago", "in 2 hours", "now": where the exact time is noise. */
      relative: (iso: string, now = Date.now()) => {
        const delta = Date.parse(iso) - now;
        const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
        for (const [unit, ms] of units) if (Math.abs(delta) >= ms) return rtf.format(Math.trunc(delta / ms), unit);
        return rtf.format(0, 'minute');
      },
      number: (value: number) => new Intl.NumberFormat(language).format(value),
    }),
    [language, zoneOf],
  );
}
