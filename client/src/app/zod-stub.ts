/**
 * What the client build loads for `zod` (see `resolve.alias` in vite.config.ts).
 *
 * The client never validates with zod: the server checks every request with the shared schemas. Yet the
 * constants the client needs (`can`, the enum lists, `noteDocName`) live in `@actionday/shared` modules that
 * build their schemas on import, which costs 40 KB gzipped of zod on every page, before anything shows.
 * Here each schema builder answers another inert schema, so those modules still load; asking one to parse
 * throws, so no form can believe it validated something it did not. When shared moves its constants into
 * zod-free modules, this alias and file go.
 */

const parsing = new Set([
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'spa',
  'decode',
  'safeDecode',
  'encode',
  'safeEncode',
]);

function refuse(): never {
  throw new Error(
    'zod is not bundled in the client (client/vite.config.ts aliases it to src/app/zod-stub.ts): validate on the server',
  );
}

type Inert = ((...args: unknown[]) => Inert) & { readonly [key: string]: Inert };

function inert(): Inert {
  const target = () => undefined;
  const schema: Inert = new Proxy(target, {
    get: (_target, key) => {
      if (typeof key !== 'string') return undefined;
      return parsing.has(key) ? refuse : schema;
    },
    apply: () => schema,
  }) as unknown as Inert;
  return schema;
}

/** Stands in for zod's `z` namespace: every `z.object(…).strict()` chain is an inert schema. */
export const z = inert();
export default z;
