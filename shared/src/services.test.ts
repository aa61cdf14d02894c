import { describe, expect, it } from 'vitest';
import { normalizeIdentifier } from './identifiers.js';
import { readIdentifier } from './reading.js';
import { canonicalServiceUrl, profileOfUrl } from './service-urls.js';
import { resolveService, serviceIds, serviceOf, serviceOfHost, serviceOfWord, services } from './services.js';

const identity = (kind: 'username' | 'profile_url', value: string) => normalizeIdentifier(kind, value);

describe('the list of services', () => {
  it('has every service once, each with a name, and aliases that name only one service', () => {
    expect(services.map((s) => s.id)).toEqual([...serviceIds]);
    const seen = new Map<string, string>();
    for (const spec of services) {
      expect(spec.name).not.toBe('');
      for (const word of [spec.id, ...spec.aliases]) {
        expect(word, `${word} of ${spec.id}`).toBe(word.toLowerCase());
        expect(seen.get(word) ?? spec.id, `${word} names two services`).toBe(spec.id);
        seen.set(word, spec.id);
      }
    }
  });

  it('knows the words used in ads, in Latin and Cyrillic letters', () => {
    const words: [string, string][] = [
      ['tg', 'telegram'],
      ['Telega', 'telegram'],
      ['телеграм', 'telegram'],
      ['snap', 'snapchat'],
      ['SC', 'snapchat'],
      ['insta', 'instagram'],
      ['IG', 'instagram'],
      ['wa', 'whatsapp'],
      ['WhatsApp', 'whatsapp'],
      ['ватсап', 'whatsapp'],
      ['вайбер', 'viber'],
      ['twitter', 'x'],
      ['fb', 'facebook'],
      ['вконтакте', 'vk'],
    ];
    for (const [word, service] of words) expect(serviceOfWord(word), word).toBe(service);
    expect(serviceOfWord('hotel')).toBeNull();
  });

  it('knows the hosts, also mobile and language subdomains', () => {
    expect(serviceOfHost('t.me')).toBe('telegram');
    expect(serviceOfHost('katya_sweet99.t.me')).toBe('telegram');
    expect(serviceOfHost('m.facebook.com')).toBe('facebook');
    expect(serviceOfHost('nl-nl.facebook.com')).toBe('facebook');
    expect(serviceOfHost('api.whatsapp.com')).toBe('whatsapp');
    expect(serviceOfHost('ads.example.com')).toBeNull();
    expect(resolveService('instagram.com')).toBe('instagram');
    expect(resolveService('https://www.tiktok.com/@lola')).toBe('tiktok');
    expect(resolveService('telegram')).toBe('telegram');
    expect(resolveService('ads.example.com')).toBeNull();
  });
});

