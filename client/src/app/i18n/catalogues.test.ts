import { errorStatus } from '@actionday/shared';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

type Catalogue = { [key: string]: string | Catalogue };

function keys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function lookup(catalogue: Catalogue, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Catalogue)[key] : undefined),
      catalogue,
    );
}

describe('translation catalogues', () => {
  it('have the same keys in every language', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it('have a sentence for every API error code', () => {
    const missing = Object.keys(errorStatus).filter((code) => typeof lookup(en, `error.${code}`) !== 'string');
    expect(missing).toEqual([]);
  });

  it('keep the interpolation variables of English in Dutch', () => {
    const variables = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of keys(en)) expect(variables(lookup(nl, key)), key).toEqual(variables(lookup(en, key)));
  });
});
