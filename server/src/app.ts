import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { EVIDENCE_MAX_BYTES, type ErrorBody, rooms } from '@actionday/shared';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import type { Deps, IoServer } from './deps.js';
import { createLocalBus } from './events/bus.js';
import { installErrorHandler } from './http/error-handler.js';
import { installSecurity } from './http/security.js';
import { AppError } from './http/errors.js';
import { recordAudit } from './modules/audit/audit.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { totpRoutes } from './modules/auth/totp.routes.js';
import { revocationRoutes } from './modules/operations/revocation.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { SESSION_COOKIE, resolveSession } from './modules/auth/sessions.js';
import { FirstRunSetup } from './modules/auth/setup.js';
import { broadcastEvidenceEvents } from './modules/evidence/evidence.events.js';
import { evidenceRoutes } from './modules/evidence/evidence.routes.js';
import { broadcastFindingEvents } from './modules/findings/findings.events.js';
import { findingRoutes } from './modules/findings/findings.routes.js';
import { broadcastHitEvents } from './modules/hits/hits.events.js';
import { hitRoutes } from './modules/hits/hits.routes.js';
import { indicatorRoutes } from './modules/indicators/indicators.routes.js';
import { TallyScheduler } from './modules/tallies/tallies.scheduler.js';
import { tallyRoutes } from './modules/tallies/tallies.routes.js';
import { activityRoutes } from './modules/activity/activity.routes.js';
import { announcementRoutes } from './modules/announcements/announcements.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { inviteRoutes } from './modules/invites/invites.routes.js';
import { broadcastOperationEvents } from './modules/operations/operations.events.js';
import { operationRoutes } from './modules/operations/operations.routes.js';
import { broadcastPlatformEvents } from './modules/platforms/platforms.events.js';
import { platformRoutes } from './modules/platforms/platforms.routes.js';
import { startClaimSweeper } from './modules/platforms/platforms.sweeper.js';
import { attachRedisAdapter } from './realtime/redis-adapter.js';
import { attachSocketServer } from './realtime/socket.js';
import { attachNotes } from './modules/notes/notes.socket.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { safeError } from './http/safe-error.js';

export const defaultClientDir = fileURLToPath(new URL('../../client/dist', import.meta.url));

export interface BuildAppOptions {
  config: Config;
  /** An already opened database (tests); otherwise opened from the config. Closed with the app. */
  database?: Database;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
  /** Where the setup link is printed; the console by default. */
  print?: (line: string) => void;
  /** Built client to serve; skipped when absent. */
  clientDir?: string | false;
  /** Create the first account (admin from env, or a setup link) at once; main() defers it after a demo seed. */
  bootstrap?: boolean;
  /** How often idle claims are swept back to the pool; 0 turns the sweeper off (tests sweep by hand). */
  claimSweepMs?: number;
  /** Leave the database open when the app closes (tests that restart the app on the same data). */
  keepDatabaseOpen?: boolean;
  /**
   * Sign-in attempts allowed per address and per account in a window (defaults: 300 and 10 a
   * minute — a whole room may share one public address, one person's account may not be guessed at).
   */
  signInLimits?: Partial<{ perAddress: number; perAccount: number; windowMs: number }>;
  /** Coalescing window of tally recounts per operation. */
  tallyDelayMs?: number;
  /** pino logger options; `false` silences the app (tests). */
  logger?: boolean | { level: string; stream?: { write: (line: string) => void } };
}

export interface App extends FastifyInstance {
  io: IoServer;
  deps: Deps;
  database: Database;
}

