/** An indicator phrase found in the text, with where it stands. */
export interface IndicatorMatch {
  phrase: string;
  language: string;
  start: number;
  end: number;
}

/** Case- and accent-folded text with, for each folded character, where it came from in the original. */
function folded(text: string): { haystack: string; origin: number[] } {
  const parts: string[] = [];
  const origin: number[] = [];
  const cache = new Map<string, string>();
  let at = 0;
  for (const char of text) {
    // folding one character at a time keeps offsets right when folding changes lengths (ﬁ → fi, İ → i̇);
    // a text has few distinct characters, so each is folded once
    let fold = cache.get(char);
    if (fold === undefined) {
      fold = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      cache.set(char, fold);
    }
    parts.push(fold);
    for (let k = 0; k < fold.length; k += 1) origin.push(at);
    at += char.length;
  }
  origin.push(at);
  return { haystack: parts.join(''), origin };
}

const foldPhrase = (phrase: string) => phrase.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Finds indicator phrases (case- and accent-insensitive) with their positions in the original text, for highlighting. */
export function findIndicators(text: string, indicators: { phrase: string; language: string }[]): IndicatorMatch[] {
  const { haystack, origin } = folded(text);
  const matches: IndicatorMatch[] = [];
  for (const { phrase, language } of indicators) {
    const needle = foldPhrase(phrase);
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ phrase, language, start: origin[at] ?? 0, end: origin[at + needle.length] ?? text.length });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** The indicator list a new operation starts with, per language (editable by coordinators). */
export const defaultIndicators: { phrase: string; language: string }[] = [
  { language: 'en', phrase: 'available 24/7' },
  { language: 'en', phrase: 'new in town' },
  { language: 'en', phrase: 'no limits' },
  { language: 'en', phrase: 'young and fresh' },
  { language: 'en', phrase: 'work abroad' },
  { language: 'en', phrase: 'high salary' },
  { language: 'en', phrase: 'no experience needed' },
  { language: 'en', phrase: 'accommodation provided' },
  { language: 'en', phrase: 'travel paid' },
  { language: 'nl', phrase: '24/7 beschikbaar' },
  { language: 'nl', phrase: 'nieuw in de stad' },
  { language: 'nl', phrase: 'werk in het buitenland' },
  { language: 'nl', phrase: 'huisvesting geregeld' },
  { language: 'uk', phrase: 'робота за кордоном' },
  { language: 'uk', phrase: 'висока зарплата' },
  { language: 'uk', phrase: 'житло надається' },
  { language: 'uk', phrase: 'без досвіду' },
  { language: 'ru', phrase: 'работа за границей' },
  { language: 'ru', phrase: 'высокая зарплата' },
  { language: 'ru', phrase: 'жильё предоставляется' },
  { language: 'ru', phrase: 'без опыта' },
];
