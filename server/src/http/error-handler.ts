import type { ErrorBody, FieldError } from '@actionday/shared';
import { errorMessage } from '@actionday/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from './errors.js';
import { isAlreadyApplied } from './idempotency.js';
import { isBadText, safeError } from './safe-error.js';

/** The fields at fault in a ZodError, in the API's one field-error shape. */
export function zodFields(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '/', message: issue.message, code: issue.code }));
}

/** A refused payload (HTTP body, socket message) as the API's `request.invalid` error. */
export function invalidRequest(fields: FieldError[]): ErrorBody['error'] {
  const first = fields[0];
  const problem = first ? `${first.path}: ${first.message}` : 'malformed';
  return {
    code: 'request.invalid',
    message: errorMessage('request.invalid', { problem }),
    details: { fields, params: { problem } },
  };
}

/** Any error thrown by a handler, as the answer a client gets: stable code, no internals. */
export function errorBodyOf(error: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (error instanceof AppError) return { status: error.status, body: { error: error.toBody() }, internal: false };
  if (isAlreadyApplied(error)) {
    return {
      status: 409,
      body: { error: { code: 'request.already_applied', message: errorMessage('request.already_applied') } },
      internal: false,
    };
  }
  if (error instanceof ZodError)
    return { status: 400, body: { error: invalidRequest(zodFields(error)) }, internal: false };
  if (isBadText(error))
    return {
      status: 400,
      body: { error: { code: 'request.bad_text', message: errorMessage('request.bad_text') } },
      internal: false,
    };
  return {
    status: 500,
    body: { error: { code: 'server.internal', message: errorMessage('server.internal') } },
    internal: true,
  };
}

/**
 * One error handler: `{ error: { code, message, details? } }` with a stable code;
 * internals of a 5xx are logged, never answered.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, body: ErrorBody) => reply.code(status).send(body);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'body';
      const fields = error.validation.map((issue) => ({
        path: `${context}${issue.instancePath || ''}`.replace(/\//g, '.'),
        message: issue.message ?? 'invalid',
      }));
      return send(400, { error: invalidRequest(fields) });
    }
    if (!(error instanceof AppError) && !(error instanceof ZodError) && error.statusCode && error.statusCode < 500) {
      if (error.statusCode === 413)
        return send(413, { error: { code: 'request.too_large', message: errorMessage('request.too_large') } });
      if (error.statusCode === 429)
        return send(429, { error: { code: 'request.rate_limited', message: errorMessage('request.rate_limited') } });
      if (error.statusCode === 415) {
        const type = String(request.headers['content-type'] ?? 'this content type').split(';')[0] ?? '';
        return send(415, {
          error: {
            code: 'request.unsupported_type',
            message: errorMessage('request.unsupported_type', { type }),
            details: { params: { type } },
          },
        });
      }
      return send(error.statusCode, { error: invalidRequest([{ path: '/', message: error.message }]) });
    }
    const { status, body, internal } = errorBodyOf(error);
    if (internal) request.log.error({ error: safeError(error), route: request.routeOptions.url }, 'request failed');
    return send(status, body);
  });
}
