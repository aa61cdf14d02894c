import type { FastifyDynamicSwaggerOptions, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler as zodSerializerCompiler,
} from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { SESSION_COOKIE } from './context.js';
import { type RouteTraits, withSharedErrors } from './openapi-errors.js';
import { apiSchemas, describedOnly } from './openapi-schemas.js';

export { errorResponses } from './openapi-errors.js';
export { binary } from './openapi-schemas.js';

/** Media type → the schema of what travels in it (`binary` for bytes). */
type Content = Record<string, z.ZodType>;

/**
 * What the route's zod schemas cannot say, read from `config.openapi`: bodies fastify does not validate by
 * schema (uploads: multipart, CSV), and answers that are not the JSON of `schema.response` (files, zips, PDFs).
 * Documentation only: nothing here is enforced at runtime.
 */
export interface RouteDocument {
  requestBody?: { description?: string; content: Content };
  /** Per status; a JSON schema the route declares in `schema.response` for that status is kept beside them. */
  responses?: Record<number, { description: string; headers?: Record<string, string>; content: Content }>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Additions to the route's entry in the OpenAPI document (http/openapi.ts). */
    openapi?: RouteDocument;
  }
}

type Security = NonNullable<FastifySchema['security']>;

/** The security requirement of routes that need a session: every route that does not say otherwise. */
const sessionRequired: Security = [{ sessionCookie: [] }];

/** For routes that work signed out and use the session when there is one (signing out, accepting an invite). */
export const sessionOptional: Security = [{}, { sessionCookie: [] }];

const originRule = [
  '**Origin rule.** A write (any method but GET, HEAD and OPTIONS under `/api/`) is refused with 403 `auth.bad_origin`',
  "before anything else when its `Origin` header names another origin than the server's own or its public URL, or when",
  'its `Sec-Fetch-Site` header is `cross-site` (CSRF protection on top of the SameSite=Lax cookie). Clients that send no',
  '`Origin` (scripts, curl) pass.',
].join(' ');

const description = [
  'The command centre for online action days: operations, the platform board, findings, evidence, key figures, reports.',
  '',
  `**Sessions.** Sign in with \`POST /api/session\`; the answer sets the httpOnly cookie \`${SESSION_COOKIE}\`, which every`,
  'other route reads (scheme `sessionCookie`). Routes marked with an empty security requirement work signed out.',
  '',
  originRule,
  '',
  '**Errors.** Every error answer is `{ error: { code, message, details? } }` (component `ErrorBody`); each route lists',
  'the codes it can answer per status. Match on `code`, never on `message` (English, for people).',
  '',
  '**Live events** travel on socket.io (`/socket.io/`), not in this document: see `shared/src/socket.ts`.',
].join('\n');

const tags = [
  { name: 'health', description: 'Liveness' },
  { name: 'auth', description: 'Sessions, first-run setup, the second factor, who am I' },
  { name: 'operations', description: 'Operations, their phases and participants' },
  { name: 'invites', description: 'One-time invites into an operation' },
  { name: 'platforms', description: 'The board: platforms, claims, verdicts, imports' },
  { name: 'findings', description: 'Suspects, identifiers, victims; indicators and extraction' },
  { name: 'evidence', description: 'Captured files with their SHA-256' },
  { name: 'hits', description: 'Cross-hits and reference lists' },
  { name: 'tallies', description: 'Key figures and their definitions' },
  { name: 'announcements', description: "The coordinators' broadcasts" },
  { name: 'activity', description: 'The activity feed and the timeline of the day' },
  { name: 'audit', description: 'The tamper-evident audit trail' },
  { name: 'reports', description: 'After-action reports and country packages' },
];

const zodTransform = createJsonSchemaTransform({ schemaRegistry: apiSchemas });
type TransformInput = Parameters<typeof zodTransform>[0];

/** A requirement list needs a session unless it is empty or offers the empty (anonymous) alternative. */
const needsSession = (security: Security) =>
  security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);

/** The route's documented content, converted by the same zod transform as its schemas (components by `$ref`). */
function documentedContent(input: TransformInput, doc: RouteDocument): FastifySchema {
  const added: FastifySchema = {};
  if (doc.requestBody) {
    // @fastify/swagger keeps no description beside a body given by media type: it goes on each schema
    const words = doc.requestBody.description ? { description: doc.requestBody.description } : {};
    const content = Object.fromEntries(
      Object.entries(doc.requestBody.content).map(([type, schema]) => {
        const json: unknown = zodTransform({ ...input, schema: { body: schema } }).schema.body;
        return [type, { schema: typeof json === 'object' ? { ...json, ...words } : json }];
      }),
    );
    added.body = { content };
  }
  if (!doc.responses) return added;
  const response: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(doc.responses)) {
    const content = Object.fromEntries(Object.entries(answer.content).map(([type, schema]) => [type, { schema }]));
    const converted = zodTransform({ ...input, schema: { response: { [status]: { content } } } }).schema.response;
    const headers = Object.fromEntries(
      Object.entries(answer.headers ?? {}).map(([name, words]) => [name, { type: 'string', description: words }]),
    );
    response[status] = {
      description: answer.description,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      content: (converted as Record<string, { content: object }>)[status]?.content,
    };
  }
  return { ...added, response };
}

