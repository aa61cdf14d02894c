import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../http/errors.js';

/**
 * What the server may fetch for a capture. Only public unicast addresses, unless an administrator allows a
 * range (`ACTIONDAY_CAPTURE_ALLOW`); never the app's own port, so a captured page's scripts cannot reach the
 * app even where its address is allowed.
 */
export interface FetchPolicy {
  allow: readonly string[];
  /** With a proxy, names are resolved by the proxy (`.onion`): only literal addresses are checked here. */
  proxy: string | undefined;
  /** The ports this server listens on (a request to one of them on an allowed local address is refused). */
  ownPorts: () => number[];
  /** Only the allowed ranges (tests): public addresses refused, names other than `localhost` never looked up. */
  allowedOnly?: boolean;
}

const refused = (host: string, reason: string) =>
  new AppError('captures.address_refused', { params: { host, reason } });

/** Why an address may not be fetched (`loopback`, `private`, `linkLocal`…), or null when it may. */
export function addressRefusal(address: string, allow: readonly string[], allowedOnly = false): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries
    ip = ipaddr.process(address);
  } catch {
    return 'not an address';
  }
  for (const range of allow) {
    const [network, bits] = ipaddr.parseCIDR(range);
    if (network.kind() === ip.kind() && ip.match(network, bits)) return null;
  }
  const kind = ip.range();
  if (allowedOnly) return kind === 'unicast' ? 'public (this server captures its allowed ranges only)' : kind;
  return kind === 'unicast' ? null : kind;
}

/** The URL to capture, or `captures.bad_url` / `captures.needs_proxy` (only http and https, .onion via a proxy). */
export function captureUrl(raw: string, policy: Pick<FetchPolicy, 'proxy'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('captures.bad_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('captures.bad_url');
  if (url.username || url.password) throw new AppError('captures.bad_url');
  if (/\.onion\.?$/i.test(url.hostname) && !policy.proxy) throw new AppError('captures.needs_proxy');
  return url;
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');
const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

/**
 * Checks a URL the capture is about to fetch, after DNS: every address the name resolves to must be allowed
 * (a name that answers one public and one private address is refused). Answers the addresses to connect to,
 * so the connection goes to what was checked (no second lookup an attacker's DNS could answer differently);
 * none where the proxy resolves the name.
 */
export async function checkedAddresses(url: URL, policy: FetchPolicy): Promise<string[]> {
  const host = bareHost(url);
  const literal = ipaddr.isValid(host);
  if (policy.proxy && !literal) return [];
  let addresses: string[];
  if (literal) addresses = [host];
  else if (policy.allowedOnly && host.toLowerCase() !== 'localhost')
    throw refused(host, 'names are not looked up in this configuration');
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new AppError('captures.unreachable', { params: { reason: `${host} is not found (DNS)` } });
    }
  }
  if (addresses.length === 0)
    throw new AppError('captures.unreachable', { params: { reason: `${host} has no address` } });
  for (const address of addresses) {
    const reason = addressRefusal(address, policy.allow, policy.allowedOnly);
    if (reason) throw refused(host, `${address} is ${reason}`);
    if (policy.ownPorts().includes(portOf(url)) && ipaddr.process(address).range() !== 'unicast')
      throw refused(host, 'this server itself');
  }
  return addresses;
}
