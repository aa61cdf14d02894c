import { randomUUID } from 'node:crypto';
import type { TestApp } from '@actionday/server/test/test-app';

/** An answer of the app to an injected request. */
type Answer = Awaited<ReturnType<TestApp['request']>>;

/** The parts of an OpenAPI operation the completeness test reads. */
export interface DocOperation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: ErrorSchema }> }>;
}

interface ErrorSchema {
  properties?: { error?: { properties?: { code?: { enum?: string[] } } } };
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, DocOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; in: string }> };
}

/** One documented route: `POST /api/platforms/{platformId}/claim` and its operation. */
export interface DocRoute {
  method: string;
  path: string;
  operation: DocOperation;
}

/** Every operation of the document. */
export const documentedRoutes = (doc: OpenApiDocument): DocRoute[] =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );

/**
 * The routes fastify registered, read from `printRoutes` (its tree of path segments, each with its methods) rather
 * than from the document, written the way the document writes paths (`{param}`). HEAD routes are fastify's own
 * copies of the GET routes.
 */
export function registeredRoutes(tree: string): string[] {
  const segments: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const [, prefix = '', segment = '', methods = ''] = match;
    const depth = Math.max(0, prefix.length / 4 - 1);
    segments.length = depth;
    segments.push(segment);
    const path = segments.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of methods.split(',').map((m) => m.trim())) {
      if (method && method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

/** The codes a documented error answer of this status may carry. */
export function documentedCodes(operation: DocOperation, status: number): string[] {
  const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
  return schema?.properties?.error?.properties?.code?.enum ?? [];
}

/** What a route answered, checked against its entry: a problem in words, or null. */
export function undocumented(route: DocRoute, response: Answer, probe: string): string | null {
  const where = `${route.method} ${route.path} (${probe}) → ${response.statusCode}`;
  if (response.statusCode >= 500) return `${where}: a server error ${response.body.slice(0, 200)}`;
  const documented = route.operation.responses[String(response.statusCode)];
  if (response.statusCode >= 400) {
    const code = response.json<{ error?: { code?: string } }>().error?.code ?? '(no code)';
    return documentedCodes(route.operation, response.statusCode).includes(code) ? null : `${where} ${code}`;
  }
  if (!documented) return `${where}: status not documented`;
  const type = String(response.headers['content-type'] ?? '').split(';')[0] ?? '';
  const types = Object.keys(documented.content ?? {});
  return types.length === 0 || types.includes(type) ? null : `${where}: answered ${type}, documented ${types}`;
}

/** Fills a documented path: each parameter from `values`, else a random UUID. */
export const fillPath = (path: string, values: Record<string, string>): string =>
  path.replace(/\{(\w+)\}/g, (_whole, name: string) => values[name] ?? randomUUID());

/** A request body with its media type. */
export interface Body {
  payload: string | Buffer;
  contentType: string;
}

export const json = (value: unknown): Body => ({ payload: JSON.stringify(value), contentType: 'application/json' });

/** A tiny PNG: the file of an evidence upload (its content must match its type). */
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('pixels')]);

/** A multipart/form-data body with text fields and one PNG file, as a browser sends FormData. */
export function multipart(fields: Record<string, string>): Body {
  const boundary = '----actionday-openapi-test';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const file = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="capture.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(parts.join('') + file), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Bodies that no route accepts: broken JSON, JSON of the wrong shape, a media type nobody parses. */
export const malformedBodies: Record<string, Body> = {
  'broken JSON': { payload: '{"name": ', contentType: 'application/json' },
  'a bare JSON string': json('probe'),
  'an XML body': { payload: '<probe/>', contentType: 'application/xml' },
};
