import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from './errors.js';

export interface SecurityOptions {
  /** Origins allowed to send cookie-authenticated writes besides the server's own. */
  publicUrl: string;
  signIn: { perAddress: number; perAccount: number; windowMs: number };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Web hardening in one place: security headers with a content security
 * policy the client passes, an origin check on cookie-authenticated writes
 * (CSRF: on top of SameSite=Lax), and rate limits on sign-in per address and
 * per account.
 */
export async function installSecurity(
  app: FastifyInstance,
  options: SecurityOptions,
): Promise<{ checkSignIn: (request: FastifyRequest, email: string) => Promise<void> }> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // editors and charts set inline style attributes
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // the app's own origin only, and its sockets there (a browser that does not count ws: as 'self')
        connectSrc: ["'self'", ...socketOrigins(options.publicUrl), (request) => socketOriginsOf(request.headers.host)],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // the server may run on plain http in a room's LAN; HSTS belongs to the TLS proxy in front
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });

  // answers about people (findings, matches, the chart, evidence, reports, packages, the audit log, …) are never kept
  // by a browser or a proxy: every API answer is `no-store` unless its route says otherwise
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  const allowed = new Set([new URL(options.publicUrl).origin]);
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site') fail('auth.bad_origin');
    if (!origin) return;
    const own = `${request.protocol}://${request.headers.host ?? ''}`;
    if (origin !== own && !allowed.has(origin)) fail('auth.bad_origin');
  });

  await app.register(fastifyRateLimit, { global: false });
  const window = options.signIn.windowMs;
  const perAddress = app.createRateLimit({
    max: options.signIn.perAddress,
    timeWindow: window,
    keyGenerator: (request) => `ip:${request.ip}`,
  });
  // a failure is forgotten after 15 minutes without another one
  const slowDown = accountSlowDown(options.signIn.perAccount, 15 * 60_000);
  // which account a sign-in attempt was for: its answer (401 or 200) moves that account's slow-down
  const attempts = new WeakMap<FastifyRequest, string>();
  app.addHook('onResponse', async (request, reply) => {
    const account = attempts.get(request);
    if (!account) return;
    if (reply.statusCode === 401) slowDown.failed(account);
    else if (reply.statusCode < 300) slowDown.succeeded(account);
  });
  return {
    /**
     * Counts a sign-in attempt: 429 once the address tried too often (a whole room may share one address,
     * so the limit is generous); an account that failed repeatedly answers ever more slowly instead of
     * being locked, so that whoever guesses at it cannot lock its owner out.
     */
    async checkSignIn(request: FastifyRequest, email: string) {
      const byAddress = await perAddress(request);
      // `isAllowed` means "on the allow list"; the verdict is `isExceeded`
      if (!byAddress.isAllowed && byAddress.isExceeded) fail('request.rate_limited');
      const account = email.trim().toLowerCase();
      attempts.set(request, account);
      const delay = slowDown.delayOf(account);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    },
  };
}

/** `ws://host` and `wss://host` of an origin: where the app's own sockets connect. */
function socketOrigins(origin: string): string[] {
  const { host } = new URL(origin);
  return [`ws://${host}`, `wss://${host}`];
}

/** The same for the host a request came to (a LAN address, a name); nothing for a host header that is not one. */
function socketOriginsOf(host: string | undefined): string {
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(host)) return '';
  return socketOrigins(`http://${host}`).join(' ');
}

/** The longest an attempt at an account is held back. */
const MAX_DELAY_MS = 8_000;

/**
 * Failed sign-ins per account (in this process): after `free` failures each attempt waits, twice as long as
 * the one before (250 ms, 500 ms, … up to 8 s); a success, or `windowMs` without a failure, starts afresh.
 */
export function accountSlowDown(free: number, windowMs: number) {
  const failures = new Map<string, { count: number; last: number }>();
  const current = (account: string) => {
    const entry = failures.get(account);
    return entry && Date.now() - entry.last < windowMs ? entry.count : 0;
  };
  return {
    delayOf(account: string): number {
      const over = current(account) - free;
      return over <= 0 ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** Math.min(over - 1, 10));
    },
    failed(account: string) {
      // forget stale entries now and then: the map holds only accounts failed at recently
      if (failures.size > 10_000)
        for (const [key, entry] of failures) if (Date.now() - entry.last >= windowMs) failures.delete(key);
      failures.set(account, { count: current(account) + 1, last: Date.now() });
    },
    succeeded(account: string) {
      failures.delete(account);
    },
  };
}
