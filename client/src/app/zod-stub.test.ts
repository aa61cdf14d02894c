import { describe, expect, it } from 'vitest';
import { z } from './zod-stub';

type Schema = typeof z;

/** `schema.name(...args)`, as the shared modules write it (the stub's type cannot list zod's names). */
function call(schema: Schema, name: string, ...args: unknown[]): Schema {
  const method = schema[name];
  if (!method) throw new Error(`no ${name}`);
  return method(...args);
}

describe('the zod stand-in of the client build', () => {
  it('lets the shared modules build their schemas as they do on import', () => {
    const name = call(call(call(call(z, 'string'), 'trim'), 'min', 1), 'max', 120);
    const base = call(call(z, 'object', { name, role: call(call(z, 'enum', ['a', 'b']), 'optional') }), 'strict');
    const extended = call(call(base, 'extend', { token: call(z, 'string') }), 'partial');
    expect(typeof call(call(z, 'discriminatedUnion', 'kind', [base, extended]), 'array')).toBe('function');
  });

  it('refuses to validate, so no form can believe it checked anything', () => {
    const schema = call(z, 'object', { name: call(z, 'string') });
    expect(() => call(schema, 'parse', { name: 'x' })).toThrow(/not bundled in the client/);
    expect(() => call(schema, 'safeParse', { name: 'x' })).toThrow(/not bundled in the client/);
  });
});
