import { meSchema, newAccountSchema, setupSchema, signInSchema } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser, setSessionCookie } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { memberships } from '../operations/operations.table.js';
import { users } from './auth.table.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { SESSION_COOKIE, createSession, deleteSession, operationsOverAt, sha256 } from './sessions.js';
import { checkTotp } from './totp.js';

const okSchema = z.object({ ok: z.literal(true) });

/** Sign in and out, who am I, first-run setup. */
export const authRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, setup, checkSignIn, now, bus }) => {
  app.post(
    '/api/session',
    { schema: { body: signInSchema, response: { 200: okSchema }, tags: ['auth'] } },
    async (request, reply) => {
      const { email, password, code } = request.body;
      await checkSignIn(request, email);
      const [user] = await db.select().from(users).where(eq(users.email, email));
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
      if (!user || !valid) {
        await recordAudit(db, { userId: user?.id ?? null, ip: request.ip }, { action: 'auth.sign_in_failed' });
        fail('auth.invalid_credentials', 'E-mail or password is wrong');
      }
      if (user.totpEnabled) {
        if (!code) fail('auth.totp_required', 'Enter the 6-digit code of your authenticator app');
        if (!(await checkTotp(user.totpSecret, code))) {
          await recordAudit(
            db,
            { userId: user.id, ip: request.ip },
            { action: 'auth.sign_in_failed', details: { factor: 'totp' } },
          );
          fail('auth.invalid_credentials', 'The code is wrong or expired');
        }
      }
      const over = await operationsOverAt(db, user.id);
      if (over && over <= now())
        fail('auth.access_ended', 'Your action days are over: access ended two days after the last one closed');
      const token = await createSession(db, user.id, now());
      await recordAudit(db, { userId: user.id, ip: request.ip }, { action: 'auth.signed_in' });
      setSessionCookie(request, reply, token);
      return { ok: true as const };
    },
  );

  app.delete('/api/session', { schema: { response: { 200: okSchema }, tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    if (token && request.user) bus.publish('session.ended', { userId: request.user.id, sessionHash: sha256(token) });
    if (request.user) await recordAudit(db, actorOf(request), { action: 'auth.signed_out' });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/me', { schema: { response: { 200: meSchema }, tags: ['auth'] } }, async (request) => {
    const user = requireUser(request);
    const rows = await db.select().from(memberships).where(eq(memberships.userId, user.id));
    return {
      user,
      memberships: rows.map((m) => ({
        id: m.id,
        operationId: m.operationId,
        userId: m.userId,
        role: m.role,
        country: m.country,
        agency: m.agency,
      })),
    };
  });

  app.get(
    '/api/setup',
    { schema: { response: { 200: z.object({ open: z.boolean() }) }, tags: ['auth'] } },
    async () => ({
      open: await setup.isOpen(),
    }),
  );

  app.post(
    '/api/setup',
    { schema: { body: setupSchema, response: { 200: okSchema }, tags: ['auth'] } },
    async (request, reply) => {
      const { token, ...account } = request.body;
      const userId = await setup.complete(actorOf(request), token, newAccountSchema.parse(account));
      setSessionCookie(request, reply, await createSession(db, userId, now()));
      return { ok: true as const };
    },
  );
};
