import { IdentifierError } from './identifier-error.js';

/** Query parameters that only track clicks and never identify a page. */
export const trackingParamPattern =
  /^(?:utm_\w{1,40}|fbclid|gclid|dclid|msclkid|igshid|igsh|si|ref|ref_src|mc_cid|mc_eid|_ga|s|share_id|feature)$/i;

/** Whether a query parameter only tracks clicks, on any site. */
export function isTrackingParam(key: string): boolean {
  return key.length <= 44 && trackingParamPattern.test(key);
}

/** A URL scheme's name. */
export const schemePattern = /^[a-z][a-z0-9+.-]*$/i;
/** Subdomains every site uses for the same pages. */
export const mobileHostPattern = /^(?:www|m|mobile)\./;
/** A v3 onion address: 56 base32 characters. */
export const onionHostPattern = /^[a-z2-7]{56}\.onion$/;

/** Splits off `scheme://` when present (`https`, `tg`, `viber`), without a backtracking pattern. */
export function hasScheme(value: string): boolean {
  const at = value.indexOf('://');
  return at > 0 && at <= 20 && schemePattern.test(value.slice(0, at));
}

/** Drops the given characters from the end, by hand: `/[.,]+$/` backtracks quadratically on a long run of them. */
export function trimTrailing(value: string, chars: string): string {
  let end = value.length;
  while (end > 0 && chars.includes(value[end - 1] ?? '')) end -= 1;
  return value.slice(0, end);
}

/** Drops the given characters from the start, by hand. */
export function trimLeading(value: string, chars: string): string {
  let start = 0;
  while (start < value.length && chars.includes(value[start] ?? '')) start += 1;
  return value.slice(start);
}

/** Drops trailing slashes (by hand, see `trimTrailing`). */
export function trimTrailingSlashes(path: string): string {
  return trimTrailing(path, '/');
}

/** A URL read for matching: http(s), with a scheme added when missing. Throws IdentifierError. */
export function parseWebUrl(value: string): URL {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(hasScheme(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new IdentifierError('Not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IdentifierError('Only http(s) URLs');
  return url;
}

/** The host without `www.`/`m.`/`mobile.`, lower-case. */
export function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(mobileHostPattern, '');
}

/** Canonical URL: https, lower-case host without `www.`, no fragment, no tracking parameters, no trailing slash. */
export function canonicalUrl(value: string): string {
  return canonicalUrlDropping(value, isTrackingParam);
}

/** `canonicalUrl` dropping the query parameters `dropParam` names (a service's own sharing parameters too). */
export function canonicalUrlDropping(value: string, dropParam: (key: string) => boolean): string {
  const url = parseWebUrl(value);
  const host = bareHost(url);
  if (host.endsWith('.onion') && !onionHostPattern.test(host.split('.').slice(-2).join('.'))) {
    throw new IdentifierError('Not a valid v3 onion address (56 base32 characters)');
  }
  if (!host.includes('.')) throw new IdentifierError('Not a URL');
  const params = [...url.searchParams.entries()]
    .filter(([key]) => !dropParam(key))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${host}${url.port ? `:${url.port}` : ''}${trimTrailingSlashes(url.pathname)}${query}`;
}
