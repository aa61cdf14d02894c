import fc from 'fast-check';

/** The parts of a JSON Schema (as the OpenAPI document writes them) the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** Strings a careless or hostile client sends: empty, huge, control characters, lookalikes, injections. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '{{7*7}}',
    'NaN',
    '-1',
    '1e309',
    '2022-13-45T25:61:61Z',
    'ｅxample＠example.org',
    '\u202Eevil',
  ),
  fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

/** Any JSON value, small. */
export const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  nastyString,
  fc.constantFrom(null, true, -1, 0, 2 ** 53, -(2 ** 63), 1e308, 0.5, [], {}),
);

/** Values guided by a schema: mostly of its shape (so requests reach the handlers), sometimes anything at all. */
export function fromSchema(
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
  ids: readonly string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return junk;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return fromSchema(components[name], components, ids, depth + 1);
  }
  const variants = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (variants) return fc.oneof(...variants.map((v) => fromSchema(v, components, ids, depth + 1)));
  const shaped = shapedBy(schema, components, ids, depth);
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: junk });
}

function shapedBy(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  ids: readonly string[],
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const entries = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, fromSchema(property, components, ids, depth + 1)]),
      );
      return fc.record(entries, { requiredKeys: [] });
    }
    case 'array':
      return fc.array(fromSchema(schema.items, components, ids, depth + 1), { maxLength: 4 });
    case 'integer':
      return fc.oneof(fc.integer(), fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 1, -1, 2 ** 31));
    case 'number':
      return fc.oneof(fc.double(), fc.integer());
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid(), nastyString);
      if (schema.format === 'date-time')
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constant('2022-09-06T09:00:00Z'),
        );
      return fc.oneof(nastyString, fc.string({ maxLength: schema.maxLength ?? 100 }));
    default:
      return junk;
  }
}

/** A multipart body of random text fields and zero to three files of random types and content. */
export function multipartBody(fields: Record<string, unknown>, files: { type: string; content: Uint8Array }[]) {
  const boundary = '----actionday-fuzz';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${typeof value === 'string' ? value : JSON.stringify(value)}\r\n`,
      ),
    );
  files.forEach((file, i) => {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f${i}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  });
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Files as an evidence upload might carry them: a real PNG head, random bytes, declared as anything. */
export const fileArbitrary = fc.record({
  type: fc.constantFrom('image/png', 'text/plain', 'application/x-msdownload', '', 'image/png; x=1'),
  content: fc.oneof(
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Uint8Array.from([...png, ...bytes])),
    fc.uint8Array({ maxLength: 64 }),
  ),
});

/** A CSV-ish text: a header that may be right, then rows of nasty cells. */
export const csvArbitrary = fc
  .tuple(
    fc.constantFrom('kind,value,label', 'name,url,category', 'a;b', '', '"unterminated'),
    fc.array(fc.array(fc.oneof(nastyString, fc.constantFrom('email', 'phone', 'forum')), { maxLength: 4 }), {
      maxLength: 5,
    }),
  )
  .map(([header, rows]) => [header, ...rows.map((cells) => cells.join(','))].join('\n'));