/**
 * One route's entry: its zod schemas converted (shared schemas by `$ref`), the session requirement by default,
 * the shared error codes merged into the declared ones, and what its `config.openapi` adds.
 */
export const transform: typeof zodTransform = (input) => {
  const { schema, route } = input;
  if (!schema || schema.hide) return zodTransform(input);
  const doc = route.config?.openapi;
  const method = Array.isArray(route.method) ? route.method.join(',') : String(route.method);
  const security = schema.security ?? sessionRequired;
  const traits: RouteTraits = {
    method,
    schema,
    secured: needsSession(security),
    takesBody: Boolean(schema.body ?? doc?.requestBody),
  };
  const response = withSharedErrors(
    schema.response as Record<string, unknown> | undefined,
    traits,
    `${method} ${route.url}`,
  );
  const out = zodTransform({ ...input, schema: { ...schema, security, response } });
  if (!doc) return out;
  const added = documentedContent(input, doc);
  const ownResponses = (out.schema.response ?? {}) as Record<string, object>;
  const addedResponses = (added.response ?? {}) as Record<string, { content: Record<string, object> }>;
  // a status with both: the route's JSON schema stays the application/json alternative
  const merged = Object.fromEntries(
    Object.entries(addedResponses).map(([status, answer]) => {
      const json = ownResponses[status];
      return [
        status,
        json ? { ...answer, content: { 'application/json': { schema: json }, ...answer.content } } : answer,
      ];
    }),
  );
  return {
    ...out,
    schema: {
      ...out.schema,
      ...(added.body ? { body: added.body } : {}),
      response: { ...ownResponses, ...merged },
    },
  };
};

const zodTransformObject = createJsonSchemaTransformObject({ schemaRegistry: apiSchemas });

/** The component names a part of the document refers to. */
const refsIn = (value: unknown): string[] =>
  [...(JSON.stringify(value) ?? '').matchAll(/"#\/components\/schemas\/([^"]+)"/g)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );

/**
 * The document with its components, keeping those some route uses (directly or through another component): the
 * registry names every schema both as input and as output, and most are only ever one of them.
 */
export const transformObject: SwaggerTransformObject = (documentObject) => {
  const document = zodTransformObject(documentObject);
  // an OpenAPI 3 document (the registration asks for one); Swagger 2 has no components
  if (!('components' in document) || !document.components?.schemas) return document;
  const schemas = document.components.schemas;
  const keep = new Set<string>();
  const queue = [...refsIn(document.paths), ...describedOnly];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (keep.has(name)) continue;
    keep.add(name);
    queue.push(...refsIn(schemas[name as keyof typeof schemas]));
  }
  // the object is this call's own (the zod transform builds it fresh)
  for (const name of Object.keys(schemas)) if (!keep.has(name)) Reflect.deleteProperty(schemas, name);
  // every write takes an Idempotency-Key (http/idempotency.ts): the same key and request answer as the first time
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const operation = (item as Record<string, { parameters?: unknown[] } | undefined>)[method];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), idempotencyParameter];
    }
  }
  return document;
};

/** The Idempotency-Key header of every write (IETF draft "The Idempotency-Key HTTP Header Field"). */
const idempotencyParameter = {
  in: 'header',
  name: 'Idempotency-Key',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 255 },
  description:
    'A fresh key per write, the same key on its retries: a retry with the same key and request answers as the first time (header `Idempotent-Replayed: true`), the same key with another request is 422 `request.idempotency_mismatch`, a retry whose first answer was lost is 409 `request.already_applied`. Kept 48 hours, per user.',
};

/** The @fastify/swagger registration: the document's words, the cookie scheme, and the transforms above. */
export const swaggerOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    info: { title: 'Actionday API', version: '0.1.0', description },
    tags,
    components: {
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `The session set by \`POST /api/session\` (or by accepting an invite). ${originRule}`,
        },
      },
    },
  },
  transform,
  transformObject,
};

/**
 * The zod serializer for successful answers only. An error answer is written as it is: its documented schema
 * lists the codes a route is known to answer, and a code missing from that list must never turn into a 500.
 */
export const serializerCompiler: typeof zodSerializerCompiler = (route) =>
  Number(String(route.httpStatus).charAt(0)) >= 4 ? (data) => JSON.stringify(data) : zodSerializerCompiler(route);
