import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

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

/** The viewer's own time zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
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

/**
 * The locale for dates and numbers: the browser's own variant of the
 * interface language when it has one (en-GB, nl-BE), else the language.
 */
export function formattingLocale(language: string): string {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  return browser.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

/** Formatters bound to the current interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = formattingLocale(i18n.language);
  return useMemo(
    () => ({
      language,
      country: (code: string) => countryName(code, language),
      /** A time window in a zone, with the zone's short name: "Tue 6 Sep 2022, 08:00 – 20:00 CEST". */
      range: (startIso: string, endIso: string, timeZone: string) =>
        new Intl.DateTimeFormat(language, { ...rangeOptions, timeZone }).formatRange(
          new Date(startIso),
          new Date(endIso),
        ),
      /** Date and time with the zone's short name. */
      dateTime: (iso: string, timeZone?: string) =>
        new Intl.DateTimeFormat(language, {
          dateStyle: 'medium',
          timeStyle: 'short',
          ...(timeZone ? { timeZone } : {}),
        }).format(new Date(iso)) + ` ${zoneAbbreviation(new Date(iso), timeZone ?? viewerTimeZone(), language)}`,
      /** Hours and minutes only, in a zone. */
      time: (iso: string, timeZone?: string) =>
        new Intl.DateTimeFormat(language, {
          hour: '2-digit',
          minute: '2-digit',
          ...(timeZone ? { timeZone } : {}),
        }).format(new Date(iso)),
      number: (value: number) => new Intl.NumberFormat(language).format(value),
    }),
    [language],
  );
}
