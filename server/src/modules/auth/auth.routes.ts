import { newAccountSchema, setupSchema, signInSchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { SESSION_COOKIE, actorOf, setSessionCookie } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { errorResponses, sessionOptional } from '../../http/openapi.js';
import { recordAudit } from '../audit/index.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { createSession, deleteSession, sha256 } from './sessions.js';
import type { FirstRunSetup } from './setup.js';
import { spendTotp } from './totp.js';
import { findUserByEmail } from './users.js';

const okSchema = z.object({ ok: z.literal(true) });

/** Sign in and out, first-run setup. (`GET /api/me` is the operations module's: it lists memberships.) */
export const authRoutes: FastifyPluginAsyncZod<Deps & { setup: FirstRunSetup }> = async (
  app,
  { db, setup, checkSignIn, now, bus, sessionAccess },
) => {
  app.post(
    '/api/session',
    {
      schema: {
        operationId: 'signIn',
        summary: 'Sign in with e-mail, password and (when turned on) a TOTP code; sets the session cookie',
        security: [],
        body: signInSchema,
        response: {
          200: okSchema,
          ...errorResponses(
            'auth.invalid_credentials',
            'auth.totp_required',
            'auth.access_ended',
            'request.rate_limited',
          ),
        },
        tags: ['auth'],
      },
    },
    async (request, reply) => {
      const { email, password, code } = request.body;
      await checkSignIn(request, email);
      const user = await findUserByEmail(db, email);
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
      if (!user || !valid) {
        await recordAudit(db, { userId: user?.id ?? null, ip: request.ip }, { action: 'auth.sign_in_failed' });
        fail('auth.invalid_credentials');
      }
      if (user.totpEnabled) {
        if (!code) fail('auth.totp_required');
        if (!(await spendTotp(db, user.id, user.totpSecret, code))) {
          await recordAudit(
            db,
            { userId: user.id, ip: request.ip },
            { action: 'auth.sign_in_failed', details: { factor: 'totp' } },
          );
          fail('auth.invalid_credentials');
        }
      }
      const over = await sessionAccess(user.id);
      if (over && over <= now()) fail('auth.access_ended');
      const token = await createSession(db, user.id, now(), over);
      await recordAudit(db, { userId: user.id, ip: request.ip }, { action: 'auth.signed_in' });
      setSessionCookie(request, reply, token);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/session',
    {
      schema: {
        operationId: 'signOut',
        summary: 'Sign out: ends this session (and its sockets) and clears the cookie',
        security: sessionOptional,
        response: { 200: okSchema, ...errorResponses() },
        tags: ['auth'],
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      if (token && request.user) bus.publish('session.ended', { userId: request.user.id, sessionHash: sha256(token) });
      if (request.user) await recordAudit(db, actorOf(request), { action: 'auth.signed_out' });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/setup',
    {
      schema: {
        operationId: 'getSetupState',
        summary: 'Whether first-run setup is open (no account exists and a setup link was printed)',
        security: [],
        response: { 200: z.object({ open: z.boolean() }), ...errorResponses() },
        tags: ['auth'],
      },
    },
    async () => ({
      open: await setup.isOpen(),
    }),
  );

  app.post(
    '/api/setup',
    {
      schema: {
        operationId: 'completeSetup',
        summary: 'Create the first administrator with the one-time setup token; sets the session cookie',
        security: [],
        body: setupSchema,
        response: {
          200: okSchema,
          ...errorResponses('auth.setup_not_available', 'auth.setup_token_invalid', 'auth.weak_password'),
        },
        tags: ['auth'],
      },
    },
    async (request, reply) => {
      const { token, ...account } = request.body;
      const userId = await setup.complete(actorOf(request), token, newAccountSchema.parse(account));
      setSessionCookie(request, reply, await createSession(db, userId, now()));
      return { ok: true as const };
    },
  );
};
