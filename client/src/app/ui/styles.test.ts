import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const all = files(src);
const relative = (path: string) => path.slice(src.length + 1);

/** The class names a CSS Module defines (comments and strings left out). */
function classesOf(css: string): Set<string> {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"[^"]*"/g, '""');
  return new Set([...bare.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((match) => match[1] ?? ''));
}

describe('the client’s styles', () => {
  it('keep every CSS file under 300 lines', () => {
    const long = all
      .filter((path) => path.endsWith('.css'))
      .map((path) => ({ file: relative(path), lines: readFileSync(path, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });

  it('use only class names their CSS Module defines (a typo would silently drop a style)', () => {
    const missing: string[] = [];
    for (const path of all.filter((p) => /\.tsx?$/.test(p))) {
      const code = readFileSync(path, 'utf8');
      for (const [, name, module] of code.matchAll(/import (\w+) from '(\.[^']+\.module\.css)';/g)) {
        if (!name || !module) continue;
        const defined = classesOf(readFileSync(resolve(dirname(path), module), 'utf8'));
        for (const [, used] of code.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g'))) {
          if (used && !defined.has(used)) missing.push(`${relative(path)}: ${name}.${used} (${module})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('style components with CSS Modules: global class names are only the base utilities', () => {
    const base = new Set(['muted', 'mono', 'lead', 'eyebrow', 'visually-hidden']);
    const globals = all
      .filter((path) => path.endsWith('.tsx'))
      .flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(/className="([^"]+)"/g)].flatMap(([, names]) =>
          (names ?? '')
            .split(/\s+/)
            .filter((name) => !base.has(name))
            .map((name) => `${relative(path)}: ${name}`),
        ),
      );
    expect(globals).toEqual([]);
  });

  it('have no raw button outside the UI kit, but for the board row’s disclosure', () => {
    const raw = all
      .filter((path) => path.endsWith('.tsx') && !path.includes('/app/ui/'))
      .filter((path) => /<button\b/.test(readFileSync(path, 'utf8')))
      .map(relative);
    expect(raw).toEqual(['modules/platforms/PlatformRow.tsx']);
  });
});
