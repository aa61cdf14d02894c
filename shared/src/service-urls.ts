import { foldHandle } from './handles.js';
import { type ProfileRule, type ServiceId, type ServiceSpec, serviceOf, serviceOfHost } from './services.js';
import {
  bareHost,
  canonicalUrl,
  canonicalUrlDropping,
  hasScheme,
  isTrackingParam,
  parseWebUrl,
  trimTrailingSlashes,
} from './urls.js';

/** The account a profile URL or app link points to: a handle on a service, or a phone number. */
export type ProfileTarget = { service: ServiceId; handle: string } | { service: ServiceId; phone: string };

/** Parameters the networks add for language, sharing and tracking; none of them names an account. */
export const serviceParamPattern =
  /^(?:hl|lang|locale|mibextid|rdid|sfnsn|share_url|is_from_webapp|sender_device|web_id|_t|_r|t|img_index|story_media_id|app|source|__tn__|__cft__\[0\])$/i;

/** Subdomains that are another door to the same site (m.facebook.com, old.reddit.com). */
export const doorwayPattern = /^(?:www|m|mobile|mbasic|touch|web|old|new)\./;
/** Language subdomains, only where a network uses them for the same pages (nl-nl.facebook.com, nl.linkedin.com). */
export const localeDoorwayPattern = /^[a-z]{2}(?:-[a-z]{2})?\./;
const localeHosts = new Set<ServiceId>(['facebook', 'linkedin']);

