import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultIndicators, extractFromText, extractIdentifiers, findIndicators } from './extraction.js';
import { normalizeIdentifier } from './identifiers.js';

const ad = `New in town!! Available 24/7 for you. Call or WhatsApp 06-12 34 56 78 or zero six one one two two three three four four.
Mail: lola.sweet [at] example [dot] com or lola@example.org. Insta @lola_sweet, also https://t.me/lolasweet?utm_source=ad
Pay BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq`;

const values = (text: string, context = {}) =>
  extractFromText(text, context).identifiers.map(
    (item) => `${item.identifierKind} ${item.normalizedValue ?? item.problem}`,
  );

describe('extracting identifiers from a pasted ad', () => {
  it('finds phones, e-mails (also obfuscated), handles with their service, URLs and wallets, in text order', () => {
    const { identifiers, unrecognised } = extractFromText(ad, { ownRegion: 'NL' });
    expect(identifiers.map((i) => [i.identifierKind, i.value, i.normalizedValue, i.service])).toEqual([
      ['phone', '+31612345678', '+31612345678', 'whatsapp'],
      ['email', 'lola.sweet@example.com', 'lola.sweet@example.com', null],
      ['email', 'lola@example.org', 'lola@example.org', null],
      ['username', 'Instagram @lola_sweet', 'instagram:lola_sweet', 'instagram'],
      ['profile_url', 'https://t.me/lolasweet?utm_source=ad', 'telegram:lolasweet', 'telegram'],
      ['wallet', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', null],
    ]);
    for (const item of identifiers) expect(ad.slice(item.start, item.end)).toBe(item.raw);
    expect(identifiers[0]?.readAs).toEqual({
      region: 'NL',
      international: '+31 6 12345678',
      basis: 'own',
      valid: true,
    });
    // spelled-out digits are a hint to check, never a number
    expect(unrecognised).toEqual([
      expect.objectContaining({
        reason: 'spelled_out',
        raw: 'zero six one one two two three three four four',
        digits: '0611223344',
      }),
    ]);
  });

  it('the value to log normalises to the same identity as the extraction read', () => {
    for (const item of extractIdentifiers(ad, 'NL'))
      expect(
        normalizeIdentifier(item.identifierKind, item.value, { region: 'NL', platformHost: 'ads.example.org' }),
      ).toBe(item.normalizedValue);
  });

  it('spelled-out words never produce a number', () => {
    const text = 'call me seven nine one one, or zero seven nine one one two three four five six';
    const { identifiers, unrecognised } = extractFromText(text, { ownRegion: 'NL' });
    expect(identifiers).toEqual([]);
    expect(unrecognised.map((u) => [u.reason, u.digits])).toEqual([['spelled_out', '0791123456']]);
  });

  it('an obfuscated e-mail is one e-mail, not also two web addresses', () => {
    expect(values('write to jobs.abroad[at]example.org today')).toEqual(['email jobs.abroad@example.org']);
    expect(values('write to jobs.abroad at example dot org today')).toEqual(['email jobs.abroad@example.org']);
  });

  it('finds a phone written as spaced single digits, with slashes, or with brackets', () => {
    expect(values('bel 0 6 8 7 6 5 4 3 2 1 vandaag', { ownRegion: 'NL' })).toEqual(['phone +31687654321']);
    expect(values('Tel. 0176/11223344', { ownRegion: 'DE' })).toEqual(['phone +4917611223344']);
    expect(values('Ruf an: +49 (0) 151 23456789!')).toEqual(['phone +4915123456789']);
    expect(values('(030) 1234567', { ownRegion: 'DE' })).toEqual(['phone +49301234567']);
  });

  it('two numbers in a row are two numbers; dates, prices and times are not numbers', () => {
    expect(values('0612345678 0687654321', { ownRegion: 'NL' })).toEqual(['phone +31612345678', 'phone +31687654321']);
    const { identifiers, unrecognised } = extractFromText('Open 06.09.2022 from 10:30, 150 euro, 2022-09-06', {
      ownRegion: 'NL',
    });
    expect(identifiers).toEqual([]);
    expect(unrecognised).toEqual([]);
  });

  it('nothing is silently dropped: a number valid in no region tried is listed as not recognised with its text', () => {
    const { identifiers, unrecognised } = extractFromText('Call 0176/11223344 now', { ownRegion: 'NL' });
    expect(identifiers).toEqual([]);
    expect(unrecognised).toEqual([
      {
        identifierKind: 'phone',
        raw: '0176/11223344',
        start: 5,
        end: 18,
        reason: 'not_valid',
        message: 'Not a valid number in NL: give it with its country code (+…)',
        digits: null,
      },
    ]);
  });

  it('a number in a Ukrainian ad is read as Ukrainian, even for a Dutch investigator', () => {
    const ukrainian = 'Дівчата, робота в Києві, житло надається. Пишіть у Viber: 0501234567 або телеграм @anya_kyiv';
    const { identifiers } = extractFromText(ukrainian, { ownRegion: 'NL' });
    expect(identifiers.map((i) => [i.normalizedValue, i.service, i.readAs?.region ?? null])).toEqual([
      ['+380501234567', 'viber', 'UA'],
      ['telegram:anya_kyiv', 'telegram', null],
    ]);
    expect(extractIdentifiers(ukrainian, 'NL')[0]?.value).toBe('+380501234567');
  });

  it('recognises the service from the words around a handle or a number', () => {
    const text = 'TG: katya_sweet99. snap - lola.x, Insta @anna_k, @mia_x (tiktok), WA +31 6 11223344, sc @lola.y';
    expect(extractFromText(text).identifiers.map((i) => i.normalizedValue)).toEqual([
      'telegram:katya_sweet99',
      'snapchat:lola.x',
      'instagram:anna_k',
      'tiktok:mia_x',
      '+31611223344',
      'snapchat:lola.y',
    ]);
  });

  it('a bare handle yields to the same handle named with its service; the same value quoted twice appears once', () => {
    const text =
      '@katya_sweet99 ... Telegram @katya_sweet99 ... t.me/katya_sweet99. Call 0612345678 or WhatsApp 06-12345678';
    const { identifiers } = extractFromText(text, { ownRegion: 'NL' });
    expect(identifiers.map((i) => [i.normalizedValue, i.service])).toEqual([
      ['telegram:katya_sweet99', 'telegram'],
      ['+31612345678', 'whatsapp'],
    ]);
  });

  it('a handle that breaks the named service’s rules is kept as a possible match, not dropped', () => {
    const [item] = extractFromText('Telegram @abc').identifiers;
    expect(item).toMatchObject({ normalizedValue: 'abc', strength: 'possible', value: '@abc' });
  });

  it('an invalid onion address is listed with its problem', () => {
    const [item] = extractFromText('market at http://tooshort.onion/shop').identifiers;
    expect(item).toMatchObject({
      identifierKind: 'profile_url',
      normalizedValue: null,
      problem: expect.stringMatching(/onion/),
    });
  });

  it('never throws, and every entry points at its own text (property)', () => {
    const pieces = fc.constantFrom(
      '@lola_x',
      ' TG: katya_sweet99 ',
      '06-12 34 56 78',
      '+49 151 23456789',
      'a@b.co',
      ' [at] ',
      't.me/abcde_f',
      'zero six ',
      'Київ ',
      '(',
      '/',
      '.',
      ' ',
      '\n',
      '🙂',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const { identifiers, unrecognised } = extractFromText(text, { ownRegion: 'NL' });
        for (const item of [...identifiers, ...unrecognised]) expect(text.slice(item.start, item.end)).toBe(item.raw);
        const keys = identifiers.map((i) => i.normalizedValue ?? `${i.identifierKind}:${i.raw}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

describe('indicator phrases', () => {
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

  it('positions stay right when folding changes the length of the text before a phrase', () => {
    const text = 'ﬁne İstanbul 한국 — available 24/7';
    const [match] = findIndicators(text, defaultIndicators);
    expect(text.slice(match?.start, match?.end)).toBe('available 24/7');
  });
});
