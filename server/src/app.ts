import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { EVIDENCE_MAX_BYTES, type ErrorBody, NOTES_NAMESPACE, errorMessage } from '@actionday/shared';
import type { Config } from './config.js';
import { type Database, checkBeforeMigrating, openDatabase } from './db/database.js';
import type { Deps } from './deps.js';
import { createLocalBus } from './events/bus.js';
import type { Projections } from './events/delivery.js';
import { SESSION_COOKIE } from './http/context.js';
import { installErrorHandler } from './http/error-handler.js';
import { AppError } from './http/errors.js';
import { serializerCompiler, swaggerOptions } from './http/openapi.js';
import { safeError } from './http/safe-error.js';
import { installIdempotency, withIdempotentTransactions } from './http/idempotency.js';
import { installSecurity } from './http/security.js';
import { activityRoutes, auditRoutes } from './modules/activity/index.js';
import { announcementProjections, announcementRoutes } from './modules/announcements/index.js';
import { installAuditSequencer, recordAudit } from './modules/audit/index.js';
import {
  FirstRunSetup,
  authProjections,
  authRoutes,
  findUser,
  languageRoutes,
  resolveSession,
  totpRoutes,
} from './modules/auth/index.js';
import { CaptureQueue, type FetchPolicy, captureProjections, captureRoutes } from './modules/captures/index.js';
import { evidenceProjections, evidenceRoutes, startEvidenceChecks } from './modules/evidence/index.js';
import { findingProjections, findingRoutes } from './modules/findings/index.js';
import { graphRoutes } from './modules/graph/index.js';
import { healthRoutes } from './modules/health/index.js';
import { liaisonProjections, liaisonRoutes } from './modules/liaison/index.js';
import { matchProjections, matchRoutes } from './modules/matches/index.js';
import { indicatorRoutes, seedIndicators } from './modules/indicators/index.js';
import { inviteRoutes } from './modules/invites/index.js';
import { type NotesNamespace, attachNotes } from './modules/notes/index.js';
import { accessEndsAt, operationProjections, operationRoutes } from './modules/operations/index.js';
import { platformProjections, platformRoutes, startClaimSweeper } from './modules/platforms/index.js';
import { reportRoutes } from './modules/reports/index.js';
import { TallyScheduler, recount, tallyProjections, tallyRoutes } from './modules/tallies/index.js';
import { startFanout } from './realtime/fanout.js';
import type { IoServer } from './realtime/io.js';
import { attachRedisAdapter } from './realtime/redis-adapter.js';
import { attachSocketServer } from './realtime/socket.js';

/** Every module's projections: what its domain events become on the sockets (realtime/fanout.ts delivers them). */
const projections: readonly Projections[] = [
  authProjections,
  operationProjections,
  platformProjections,
  findingProjections,
  evidenceProjections,
  captureProjections,
  matchProjections,
  announcementProjections,
  liaisonProjections,
  tallyProjections,
];

/** The body limit of routes callable without a session. */
export const ANONYMOUS_BODY_LIMIT = 16 * 1024;

const isEmptyObject = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 0;

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
   * Sign-in attempts allowed per address in a window (default 300 a minute: a whole room may share one
   * public address), and failures per account before its attempts are slowed down (default 10; growing
   * delays, never a lock its owner cannot get past).
   */
  signInLimits?: Partial<{ perAddress: number; perAccount: number; windowMs: number }>;
  /**
   * How often every stored evidence file is hashed again in the background (a first pass soon after start);
   * off when absent or 0 (tests check by hand; main() turns it on).
   */
  evidenceCheckMs?: number;
  /** Run the capture queue (default); `false` leaves queued captures for another process (tests). */
  captures?: boolean;
  /** Coalescing window of tally recounts per operation. */
  tallyDelayMs?: number;
  /** pino logger options; `false` silences the app (tests). */
  logger?: boolean | { level: string; stream?: { write: (line: string) => void } };
}

export interface App extends FastifyInstance {
  io: IoServer;
  deps: Deps;
  database: Database;
  /** First-run setup: main() bootstraps it after a demo seed. */
  setup: FirstRunSetup;
}