/** A known service's host, and the service's own spelling of it (`de-de.facebook.com` → `facebook.com`). */
export function serviceHostOf(url: URL): { service: ServiceId; host: string } | null {
  const host = url.hostname.toLowerCase();
  const service = serviceOfHost(host);
  if (!service) return null;
  const spec = serviceOf(service);
  const shorter = host
    .replace(localeHosts.has(service) ? localeDoorwayPattern : doorwayPattern, '')
    .replace(doorwayPattern, '');
  return { service, host: spec.hosts.includes(shorter) ? shorter : bareHost(url) };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A phone number in a link: international digits, `+` optional. */
export const linkPhonePattern = /^\+?[0-9]{6,15}$/;
/** signal.me's phone links: `#p/+31…`. */
export const signalPhoneFragment = /^#p\/(\+[0-9]{6,15})$/;
/** App links opened by the messengers themselves. */
export const appLinkPattern = /^(?:tg|whatsapp|viber|sgnl):\/\//i;
export const skypeLinkPattern = /^skype:[^/]/i;
/** A bare host name (`t.me`, `instagram.com`). */
export const hostNamePattern = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

function matchRule(spec: ServiceSpec, rule: ProfileRule, segments: string[], url: URL): ProfileTarget | null {
  if (segments.length !== rule.path.length) return null;
  let handle: string | undefined;
  let phone: string | undefined;
  for (const [index, part] of rule.path.entries()) {
    const segment = segments[index] ?? '';
    if (part === '*') continue;
    if (part === ':phone') {
      if (!linkPhonePattern.test(segment)) return null;
      phone = segment;
    } else if (part === ':h') handle = segment;
    else if (part === '@:h' || part === '~:h') {
      if (!segment.startsWith(part[0] ?? '')) return null;
      handle = segment.slice(1);
    } else if (part.toLowerCase() !== segment.toLowerCase()) return null;
  }
  if (rule.param) {
    const value = url.searchParams.get(rule.param)?.trim() ?? '';
    if (rule.reads === 'phone') phone = value;
    else handle = value;
  }
  if (phone !== undefined) {
    const digits = phone.replace(/^\+/, '');
    return linkPhonePattern.test(digits) ? { service: spec.id, phone: `+${digits}` } : null;
  }
  if (handle === undefined) return null;
  if (rule.path[0] === ':h' && spec.reserved?.includes(handle.toLowerCase())) return null;
  const folded = foldHandle(spec.id, handle);
  return folded.ok ? { service: spec.id, handle: folded.handle } : null;
}

/** App links (`tg://resolve?domain=x`, `viber://chat?number=…`, `skype:x?chat`) and what they open. */
function appLinkTarget(url: URL): ProfileTarget | null {
  const query = url.searchParams;
  const phoneOf = (service: ServiceId, value: string | null) => {
    const digits = (value ?? '').trim().replace(/^\+/, '');
    return linkPhonePattern.test(digits) ? { service, phone: `+${digits}` } : null;
  };
  const handleOf = (service: ServiceId, value: string | null) => {
    const folded = foldHandle(service, value ?? '');
    return folded.ok ? { service, handle: folded.handle } : null;
  };
  switch (url.protocol) {
    case 'tg:':
      return query.get('phone') ? phoneOf('telegram', query.get('phone')) : handleOf('telegram', query.get('domain'));
    case 'whatsapp:':
      return phoneOf('whatsapp', query.get('phone'));
    case 'viber:':
      return phoneOf('viber', query.get('number'));
    case 'skype:':
      return handleOf('skype', url.pathname);
    case 'sgnl:':
      return signalTarget(url.hash);
    default:
      return null;
  }
}

/** signal.me keeps the account in the fragment: `#p/+31…` is a phone; `#eu/…` an encrypted username link. */
function signalTarget(hash: string): ProfileTarget | null {
  const phone = signalPhoneFragment.exec(hash)?.[1];
  return phone ? { service: 'signal', phone } : null;
}

/** Whether a value is written as an app link (`tg://`, `viber://`, `skype:`), not a web address. */
export function isAppLink(value: string): boolean {
  return appLinkPattern.test(value.trim()) || skypeLinkPattern.test(value.trim());
}

/**
 * The account a URL of a known service points to (`https://www.instagram.com/anna_k/?hl=en` →
 * Instagram `anna_k`; `wa.me/31612345678` → a phone; `katya.t.me` → Telegram `katya`), or null
 * for other URLs and for pages that are not profiles (posts, groups, invite links).
 */
export function profileOfUrl(value: string): ProfileTarget | null {
  const trimmed = value.trim();
  if (trimmed.length > 2048) return null;
  if (isAppLink(trimmed)) {
    try {
      return appLinkTarget(new URL(trimmed));
    } catch {
      return null;
    }
  }
  let url: URL;
  try {
    url = parseWebUrl(trimmed);
  } catch {
    return null;
  }
  const known = serviceHostOf(url);
  if (!known) return null;
  const spec = serviceOf(known.service);
  const segments = trimTrailingSlashes(url.pathname).split('/').filter(Boolean).map(decodeSegment);
  if (known.service === 'signal') return signalTarget(url.hash);
  if (known.service === 'telegram' && !spec.hosts.includes(known.host) && segments.length === 0) {
    const sub = known.host.split('.')[0] ?? '';
    const folded = foldHandle('telegram', sub);
    return folded.ok ? { service: 'telegram', handle: folded.handle } : null;
  }
  for (const rule of spec.profiles) {
    const target = matchRule(spec, rule, segments, url);
    if (target) return target;
  }
  return null;
}

/**
 * Canonical form of a URL that is not a profile: today's `canonicalUrl`, and for a known service
 * also its own host spelling and without its language and sharing parameters. signal.me keeps its
 * fragment, where its links hold the account.
 */
export function canonicalServiceUrl(value: string): string {
  const url = parseWebUrl(value);
  const known = serviceHostOf(url);
  if (!known) return canonicalUrl(value);
  const rest = canonicalUrlDropping(
    value,
    (key) => isTrackingParam(key) || (key.length <= 40 && serviceParamPattern.test(key)),
  );
  const withHost = rest.replace(/^https:\/\/[^/?#]+/, `https://${known.host}${url.port ? `:${url.port}` : ''}`);
  return known.service === 'signal' && url.hash ? `${withHost}${url.hash}` : withHost;
}

/** Whether a value looks like a web address rather than a handle (has a dot in its first part, or a scheme). */
export function looksLikeUrl(value: string): boolean {
  const trimmed = value.trim();
  if (hasScheme(trimmed) || isAppLink(trimmed)) return true;
  const first = trimmed.split('/', 1)[0] ?? '';
  return trimmed.includes('/') && hostNamePattern.test(first.slice(0, 253));
}
