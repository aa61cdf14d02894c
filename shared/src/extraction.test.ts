import { describe, expect, it } from 'vitest';
import { defaultIndicators, extractIdentifiers, findIndicators } from './extraction.js';
import { normalizeIdentifier } from './identifiers.js';

describe('extracting identifiers from a pasted ad', () => {
  const ad = `New in town!! Available 24/7 for you. Call or WhatsApp 06-12 34 56 78 or zero six one one two two three three four four.
Mail: lola.sweet [at] example [dot] com or lola@example.org. Insta @lola_sweet, also https://t.me/lolasweet?utm_source=ad
Pay BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq`;

  it('finds phones (also spelled out), e-mails (also obfuscated), handles, URLs and wallets', () => {
    const found = extractIdentifiers(ad, 'NL');
    const phones = found
      .filter((f) => f.identifierKind === 'phone')
      .map((f) => normalizeIdentifier('phone', f.value, { region: 'NL' }));
    expect(phones.sort()).toEqual(['+31611223344', '+31612345678']);
    expect(
      found
        .filter((f) => f.identifierKind === 'email')
        .map((f) => f.value)
        .sort(),
    ).toEqual(['lola.sweet@example.com', 'lola@example.org']);
    expect(found.filter((f) => f.identifierKind === 'username').map((f) => f.value)).toEqual(['@lola_sweet']);
    expect(found.filter((f) => f.identifierKind === 'profile_url').map((f) => f.value)).toContain(
      'https://t.me/lolasweet?utm_source=ad',
    );
    expect(found.filter((f) => f.identifierKind === 'wallet').map((f) => f.value)).toEqual([
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    ]);
  });

  it('an obfuscated e-mail is one e-mail, not also two web addresses', () => {
    const found = extractIdentifiers('write to jobs.abroad[at]example.org today', 'NL');
    expect(found).toEqual([{ identifierKind: 'email', value: 'jobs.abroad@example.org' }]);
  });

  it('finds a phone written as spaced single digits', () => {
    const found = extractIdentifiers('bel 0 6 8 7 6 5 4 3 2 1 vandaag', 'NL');
    expect(found).toEqual([{ identifierKind: 'phone', value: '+31687654321' }]);
  });

  it('highlights indicator phrases in any case, also in Ukrainian and Russian', () => {
    const text = 'NEW IN TOWN, available 24/7. Робота за кордоном, висока зарплата! Работа за границей.';
    const phrases = findIndicators(text, defaultIndicators).map((m) => `${m.language}:${m.phrase}`);
    expect(phrases).toEqual([
      'en:new in town',
      'en:available 24/7',
      'uk:робота за кордоном',
      'uk:висока зарплата',
      'ru:работа за границей',
    ]);
    const [first] = findIndicators(text, defaultIndicators);
    expect(text.slice(first?.start, first?.end)).toBe('NEW IN TOWN');
  });
});