describe('a profile URL is the same identity as the handle', () => {
  it('drops mobile hosts, www, language and tracking parameters', () => {
    const forms = [
      'https://www.instagram.com/anna_k/?hl=en',
      'https://m.instagram.com/anna_k/?hl=en',
      'instagram.com/anna_k',
      'http://instagram.com/Anna_K?igsh=abc123&utm_source=ig_web_copy_link',
      'instagr.am/anna_k',
    ];
    expect(new Set(forms.map((f) => identity('profile_url', f)))).toEqual(new Set(['instagram:anna_k']));
    expect(identity('username', '@Anna_K (instagram)')).toBe('instagram:anna_k');
  });

  it.each([
    ['https://t.me/katya_sweet99', 'telegram:katya_sweet99'],
    ['telegram.me/Katya_Sweet99', 'telegram:katya_sweet99'],
    ['https://t.me/s/katya_sweet99', 'telegram:katya_sweet99'],
    ['https://katya_sweet99.t.me', 'telegram:katya_sweet99'],
    ['tg://resolve?domain=katya_sweet99', 'telegram:katya_sweet99'],
    ['https://www.tiktok.com/@lola.sweet?lang=en', 'tiktok:lola.sweet'],
    ['https://www.snapchat.com/add/lola.x', 'snapchat:lola.x'],
    ['https://www.facebook.com/anna.k.smith', 'facebook:annaksmith'],
    ['https://m.facebook.com/annaksmith?mibextid=ZbWKwL', 'facebook:annaksmith'],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'facebook:100012345678901'],
    ['https://m.me/anna.k.smith', 'facebook:annaksmith'],
    ['https://x.com/lola_x', 'x:lola_x'],
    ['https://mobile.twitter.com/Lola_X', 'x:lola_x'],
    ['https://onlyfans.com/lola.sweet', 'onlyfans:lola.sweet'],
    ['https://vk.com/id123456', 'vk:id123456'],
    ['https://www.reddit.com/user/lola_x/', 'reddit:lola_x'],
    ['https://old.reddit.com/u/lola_x', 'reddit:lola_x'],
    ['https://www.youtube.com/@LolaSweet', 'youtube:lolasweet'],
    ['https://nl.linkedin.com/in/anna-k-123', 'linkedin:anna-k-123'],
    ['https://threema.id/abcd1234', 'threema:ABCD1234'],
    ['https://line.me/ti/p/~lola.x', 'line:lola.x'],
    ['https://kik.me/lola.x', 'kik:lola.x'],
    ['https://www.threads.net/@anna_k', 'instagram:anna_k'],
  ])('%s is %s', (url, expected) => {
    expect(identity('profile_url', url)).toBe(expected);
    expect(identity('username', url)).toBe(expected);
  });

  it('a WhatsApp, Telegram, Viber or Zalo phone link is the phone number itself', () => {
    for (const link of [
      'wa.me/31612345678',
      'https://api.whatsapp.com/send?phone=31612345678&text=hi',
      'https://t.me/+31612345678',
      'viber://chat?number=%2B31612345678',
      'whatsapp://send?phone=31612345678',
      'https://signal.me/#p/+31612345678',
    ]) {
      expect(identity('profile_url', link), link).toBe('+31612345678');
      expect(normalizeIdentifier('phone', link), link).toBe('+31612345678');
    }
    const reading = readIdentifier('profile_url', 'wa.me/31612345678');
    expect(reading.ok && reading.reading).toMatchObject({ identifierKind: 'phone', service: 'whatsapp' });
  });

  it('pages that are not profiles keep their canonical URL, without the service’s sharing parameters', () => {
    expect(identity('profile_url', 'https://www.instagram.com/p/C0ffee123/?igsh=xyz&hl=de')).toBe(
      'https://instagram.com/p/C0ffee123',
    );
    expect(identity('profile_url', 'https://www.facebook.com/groups/123456/?mibextid=abc')).toBe(
      'https://facebook.com/groups/123456',
    );
    expect(identity('profile_url', 'https://t.me/joinchat/AbCdEf')).toBe('https://t.me/joinchat/AbCdEf');
    expect(identity('profile_url', 'https://vm.tiktok.com/ZMabc123/')).toBe('https://vm.tiktok.com/ZMabc123');
    expect(identity('profile_url', 'https://www.instagram.com/explore')).toBe('https://instagram.com/explore');
    // a handle too short for the service is no profile of it
    expect(profileOfUrl('https://t.me/abc')).toBeNull();
  });

  it("other sites keep today's canonical form (their own `hl` or `lang` are left alone)", () => {
    expect(identity('profile_url', 'https://ads.example.com/ad/7?hl=en&utm_source=x')).toBe(
      'https://ads.example.com/ad/7?hl=en',
    );
    expect(canonicalServiceUrl('https://Example.org/p/')).toBe('https://example.org/p');
  });

  it('a signal.me username link keeps the fragment that holds the account', () => {
    expect(identity('profile_url', 'https://signal.me/#eu/AbCdEf123')).toBe('https://signal.me#eu/AbCdEf123');
    expect(identity('profile_url', 'https://signal.me/#eu/Other456')).not.toBe(
      identity('profile_url', 'https://signal.me/#eu/AbCdEf123'),
    );
  });
});

describe('handle rules of each service', () => {
  it('Telegram usernames have 5–32 letters, digits or _ and start with a letter', () => {
    expect(identity('username', 'Telegram @abcde')).toBe('telegram:abcde');
    expect(identity('username', `telegram:${'a'.repeat(32)}`)).toBe(`telegram:${'a'.repeat(32)}`);
    for (const bad of ['telegram:abcd', `telegram:${'a'.repeat(33)}`, 'telegram:1abcde', 'telegram:ab-cde']) {
      expect(() => identity('username', bad), bad).toThrow(serviceOf('telegram').handle?.hint ?? '');
    }
  });

  it('case is folded where the service ignores it, Facebook ignores dots, Threema IDs are upper-case', () => {
    expect(identity('username', 'Insta @Anna_K')).toBe('instagram:anna_k');
    expect(identity('username', 'fb: John.Smith.55')).toBe(identity('username', 'facebook:johnsmith55'));
    expect(identity('username', 'threema: abcd1234')).toBe('threema:ABCD1234');
    expect(() => identity('username', 'instagram:.anna')).toThrow(/not starting or ending/);
  });

  it('a Viber account is its phone number', () => {
    expect(normalizeIdentifier('username', 'Viber: +380501234567')).toBe('+380501234567');
    expect(() => identity('username', 'viber: katya')).toThrow(/phone numbers/);
  });
});
