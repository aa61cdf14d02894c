import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { errorResponses } from '../../http/openapi.js';
import { recordAudit } from '../audit/index.js';
import { checkTotp, newTotpSecret, spendTotp, totpUri } from './totp.js';
import { findUser, setTotp } from './users.js';

const codeBody = z.object({ code: z.string().regex(/^\d{6}$/, 'Six digits') });
const okSchema = z.object({ ok: z.literal(true) });

/** The optional second factor: set up, confirm with a first code, turn off with a code. */
export const totpRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.post(
    '/api/me/totp',
    {
      schema: {
        operationId: 'startTotpSetup',
        summary: 'Start turning on a second factor: a new TOTP secret, confirmed by a first code',
        response: {
          200: z.object({ secret: z.string(), uri: z.string() }),
          ...errorResponses('auth.totp_already_on'),
        },
        tags: ['auth'],
      },
    },
    async (request) => {
      const user = requireUser(request);
      if ((await findUser(db, user.id))?.totpEnabled) fail('auth.totp_already_on');
      const secret = newTotpSecret();
      // a new secret starts with no spent step (steps spent under an earlier secret say nothing of this one)
      await setTotp(db, user.id, { totpSecret: secret, totpLastStep: null });
      return { secret, uri: totpUri(secret, user.email) };
    },
  );

  app.post(
    '/api/me/totp/enable',
    {
      schema: {
        operationId: 'enableTotp',
        summary: 'Turn the second factor on with a first code from the authenticator app',
        body: codeBody,
        response: { 200: okSchema, ...errorResponses('auth.totp_invalid') },
        tags: ['auth'],
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await findUser(db, user.id);
      await db.transaction(async (tx) => {
        // the confirming code is spent: it cannot sign anyone in afterwards, even within its 30 seconds
        if (!(await spendTotp(tx, user.id, row?.totpSecret ?? null, request.body.code))) fail('auth.totp_invalid');
        await setTotp(tx, user.id, { totpSecret: row?.totpSecret ?? null, totpEnabled: true });
        await recordAudit(tx, actorOf(request), { action: 'auth.totp_enabled', targetType: 'user', targetId: user.id });
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/me/totp',
    {
      schema: {
        operationId: 'disableTotp',
        summary: 'Turn the second factor off with a current code',
        body: codeBody,
        response: { 200: okSchema, ...errorResponses('auth.totp_invalid') },
        tags: ['auth'],
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await findUser(db, user.id);
      if (!(await checkTotp(row?.totpSecret ?? null, request.body.code))) fail('auth.totp_invalid');
      await db.transaction(async (tx) => {
        await setTotp(tx, user.id, { totpSecret: null, totpEnabled: false });
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
