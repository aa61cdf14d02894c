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
        connectSrc: ["'self'", 'ws:', 'wss:'],
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
  const perAccount = app.createRateLimit({
    max: options.signIn.perAccount,
    timeWindow: window,
    keyGenerator: (request) => `account:${(request.body as { email?: string } | undefined)?.email ?? ''}`,
  });
  return {
    /** Counts a sign-in attempt; 429 once the address or the account tried too often. */
    async checkSignIn(request: FastifyRequest) {
      const [byAddress, byAccount] = await Promise.all([perAddress(request), perAccount(request)]);
      // `isAllowed` means "on the allow list"; the verdict is `isExceeded`
      const exceeded = (r: typeof byAddress) => !r.isAllowed && r.isExceeded;
      if (exceeded(byAddress) || exceeded(byAccount)) fail('request.rate_limited');
    },
  };
}
