import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReadContext, type ReadResult, readIdentifier } from './reading.js';
import type { IdentifierKind } from './identifier-kinds.js';
import { serviceOf } from './services.js';

const reading = (kind: IdentifierKind, value: string, context: ReadContext = {}) => {
  const result: ReadResult = readIdentifier(kind, value, context);
  if (!result.ok) throw new Error(result.message);
  return result.reading;
};

describe('a typed value names its service', () => {
  it.each([
    't.me/katya_sweet99',
    '@katya_sweet99 (telegram)',
    'Telegram @katya_sweet99',
    'TG: katya_sweet99',
    'tg:@Katya_Sweet99',
    'telegram:katya_sweet99',
    'katya_sweet99 on telegram',
    'телеграм @katya_sweet99',
    'Telegram ID: katya_sweet99',
  ])('"%s" is Telegram katya_sweet99', (value) => {
    expect(reading('username', value)).toEqual({
      identifierKind: 'username',
      normalizedValue: 'telegram:katya_sweet99',
      service: 'telegram',
      handle: 'katya_sweet99',
      display: 'Telegram @katya_sweet99',
      readAs: null,
      strength: 'exact',
    });
  });

  it('a phone typed with its app keeps the app as the service, and the number as the identity', () => {
    expect(reading('phone', 'WA +31 6 12345678')).toMatchObject({
      normalizedValue: '+31612345678',
      service: 'whatsapp',
    });
    expect(reading('phone', 'Viber: 0501234567', { language: 'uk', ownRegion: 'NL' })).toMatchObject({
      normalizedValue: '+380501234567',
      service: 'viber',
      display: '+380 50 123 4567',
      readAs: { region: 'UA', basis: 'language' },
    });
    expect(reading('phone', '0612345678 (WhatsApp)', { ownRegion: 'NL' }).service).toBe('whatsapp');
    expect(reading('username', 'WA: 0612345678', { ownRegion: 'NL' })).toMatchObject({
      identifierKind: 'phone',
      normalizedValue: '+31612345678',
    });
  });

  it('the person’s pick beats a word in the value; a profile URL’s host beats both; the platform comes last', () => {
    expect(reading('username', 'TG: lola_sweet', { service: 'instagram' }).normalizedValue).toBe(
      'instagram:lola_sweet',
    );
    expect(reading('username', 'https://t.me/lola_sweet', { service: 'instagram' }).normalizedValue).toBe(
      'telegram:lola_sweet',
    );
    expect(reading('username', 'snap: lola_sweet', { platformHost: 'instagram.com' }).normalizedValue).toBe(
      'snapchat:lola_sweet',
    );
    expect(
      reading('username', 'lola_sweet', { platformHost: 'https://www.instagram.com/explore' }).normalizedValue,
    ).toBe('instagram:lola_sweet');
  });

  it('a display name seen on a service’s site that breaks its rules stays a bare handle; a named service is strict', () => {
    expect(reading('username', 'anna', { platformHost: 'facebook.com' })).toMatchObject({
      normalizedValue: 'anna',
      strength: 'possible',
    });
    expect(readIdentifier('username', 'facebook: anna')).toEqual({
      ok: false,
      message: expect.stringMatching(/at least 5/),
    });
  });

  it('answers a message for the person, never throws, for anything typed', () => {
    expect(readIdentifier('username', 'anna k')).toEqual({ ok: false, message: 'A handle has no spaces' });
    expect(readIdentifier('profile_url', 'https://instagram.com/p/abc')).toMatchObject({ ok: true });
    expect(readIdentifier('username', 'https://instagram.com/p/abc')).toEqual({
      ok: false,
      message: 'This web address is not a profile: log it as a profile URL',
    });
    expect(readIdentifier('other', 'x'.repeat(5000))).toEqual({ ok: false, message: 'Too long for an identifier' });
    const kinds: IdentifierKind[] = ['username', 'profile_url', 'phone', 'email', 'wallet', 'other'];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.string({ maxLength: 120, unit: 'grapheme' }), (kind, value) => {
        const result = readIdentifier(kind, value, { ownRegion: 'NL', platformHost: 't.me' });
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('one account, however it is written (property)', () => {
  const telegramHandle = fc.stringMatching(/^[a-z][a-z0-9_]{4,31}$/);

  it('every way of writing a Telegram handle gives the same identity, and reading the identity again gives it back', () => {
    fc.assert(
      fc.property(telegramHandle, fc.boolean(), (handle, upper) => {
        const written = upper ? handle.toUpperCase() : handle;
        const forms = [
          `https://t.me/${written}`,
          `@${written} (telegram)`,
          `TG: ${written}`,
          `Telegram @${written}`,
          `telegram.me/${written}/`,
        ];
        const identities = new Set(forms.map((form) => reading('username', form).normalizedValue));
        expect(identities).toEqual(new Set([`telegram:${handle}`]));
        expect(reading('username', `telegram:${handle}`).normalizedValue).toBe(`telegram:${handle}`);
      }),
    );
  });

  it('an Instagram profile URL with any mobile host and tracking parameters is the handle', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9_]{1,30}$/),
        fc.constantFrom('', 'www.', 'm.'),
        fc.subarray(['hl=en', 'igsh=abc', 'igshid=xyz', 'utm_source=ig_web_copy_link', 'fbclid=1']),
        (handle, host, params) => {
          const url = `https://${host}instagram.com/${handle}/${params.length ? `?${params.join('&')}` : ''}`;
          fc.pre(!serviceOf('instagram').reserved?.includes(handle));
          expect(reading('profile_url', url).normalizedValue).toBe(`instagram:${handle}`);
        },
      ),
    );
  });
});