/** Builds the whole server (HTTP, sockets, database) without listening. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config } = options;
  const database =
    options.database ??
    (await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` }));
  try {
    // an unreachable server or a schema newer than this code: a clear message, not a stack trace
    await checkBeforeMigrating(database, config.databaseUrl);
    await database.migrate();
  } catch (error) {
    if (!options.database) await database.close().catch(() => {});
    throw error;
  }

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
    // our own 503 answers while stopping, in the API's error shape (below)
    return503OnClosing: false,
    bodyLimit: 1024 * 1024,
  });
  // while stopping, every request is answered 503 in the API's error shape (fastify's own 503 has no body)
  let stopping = false;
  app.addHook('onRequest', async (request, reply) => {
    if (!stopping) return;
    reply.header('connection', 'close').header('retry-after', '2');
    return reply
      .code(503)
      .send({ error: { code: 'server.stopping', message: errorMessage('server.stopping') } } satisfies ErrorBody);
  });
  app.addHook('preClose', async () => {
    stopping = true;
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  const security = await installSecurity(app, {
    publicUrl: config.publicUrl,
    signIn: { perAddress: 300, perAccount: 10, windowMs: 60_000, ...options.signInLimits },
  });
  // a write carrying an Idempotency-Key claims it inside its first transaction (http/idempotency.ts)
  const db = withIdempotentTransactions(database.db);
  const deps: Deps = {
    checkSignIn: security.checkSignIn,
    db,
    bus: createLocalBus(),
    config,
    // the operations module's rule for when a person's sessions end, applied by auth's sessions
    sessionAccess: async (userId) => {
      const user = await findUser(database.db, userId);
      return user ? accessEndsAt(database.db, userId, user.isAdmin) : null;
    },
    now: options.now ?? (() => new Date()),
  };
  const setup = new FirstRunSetup(database.db);

  const { io, presence } = attachSocketServer(app, deps, config.publicUrl);
  if (config.redisUrl)
    await attachRedisAdapter(app, io, config.redisUrl, config.redisPrefix, () => presence.refreshAll());

  // a room full of laptops on one Wi-Fi: the client's JavaScript and large JSON lists travel gzipped
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
  // CSV uploads (platform lists, reference lists) arrive as text
  // (the route's own body limit applies: the lists' import routes raise it, every other route keeps 1 MB)
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  // the document of every route (http/openapi.ts): components, the cookie scheme, each route's error codes
  await app.register(fastifySwagger, swaggerOptions);

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
    request.user = token ? await resolveSession(deps.db, token, deps.now(), deps.sessionAccess) : null;
  });

  // Routes anyone may call without a session (sign-in, setup, accepting an invite) read a few fields at most:
  // their bodies are limited to 16 KB, so nobody without an account can make the server read megabytes.
  app.addHook('onRoute', (route) => {
    const security = (route.schema as { security?: unknown[] } | undefined)?.security;
    const anonymous = Array.isArray(security) && (security.length === 0 || security.some((s) => isEmptyObject(s)));
    if (anonymous && route.bodyLimit === undefined) route.bodyLimit = ANONYMOUS_BODY_LIMIT;
  });
  const stopIdempotency = installIdempotency(app, db);
  await app.register(healthRoutes, deps);
  await app.register(authRoutes, { ...deps, setup });
  await app.register(operationRoutes, {
    ...deps,
    setupSteps: [seedIndicators],
    freeze: (tx, operation, now) => recount(tx, operation, now),
  });
  await app.register(inviteRoutes, deps);
  await app.register(platformRoutes, deps);
  await app.register(findingRoutes, deps);
  await app.register(matchRoutes, deps);
  await app.register(graphRoutes, deps);
  await app.register(evidenceRoutes, deps);
  // web captures: every request of the captured page checked after DNS; never this server's own port
  const capturePolicy: FetchPolicy = {
    allow: config.capture.allow,
    proxy: config.capture.proxy,
    allowedOnly: config.capture.allowedOnly,
    ownPorts: () => {
      const address = app.server.address();
      const listening = address && typeof address === 'object' ? [address.port] : [];
      return [...listening, config.port, Number(new URL(config.publicUrl).port || 80)];
    },
  };
  const captureQueue = new CaptureQueue(
    {
      db,
      bus: deps.bus,
      dataDir: config.dataDir,
      now: deps.now,
      policy: capturePolicy,
      timeoutMs: config.capture.timeoutMs,
      concurrency: config.capture.concurrency,
    },
    app.log,
  );
  await app.register(captureRoutes, { ...deps, captureQueue, capturePolicy });
  await app.register(indicatorRoutes, deps);
  await app.register(tallyRoutes, deps);
  await app.register(announcementRoutes, deps);
  await app.register(liaisonRoutes, deps);
  await app.register(totpRoutes, deps);
  await app.register(languageRoutes, deps);
  await app.register(activityRoutes, deps);
  await app.register(auditRoutes, deps);
  // the audit log's sequencer: integrates new entries into the Merkle tree a moment after they commit
  installAuditSequencer(app, deps);
  await app.register(reportRoutes, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const clientDir = options.clientDir === undefined ? defaultClientDir : options.clientDir;
  const serveClient = !!clientDir && existsSync(`${clientDir}/index.html`);
  if (serveClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      // source maps would publish the whole client source; the build makes none, and none is served if one is there
      allowedPath: (pathName) => !pathName.endsWith('.map'),
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
      !(request.url.split('?')[0] ?? '').endsWith('.map') &&
      !request.url.startsWith('/socket.io/')
    ) {
      return reply.sendFile('index.html');
    }
    const route = `${request.method} ${request.url.split('?')[0]}`;
    return reply.code(404).send({
      error: {
        code: 'request.not_found',
        message: errorMessage('request.not_found', { route }),
        details: { params: { route } },
      },
    } satisfies ErrorBody);
  });

  // the notes namespace has its own event map; the server's generics describe the main one
  attachNotes(app, io.of(NOTES_NAMESPACE) as unknown as NotesNamespace, deps);
  const stopFanout = startFanout(deps.bus, io, deps.db, app.log, projections);
  const tallies = new TallyScheduler(deps, app.log, options.tallyDelayMs ?? 100);
  const sweepMs = options.claimSweepMs ?? 30_000;
  const stopSweeper = sweepMs > 0 ? startClaimSweeper(deps, sweepMs, app.log) : () => {};
  const checkMs = options.evidenceCheckMs ?? 0;
  const stopEvidenceChecks =
    checkMs > 0
      ? startEvidenceChecks({ db: deps.db, dataDir: config.dataDir, now: deps.now }, checkMs, app.log)
      : () => {};
  // captures left queued or running by the previous run (or another process that died) are taken up again
  if (options.captures !== false) captureQueue.start();
  app.addHook('preClose', async () => {
    await captureQueue.stop();
  });
  app.addHook('onClose', async () => {
    stopFanout();
    stopIdempotency();
    stopSweeper();
    stopEvidenceChecks();
    tallies.stop();
    if (!options.keepDatabaseOpen) await database.close();
  });

  await app.ready();
  if (options.bootstrap !== false) {
    await setup.bootstrap(config, app.log, options.print ?? ((line) => process.stdout.write(`${line}\n`)));
  }
  return Object.assign(app, { io, deps, database, setup }) as App;
}