/** Builds the whole server (HTTP, sockets, database) without listening. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config } = options;
  const database =
    options.database ??
    (await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` }));
  await database.migrate();

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            ...(typeof options.logger === 'object' ? options.logger : { level: config.logLevel }),
            // invite codes travel in the path: never write them to the log
            serializers: {
              req: (request: { method: string; url: string; ip?: string }) => ({
                method: request.method,
                url: request.url.replace(/\/invites\/[^/?]+/, '/invites/…'),
                ip: request.ip,
              }),
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  const security = await installSecurity(app, {
    publicUrl: config.publicUrl,
    signIn: { perAddress: 300, perAccount: 10, windowMs: 60_000, ...options.signInLimits },
  });
  const deps: Deps = {
    checkSignIn: security.checkSignIn,
    db: database.db,
    bus: createLocalBus(),
    config,
    setup: new FirstRunSetup(database.db),
    now: options.now ?? (() => new Date()),
  };

  const { io } = attachSocketServer(app, deps.db, deps.now, config.publicUrl);
  if (config.redisUrl) await attachRedisAdapter(app, io, config.redisUrl);
  deps.bus.subscribe('session.ended', ({ userId, sessionHash }) => {
    io.in(rooms.user(userId))
      .fetchSockets()
      .then((sockets) => sockets.filter((s) => s.data.sessionHash === sessionHash).forEach((s) => s.disconnect(true)))
      .catch((error: unknown) =>
        app.log.error({ error: safeError(error) }, 'could not close the sockets of an ended session'),
      );
  });

  // a room full of laptops on one Wi-Fi: the client's JavaScript and large JSON lists travel gzipped
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
  // CSV uploads (platform lists, reference lists) arrive as text
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Actionday API', version: '0.1.0', description: 'The command centre for online action days' },
    },
    transform: jsonSchemaTransform,
  });

  // every permission refusal is in the audit log: who tried what, from where
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof AppError) || error.status !== 403) return;
    const params = request.params as { operationId?: string } | undefined;
    const operationId = params?.operationId && /^[0-9a-f-]{36}$/i.test(params.operationId) ? params.operationId : null;
    await recordAudit(
      deps.db,
      { userId: request.user?.id ?? null, ip: request.ip },
      {
        operationId,
        action: 'auth.refused',
        details: { code: error.code, method: request.method, route: request.routeOptions.url ?? null },
      },
    ).catch((auditError: unknown) => request.log.error({ error: safeError(auditError) }, 'could not audit a refusal'));
  });

  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await resolveSession(deps.db, token, deps.now()) : null;
  });

  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(operationRoutes, deps);
  await app.register(inviteRoutes, deps);
  await app.register(platformRoutes, deps);
  await app.register(findingRoutes, deps);
  await app.register(hitRoutes, deps);
  await app.register(evidenceRoutes, deps);
  await app.register(indicatorRoutes, deps);
  await app.register(tallyRoutes, deps);
  await app.register(announcementRoutes(io), deps);
  await app.register(revocationRoutes(io), deps);
  await app.register(totpRoutes, deps);
  await app.register(activityRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(reportRoutes, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const clientDir = options.clientDir === undefined ? defaultClientDir : options.clientDir;
  const serveClient = !!clientDir && existsSync(`${clientDir}/index.html`);
  if (serveClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      // file names under assets/ carry a content hash: cache them for good; the page itself is always revalidated
      setHeaders: (response, path) => {
        response.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // the client's routes (/operations/…, /invite/…) are pages of the single-page app
    if (
      serveClient &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/socket.io/')
    ) {
      return reply.sendFile('index.html');
    }
    return reply.code(404).send({
      error: { code: 'request.not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    } satisfies ErrorBody);
  });

  attachNotes(app, io, deps);
  broadcastPlatformEvents(deps.bus, io);
  broadcastFindingEvents(deps.bus, io);
  broadcastEvidenceEvents(deps.bus, io);
  broadcastHitEvents(deps.bus, io, deps.db, app.log);
  broadcastOperationEvents(deps.bus, io, deps.db, app.log);
  const tallies = new TallyScheduler(deps, io, app.log, options.tallyDelayMs ?? 100);
  const sweepMs = options.claimSweepMs ?? 30_000;
  const stopSweeper = sweepMs > 0 ? startClaimSweeper(deps, sweepMs, app.log) : () => {};
  app.addHook('onClose', async () => {
    stopSweeper();
    tallies.stop();
    if (!options.keepDatabaseOpen) await database.close();
  });

  await app.ready();
  if (options.bootstrap !== false) {
    await deps.setup.bootstrap(config, app.log, options.print ?? ((line) => process.stdout.write(`${line}\n`)));
  }
  return Object.assign(app, { io, deps, database }) as App;
}
