/**
 * Which country an ad's language or script points to, for reading its national phone numbers
 * ("Viber: 0501234567" in a Ukrainian ad is a Ukrainian number). Only languages spoken mainly in
 * one country are listed: English, Arabic, Spanish, Portuguese or French point to no one country,
 * so they add no region (the platform's focus and the investigator's country decide).
 */
export const languageRegions: Readonly<Record<string, string>> = {
  uk: 'UA',
  ru: 'RU',
  be: 'BY',
  pl: 'PL',
  ro: 'RO',
  mo: 'MD',
  bg: 'BG',
  cs: 'CZ',
  sk: 'SK',
  hu: 'HU',
  sl: 'SI',
  hr: 'HR',
  sr: 'RS',
  bs: 'BA',
  mk: 'MK',
  sq: 'AL',
  el: 'GR',
  tr: 'TR',
  de: 'DE',
  nl: 'NL',
  it: 'IT',
  lt: 'LT',
  lv: 'LV',
  et: 'EE',
  fi: 'FI',
  sv: 'SE',
  da: 'DK',
  no: 'NO',
  nb: 'NO',
  nn: 'NO',
  is: 'IS',
  ka: 'GE',
  hy: 'AM',
  az: 'AZ',
  kk: 'KZ',
  uz: 'UZ',
  vi: 'VN',
  th: 'TH',
  tl: 'PH',
  fil: 'PH',
  id: 'ID',
  ms: 'MY',
  zh: 'CN',
  ja: 'JP',
  ko: 'KR',
  fa: 'IR',
  ur: 'PK',
  hi: 'IN',
  bn: 'BD',
  ne: 'NP',
  am: 'ET',
  ti: 'ER',
  so: 'SO',
  yo: 'NG',
  ig: 'NG',
  ha: 'NG',
  he: 'IL',
};

/** The country a BCP 47 language tag points to: its region subtag (`pt-BR` → BR), else the table (`uk` → UA). */
export function regionOfLanguage(tag: string): string | null {
  const parts = tag.trim().split(/[-_]/);
  const region = parts.slice(1).find((part) => /^[a-z]{2}$/i.test(part));
  if (region) return region.toUpperCase();
  return languageRegions[(parts[0] ?? '').toLowerCase()] ?? null;
}

/**
 * Letters (and scripts) that belong to one country's language: і ї є ґ are Ukrainian only, ы э ё
 * Russian (Belarusian too, but it alone has ў), ł ą ę Polish, ř ů ě Czech, ș ț ă Romanian, ğ ı Turkish,
 * ő ű Hungarian, ß German, ơ ư Vietnamese; and whole scripts (Greek, Georgian, Thai, Hangul, …).
 * Shared letters (ä ö ü é ç č š ž) and scripts of many countries (Latin, Arabic) are left out.
 */
export const scriptSigns: readonly [RegExp, string][] = [
  [/[ґєїЄЇҐ]/gu, 'UA'],
  [/[іІ]/gu, 'UA'],
  [/[ўЎ]/gu, 'BY'],
  [/[ыэёЫЭЁ]/gu, 'RU'],
  [/[әғқңөұүһӘҒҚҢӨҰҮҺ]/gu, 'KZ'],
  [/[ђћџЂЋЏ]/gu, 'RS'],
  [/[ѓќѕЃЌЅ]/gu, 'MK'],
  [/[łąęśźżŁĄĘŚŹŻ]/gu, 'PL'],
  [/[řůěŘŮĚ]/gu, 'CZ'],
  [/[ľĺŕĽĹŔ]/gu, 'SK'],
  [/[șțăȘȚĂ]/gu, 'RO'],
  [/[ğıĞİ]/gu, 'TR'],
  [/[őűŐŰ]/gu, 'HU'],
  [/ß/gu, 'DE'],
  [/[ģķļņĢĶĻŅ]/gu, 'LV'],
  [/[ėįųĖĮŲ]/gu, 'LT'],
  [/[ơưƠƯ]/gu, 'VN'],
  [/\p{Script=Greek}/gu, 'GR'],
  [/\p{Script=Georgian}/gu, 'GE'],
  [/\p{Script=Armenian}/gu, 'AM'],
  [/\p{Script=Thai}/gu, 'TH'],
  [/\p{Script=Hangul}/gu, 'KR'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'JP'],
  [/\p{Script=Han}/gu, 'CN'],
  [/\p{Script=Hebrew}/gu, 'IL'],
  [/\p{Script=Devanagari}/gu, 'IN'],
  [/\p{Script=Bengali}/gu, 'BD'],
  [/\p{Script=Ethiopic}/gu, 'ET'],
  [/[پچژگ]/gu, 'IR'],
  [/[ٹڈڑے]/gu, 'PK'],
];

/** Counted over at most this many characters: a whole ad, never more work than that. */
const scriptSample = 20_000;

/**
 * Countries the letters of a text point to, most evidence first (a Ukrainian ad → `['UA']`; a
 * Ukrainian ad quoting a Russian one → `['UA', 'RU']`). Each pattern is a single character class
 * with `g`, so it runs in linear time; Japanese kana outrank the Han characters Japanese also uses.
 */
export function regionsOfScript(text: string): string[] {
  const sample = text.length > scriptSample ? text.slice(0, scriptSample) : text;
  const counts = new Map<string, number>();
  for (const [pattern, region] of scriptSigns) {
    const found = sample.match(pattern)?.length ?? 0;
    if (found > 0) counts.set(region, (counts.get(region) ?? 0) + found);
  }
  if (counts.has('JP')) counts.delete('CN');
  // і is Belarusian and Kazakh too: with ў or ә ғ қ … present it is not a Ukrainian sign
  if (counts.has('BY') || counts.has('KZ')) counts.delete('UA');
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([region]) => region);
}
