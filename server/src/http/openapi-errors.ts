import { type ErrorCode, errorCatalogue, errorDetailsSchema } from '@actionday/shared';
import type { FastifySchema } from 'fastify';
import { z } from 'zod';
import { apiSchemas } from './openapi-schemas.js';

/** The codes each error schema was built from, so the document can add the codes every route shares. */
const declaredCodes = new WeakMap<object, readonly ErrorCode[]>();

const statusNames: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Refused',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Server error',
  503: 'Unavailable',
};

/** The error body narrowed to some codes; its description lists each code with its English message. */
function errorBodyOf(status: number, codes: readonly ErrorCode[]) {
  const schema = z.object({
    error: z.object({
      code: z.literal(codes),
      message: z.string(),
      details: errorDetailsSchema.optional(),
    }),
  });
  const lines = codes.map((code) => `- \`${code}\`: ${errorCatalogue[code].message}`);
  apiSchemas.add(schema, { description: [`${statusNames[status] ?? 'Error'}:`, ...lines].join('\n') });
  declaredCodes.set(schema, codes);
  return schema;
}

/**
 * The error answers a route can give, one response schema per status, each naming its codes: spread it into
 * the route's `response`. The codes every route shares are added by the document (`withSharedErrors`).
 */
export function errorResponses(...codes: ErrorCode[]): Record<number, ReturnType<typeof errorBodyOf>> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = errorCatalogue[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].sort(([a], [b]) => a - b).map(([status, list]) => [status, errorBodyOf(status, list.sort())]),
  );
}

/** The whole error body, every code: a component for clients that parse errors in one place. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.literal(Object.keys(errorCatalogue) as ErrorCode[]),
    message: z.string(),
    details: errorDetailsSchema.optional(),
  }),
});
apiSchemas.add(errorBodySchema, { id: 'ErrorBody' });

/** What a route is, as far as the errors every route shares go. */
export interface RouteTraits {
  method: string;
  schema: FastifySchema;
  /** Needs a session (its security names the cookie, and not the empty requirement). */
  secured: boolean;
  /** Takes a request body (a zod body, or an upload documented in its config). */
  takesBody: boolean;
}

/**
 * The codes that come from the request itself, before any module looks at it, added in this one place:
 * the server's own failures on every route; `request.invalid` where params, a query or a body are read (and on
 * every write: fastify parses any body it is sent); a session on secured routes; the Origin rule and the body
 * parser's limits on writes (http/security.ts, the content-type parsers in app.ts); text that cannot be stored
 * where a body carries text.
 */
export function sharedErrors({ method, schema, secured, takesBody }: RouteTraits): ErrorCode[] {
  const codes: ErrorCode[] = ['server.internal', 'server.stopping'];
  const write = method !== 'GET';
  if (schema.params || schema.querystring || schema.body || write) codes.push('request.invalid');
  if (secured) codes.push('auth.unauthenticated');
  if (write) codes.push('auth.bad_origin', 'request.too_large', 'request.unsupported_type');
  if (write && secured) codes.push('request.idempotency_mismatch', 'request.already_applied');
  if (takesBody) codes.push('request.bad_text');
  return codes;
}

/**
 * The route's responses with the shared codes merged into its declared ones. A 4xx/5xx schema not made by
 * `errorResponses` is a mistake in the route: it would not say which codes it carries.
 */
export function withSharedErrors(
  response: Record<string, unknown> | undefined,
  traits: RouteTraits,
  route: string,
): Record<string, unknown> {
  const successes: Record<string, unknown> = {};
  const codes: ErrorCode[] = [];
  for (const [status, schema] of Object.entries(response ?? {})) {
    if (Number(status) < 400) {
      successes[status] = schema;
      continue;
    }
    const declared = typeof schema === 'object' && schema !== null ? declaredCodes.get(schema) : undefined;
    if (!declared) throw new Error(`${route}: declare its ${status} answer with errorResponses(…codes)`);
    codes.push(...declared);
  }
  return { ...successes, ...errorResponses(...codes, ...sharedErrors(traits)) };
}
