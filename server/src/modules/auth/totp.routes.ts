import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { users } from './auth.table.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

const codeBody = z.object({ code: z.string().regex(/^\d{6}$/, 'Six digits') });

/** The optional second factor: set up, confirm with a first code, turn off with a code. */
export const totpRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.post(
    '/api/me/totp',
    { schema: { response: { 200: z.object({ secret: z.string(), uri: z.string() }) }, tags: ['auth'] } },
    async (request) => {
      const user = requireUser(request);
      const [current] = await db.select({ enabled: users.totpEnabled }).from(users).where(eq(users.id, user.id));
      if (current?.enabled) fail('request.invalid', 'A second factor is already on; turn it off first');
      const secret = newTotpSecret();
      await db.update(users).set({ totpSecret: secret }).where(eq(users.id, user.id));
      return { secret, uri: totpUri(secret, user.email) };
    },
  );

  app.post(
    '/api/me/totp/enable',
    { schema: { body: codeBody, response: { 200: z.object({ ok: z.literal(true) }) }, tags: ['auth'] } },
    async (request) => {
      const user = requireUser(request);
      const [row] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id));
      if (!(await checkTotp(row?.secret ?? null, request.body.code)))
        fail('auth.totp_invalid', 'The code does not match; check the time on your device');
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabled: true }).where(eq(users.id, user.id));
        await recordAudit(tx, actorOf(request), { action: 'auth.totp_enabled', targetType: 'user', targetId: user.id });
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/me/totp',
    { schema: { body: codeBody, response: { 200: z.object({ ok: z.literal(true) }) }, tags: ['auth'] } },
    async (request) => {
      const user = requireUser(request);
      const [row] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id));
      if (!(await checkTotp(row?.secret ?? null, request.body.code)))
        fail('auth.totp_invalid', 'The code does not match');
      await db.transaction(async (tx) => {
        await tx.update(users).set({ totpEnabled: false, totpSecret: null }).where(eq(users.id, user.id));
        await recordAudit(tx, actorOf(request), {
          action: 'auth.totp_disabled',
          targetType: 'user',
          targetId: user.id,
        });
      });
      return { ok: true as const };
    },
  );
};
