import { execFileSync } from 'node:child_process';
import { errorStatus, interfaceLanguages } from '@actionday/shared';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import it_ from './it.json';
import nl from './nl.json';
import pl from './pl.json';
import ro from './ro.json';
import uk from './uk.json';

const catalogues = { en, nl, de, fr, es, pl, ro, it: it_, uk };

type Catalogue = { [key: string]: string | Catalogue };

function lookup(catalogue: Catalogue, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Catalogue)[key] : undefined),
      catalogue,
    );
}

/** A translator for one language, with English as the fallback, as the app sets it up. */
async function translator(language: keyof typeof catalogues) {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(catalogues).map(([lng, translation]) => [lng, { translation }])),
    interpolation: { escapeValue: false },
  });
  return i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
}

describe('translation catalogues', () => {
  it('ship every interface language', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...interfaceLanguages].sort());
  });

  it('are complete, in use, and translate every server error (scripts/check-i18n.mjs)', () => {
    expect(() => execFileSync('node', ['scripts/check-i18n.mjs'], { stdio: 'pipe' })).not.toThrow();
  });

  it('have a sentence for every API error code', () => {
    const missing = Object.keys(errorStatus).filter((code) => typeof lookup(en, `error.${code}`) !== 'string');
    expect(missing).toEqual([]);
  });
});

describe('plurals follow each language’s rules', () => {
  it('English: one platform, two platforms', async () => {
    const t = await translator('en');
    expect(t('board.total', { count: 1 })).toBe('1 platform');
    expect(t('board.total', { count: 2 })).toBe('2 platforms');
    expect(t('board.total', { count: 0 })).toBe('0 platforms');
    expect(t('dashboard.activity.actions.platform_created', { count: 1 })).toBe('added 1 platform');
  });

  it('Polish: 1 platforma, 2–4 platformy, 5–21 platform, 22 platformy', async () => {
    const t = await translator('pl');
    expect(t('board.total', { count: 1 })).toBe('1 platforma');
    expect(t('board.total', { count: 3 })).toBe('3 platformy');
    expect(t('board.total', { count: 5 })).toBe('5 platform');
    expect(t('board.total', { count: 12 })).toBe('12 platform');
    expect(t('board.total', { count: 21 })).toBe('21 platform');
    expect(t('board.total', { count: 22 })).toBe('22 platformy');
    expect(t('findings.count.victim', { count: 25 })).toBe('możliwych ofiar');
  });

  it('Ukrainian: 1 платформа, 21 платформа, 3 платформи, 11 платформ', async () => {
    const t = await translator('uk');
    expect(t('board.total', { count: 1 })).toBe('1 платформа');
    expect(t('board.total', { count: 21 })).toBe('21 платформа');
    expect(t('board.total', { count: 3 })).toBe('3 платформи');
    expect(t('board.total', { count: 11 })).toBe('11 платформ');
    expect(t('board.total', { count: 45 })).toBe('45 платформ');
    expect(t('operation.participants', { count: 2 })).toBe('2 учасники');
  });

  it('Romanian: 1 platformă, 19 platforme, 20 de platforme', async () => {
    const t = await translator('ro');
    expect(t('board.total', { count: 1 })).toBe('1 platformă');
    expect(t('board.total', { count: 19 })).toBe('19 platforme');
    expect(t('board.total', { count: 20 })).toBe('20 de platforme');
  });
});
