import { describe, expect, it } from 'vitest';
import { z } from './zod-stub';

describe('the zod stand-in of the client build', () => {
  it('lets the shared modules build their schemas as they do on import', () => {
    const roles = ['coordinator', 'investigator'] as const;
    const base = z.object({ name: z.string().trim().min(1).max(120), role: z.enum(roles).optional() }).strict();
    const extended = base.extend({ token: z.string().min(1) }).partial();
    expect(typeof extended).toBe('function');
    expect(z.discriminatedUnion('kind', [base, extended]).array().min(1)).toBeDefined();
  });

  it('refuses to validate, so no form can believe it checked anything', () => {
    const schema = z.object({ name: z.string() });
    expect(() => schema.parse({ name: 'x' })).toThrow(/not bundled in the client/);
    expect(() => schema.safeParse({ name: 'x' })).toThrow(/not bundled in the client/);
  });
});
