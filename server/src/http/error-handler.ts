import type { ErrorBody } from '@actionday/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from './errors.js';
import { isBadText, safeError } from './safe-error.js';

/**
 * One error handler: `{ error: { code, message } }` with a stable code;
 * internals of a 5xx are logged, never answered.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: ErrorBody) => reply.code(status).send(body);
    if (error instanceof AppError) {
      return send(error.status, {
        error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({ path: issue.instancePath || '/', message: issue.message }));
      const first = fields[0];
      return send(400, {
        error: {
          code: 'request.invalid',
          message: first ? `${error.validationContext ?? 'body'}${first.path}: ${first.message}` : 'Invalid request',
          details: { fields },
        },
      });
    }
    if (error instanceof ZodError) {
      return send(400, {
        error: {
          code: 'request.invalid',
          message: error.issues[0]?.message ?? 'Invalid request',
          details: { issues: error.issues },
        },
      });
    }
    if (error.statusCode === 413)
      return send(413, { error: { code: 'request.too_large', message: 'The request is too large' } });
    if (error.statusCode === 429)
      return send(429, { error: { code: 'request.rate_limited', message: 'Too many requests; wait a moment' } });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, { error: { code: 'request.invalid', message: error.message } });
    }
    if (isBadText(error))
      return send(400, {
        error: {
          code: 'request.invalid',
          message: 'The text holds characters that cannot be stored (such as a NUL byte)',
        },
      });
    request.log.error({ error: safeError(error), route: request.routeOptions.url }, 'request failed');
    return send(500, { error: { code: 'server.internal', message: 'Something went wrong on the server' } });
  });
}
