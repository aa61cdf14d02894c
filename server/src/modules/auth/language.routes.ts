import { languageChoiceSchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { requireUser } from '../../http/context.js';
import { errorResponses } from '../../http/openapi.js';
import { setLanguage } from './users.js';

/** The interface language of the account: chosen once, followed on every device it signs in on. */
export const languageRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.put(
    '/api/me/language',
    {
      schema: {
        operationId: 'setMyLanguage',
        summary: 'Remember the interface language for the signed-in account',
        body: languageChoiceSchema,
        response: { 200: languageChoiceSchema, ...errorResponses() },
        tags: ['auth'],
      },
    },
    async (request) => {
      const user = requireUser(request);
      await setLanguage(db, user.id, request.body.language);
      return { language: request.body.language };
    },
  );
};
