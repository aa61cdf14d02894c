import { describe, expect, it } from 'vitest';
import { canonicalUrl, IdentifierError, normalizeIdentifier, platformHostOf } from './identifiers.js';

describe('identifier normalisation for matching', () => {
  it('a Dutch mobile number matches in international, national and dashed form', () => {
    const forms = ['+31 6 1234 5678', '0612345678', '06-12 34 56 78', '0031 6 12345678'];
    expect(forms.map((f) => normalizeIdentifier('phone', f, { region: 'NL' }))).toEqual(Array(4).fill('+31612345678'));
  });

  it('a national number without a region is refused with a clear message', () => {
    expect(() => normalizeIdentifier('phone', '0612345678')).toThrow(IdentifierError);
    expect(() => normalizeIdentifier('phone', 'call me', { region: 'NL' })).toThrow(/Not a phone number/);
  });

  it('e-mails are lower-cased and handles case-folded within their platform', () => {
    expect(normalizeIdentifier('email', ' Anna.K@Example.ORG ')).toBe('anna.k@example.org');
    expect(normalizeIdentifier('username', '@Anna_K', { platformHost: 'instagram.com' })).toBe('instagram.com:anna_k');
    expect(normalizeIdentifier('username', 'anna_k', { platformHost: 'instagram.com' })).toBe(
      normalizeIdentifier('username', '@ANNA_K', { platformHost: 'instagram.com' }),
    );
    expect(normalizeIdentifier('username', 'anna_k', { platformHost: 'tiktok.com' })).not.toBe(
      normalizeIdentifier('username', 'anna_k', { platformHost: 'instagram.com' }),
    );
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

  it('the platform host used to scope handles drops www', () => {
    expect(platformHostOf('https://www.Instagram.com/explore')).toBe('instagram.com');
  });
});
