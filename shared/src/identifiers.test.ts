import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from './extraction.js';
import { canonicalUrl, IdentifierError, normalizeHandle, normalizeIdentifier, platformHostOf } from './identifiers.js';
import { identityOf, possibleMatchKey, readIdentifier } from './reading.js';

describe('identifier normalisation for matching', () => {
  it('a Dutch mobile number matches in international, national and dashed form', () => {
    const forms = ['+31 6 1234 5678', '0612345678', '06-12 34 56 78', '0031 6 12345678'];
    expect(forms.map((f) => normalizeIdentifier('phone', f, { region: 'NL' }))).toEqual(Array(4).fill('+31612345678'));
  });

  it('a national number without a region is refused with a clear message', () => {
    expect(() => normalizeIdentifier('phone', '0612345678')).toThrow(IdentifierError);
    expect(() => normalizeIdentifier('phone', 'call me', { region: 'NL' })).toThrow(/Not a phone number/);
  });

  it('e-mails are lower-cased, also when written [at] / [dot]', () => {
    expect(normalizeIdentifier('email', ' Anna.K@Example.ORG ')).toBe('anna.k@example.org');
    expect(normalizeIdentifier('email', 'anna.k [at] example [dot] org')).toBe('anna.k@example.org');
    expect(() => normalizeIdentifier('email', 'anna.k@example')).toThrow('Not an e-mail address');
  });

  it('a handle logged on a service’s own site is that service’s handle; other sites no longer scope it', () => {
    expect(normalizeIdentifier('username', '@Anna_K', { platformHost: 'instagram.com' })).toBe('instagram:anna_k');
    expect(normalizeIdentifier('username', 'anna_k', { platformHost: 'tiktok.com' })).toBe('tiktok:anna_k');
    expect(normalizeIdentifier('username', '@Anna_K', { platformHost: 'ads.example.com' })).toBe('anna_k');
    expect(normalizeHandle('@Katya_Sweet99', 't.me')).toBe('telegram:katya_sweet99');
    expect(normalizeHandle('@Katya_Sweet99')).toBe('katya_sweet99');
  });

  it('the same Telegram handle quoted in an escort ad, typed as t.me/x and listed as telegram,x is one identity', () => {
    const quoted = extractIdentifiers('Hot new girl, write me on Telegram @katya_sweet99 24/7', 'NL');
    const fromAd = quoted.map((item) =>
      normalizeIdentifier(item.identifierKind, item.value, { platformHost: platformHostOf('https://ads.example.com') }),
    );
    const typed = normalizeIdentifier('username', 't.me/katya_sweet99', { platformHost: 't.me' });
    const listed = normalizeIdentifier('username', 'katya_sweet99', { platformHost: 'telegram' });
    expect(fromAd).toEqual(['telegram:katya_sweet99']);
    expect(typed).toBe('telegram:katya_sweet99');
    expect(listed).toBe('telegram:katya_sweet99');
  });

  it('a handle with no known service is a weaker, possible identity that meets the same handle on any service', () => {
    const bare = readIdentifier('username', '@katya_sweet99');
    expect(bare).toMatchObject({
      ok: true,
      reading: { normalizedValue: 'katya_sweet99', service: null, strength: 'possible' },
    });
    const onTelegram = normalizeIdentifier('username', 'Telegram @katya_sweet99');
    expect(possibleMatchKey(onTelegram)).toBe(possibleMatchKey('katya_sweet99'));
    expect(identityOf(onTelegram)).toEqual({ service: 'telegram', handle: 'katya_sweet99' });
    expect(identityOf('katya_sweet99')).toBeNull();
    expect(identityOf('https://t.me/joinchat/x')).toBeNull();
  });

  it('a bare handle can never be taken for a phone, an e-mail, a URL or a service identity', () => {
    for (const value of ['+31612345678', 'anna@example.org', 'katya:sweet', 'a/b'])
      expect(() => normalizeIdentifier('username', value), value).toThrow(IdentifierError);
  });

  it('profile URLs lose scheme case, www, trailing slash, fragment and tracking parameters', () => {
    const same = [
      'http://WWW.Facebook.com/anna.k/',
      'https://facebook.com/anna.k?utm_source=x&fbclid=abc',
      'facebook.com/anna.k#about',
      'https://m.facebook.com/anna.k',
    ];
    expect(new Set(same.map(canonicalUrl))).toEqual(new Set(['https://facebook.com/anna.k']));
    expect(canonicalUrl('https://example.org/p?id=7&utm_medium=a')).toBe('https://example.org/p?id=7');
  });

  it('onion addresses are validated', () => {
    expect(canonicalUrl(`http://${'a'.repeat(56)}.onion/market`)).toBe(`https://${'a'.repeat(56)}.onion/market`);
    expect(() => canonicalUrl('http://tooshort.onion')).toThrow(/onion/);
  });

  it('wallet addresses are recognised and case-folded where their format is case-insensitive', () => {
    expect(normalizeIdentifier('wallet', '0xAbCdEf0123456789abcdef0123456789ABCDEF01')).toBe(
      '0xabcdef0123456789abcdef0123456789abcdef01',
    );
    expect(normalizeIdentifier('wallet', 'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ')).toBe(
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    );
    expect(() => normalizeIdentifier('wallet', 'not-a-wallet')).toThrow(IdentifierError);
  });

  it('the platform host drops www', () => {
    expect(platformHostOf('https://www.Instagram.com/explore')).toBe('instagram.com');
  });
});
