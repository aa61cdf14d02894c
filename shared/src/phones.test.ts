import fc from 'fast-check';
import { type CountryCode, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { normalizeIdentifier } from './identifiers.js';
import { regionOfLanguage, regionsOfScript } from './languages.js';
import { phoneRegionOrder, readPhone } from './phones.js';

const read = (value: string, context: Parameters<typeof readPhone>[1]) => {
  const result = readPhone(value, context);
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('phones read as a person would', () => {
  it('a German investigator typing a German mobile on a French-focused platform gets +49, and is told so', () => {
    const result = read('0151 23456789', { platformRegion: 'FR', ownRegion: 'DE' });
    expect(result.e164).toBe('+4915123456789');
    expect(result.readAs).toEqual({ region: 'DE', international: '+49 1512 3456789', basis: 'own', valid: true });
  });

  it('a number in a Ukrainian ad is read as Ukrainian, not as the Dutch investigator’s', () => {
    expect(read('0501234567', { language: 'uk', ownRegion: 'NL' }).readAs).toMatchObject({
      region: 'UA',
      international: '+380 50 123 4567',
      basis: 'language',
    });
    const ad = 'Робота в Києві, житло надається. Пишіть у Viber';
    expect(read('050 123 45 67', { text: ad, ownRegion: 'NL' }).e164).toBe('+380501234567');
  });

  it('the platform’s country focus comes first, then the language, then the investigator’s own country', () => {
    expect(phoneRegionOrder({ platformRegion: 'fr', language: ['uk', 'en'], ownRegion: 'DE' })).toEqual([
      { region: 'FR', basis: 'platform' },
      { region: 'UA', basis: 'language' },
      { region: 'DE', basis: 'own' },
    ]);
    // a region chosen by the person is the only one tried
    expect(phoneRegionOrder({ regions: ['PL'], platformRegion: 'FR', ownRegion: 'DE' })).toEqual([
      { region: 'PL', basis: 'chosen' },
    ]);
    expect(readPhone('0151 23456789', { regions: ['FR'], ownRegion: 'DE' })).toMatchObject({
      ok: false,
      tried: ['FR'],
    });
  });

  it('three national formats of one phone read in three countries give one number', () => {
    const forms: [string, string][] = [
      ['06-12 34 56 78', 'NL'],
      ['0031 6 12345678', 'DE'],
      ['+31 (0)6 12 34 56 78', 'FR'],
    ];
    expect(new Set(forms.map(([value, region]) => normalizeIdentifier('phone', value, { ownRegion: region })))).toEqual(
      new Set(['+31612345678']),
    );
  });

  it('a number valid nowhere tried is refused with the regions it was tried in', () => {
    expect(readPhone('0176/11223344', { platformRegion: 'NL' })).toEqual({
      ok: false,
      message: 'Not a valid number in NL: give it with its country code (+…)',
      tried: ['NL'],
    });
    expect(readPhone('0612345678', {})).toMatchObject({ ok: false, message: /country code/ });
  });

  it('words and other text are never read as a number', () => {
    for (const text of [
      'seven nine one one',
      'zero six one two three four five six seven',
      'call me',
      '06 12 34 56 78 ask for Anna',
    ])
      expect(readPhone(text, { region: 'NL' }).ok, text).toBe(false);
  });

  it('international forms need no region and are kept even when only possible', () => {
    expect(read('+44 7911 123456', {}).readAs).toMatchObject({ region: 'GG', basis: 'international', valid: true });
    expect(read('00 380 50 123 4567', {}).e164).toBe('+380501234567');
    expect(read('tel:+31612345678', {}).e164).toBe('+31612345678');
  });

  const regions: CountryCode[] = [
    'NL',
    'DE',
    'FR',
    'BE',
    'UA',
    'PL',
    'RO',
    'BG',
    'CZ',
    'IT',
    'ES',
    'GB',
    'MD',
    'VN',
    'NG',
  ];
  const spacing = fc.constantFrom(' ', '-', '.', '/', '  ', '');

  it('any mobile number, written nationally or internationally with any spacing, reads back the same (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...regions), spacing, fc.boolean(), (region, sep, international) => {
        const example = getExampleNumber(region, examples);
        if (!example) return;
        const written = (international ? example.formatInternational() : example.formatNational()).replace(/ /g, sep);
        const result = readPhone(written, { ownRegion: region });
        expect(result.ok && result.e164, `${written} in ${region}`).toBe(example.number);
      }),
    );
  });

  it('reading never throws and never answers for text with letters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const result = readPhone(text, { ownRegion: 'NL', text });
        if (/\p{L}/u.test(text.replace(/^tel:/i, '').replace(/(ext\.?|x|доб\.?)\s*\d+$/i, '')))
          expect(result.ok).toBe(false);
      }),
    );
  });
});

describe('the country a language or script points to', () => {
  it('a language points to its country; a region subtag wins; world languages point nowhere', () => {
    expect(regionOfLanguage('uk')).toBe('UA');
    expect(regionOfLanguage('pt-BR')).toBe('BR');
    expect(regionOfLanguage('en')).toBeNull();
    expect(regionOfLanguage('ar')).toBeNull();
  });

  it('Ukrainian-only letters point to Ukraine, Russian-only letters to Russia, most evidence first', () => {
    expect(regionsOfScript('Робота за кордоном, житло надається, їжа є')).toEqual(['UA']);
    expect(regionsOfScript('Работа за границей, высокая зарплата, жильё')).toEqual(['RU']);
    expect(regionsOfScript('Привіт, її подруга. Это ещё')).toEqual(['UA', 'RU']);
    expect(regionsOfScript('Praca za granicą, wysoka płaca')).toEqual(['PL']);
    expect(regionsOfScript('Nieuw in de stad, 24/7 beschikbaar')).toEqual([]);
  });
});
