/**
 * Focus tags that name a country (`ukraine`, `united-kingdom`, `UA`) stand for that country, so every
 * viewer reads the country's name in their own language (`Intl.DisplayNames`). Other tags read as written.
 */
let countryBySlug: Map<string, string> | null = null;

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

/** The ISO 3166-1 alpha-2 code of the country a focus tag names (by its English name or its code), or null. */
export function focusCountry(tag: string): string | null {
  if (!countryBySlug) {
    countryBySlug = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters)
      for (const b of letters) {
        const code = a + b;
        const name = names.of(code);
        // the first code wins: GB before its alias UK
        if (name && name !== code && name !== 'Unknown Region' && !countryBySlug.has(slug(name)))
          countryBySlug.set(slug(name), code);
      }
  }
  if (/^[A-Z]{2}$/.test(tag)) return [...countryBySlug.values()].includes(tag) ? tag : null;
  return countryBySlug.get(slug(tag)) ?? null;
}

/** How a focus tag reads for a viewer: the country's name in their language, else the tag with spaces. */
export function focusName(tag: string, countryName: (code: string) => string): string {
  const country = focusCountry(tag);
  return country ? countryName(country) : tag.replace(/[-_]+/g, ' ');
}
