#!/usr/bin/env node
// `pnpm check:i18n`: the interface catalogues and the server's messages stay complete and in use.
//
// - Every catalogue (client/src/app/i18n/<lang>.json, one per shipped language) has every key of the English
//   one, and for a counted key (`x_one` / `x_other` in English) every plural form its language uses for whole
//   numbers (Intl.PluralRules: Polish and Ukrainian one/few/many, Romanian one/few, …) plus `other`; no extra keys.
// - Every {{variable}} of an English sentence is in each translation of it.
// - No key is unused: each appears in client code as a literal key, or under a prefix the code completes
//   (`t(\`category.${c}\`)` uses every key under `category.`).
// - No server message without a translation: every error code of shared/src/errors has `error.<code>`.
// The report's words (server/src/modules/reports/reports.words.ts) are typed per language: the compiler
// checks those.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'client/src/app/i18n');
const languages = ['en', 'nl', 'de', 'fr', 'es', 'pl', 'ro', 'it', 'uk'];
const problems = [];

const load = (lang) => JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8'));
const flatten = (node, prefix = '', out = new Map()) => {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
};
/** The {{variables}} of a sentence; `count` may be left out of a counted one ("Per minute", "Seen once"). */
const variables = (text, counted = false) =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]))]
    .filter((name) => !counted || name !== 'count')
    .sort()
    .join(',');

const en = flatten(load('en'));
const plural = /_(zero|one|two|few|many|other)$/;
/** The English keys with their plural groups collapsed: `a.b_one`, `a.b_other` → `a.b`. */
const counted = new Set([...en.keys()].filter((k) => k.endsWith('_one')).map((k) => k.slice(0, -4)));

for (const lang of languages.slice(1)) {
  let catalogue;
  try {
    catalogue = flatten(load(lang));
  } catch (error) {
    problems.push(`${lang}.json: ${error.message}`);
    continue;
  }
  const rules = new Intl.PluralRules(lang);
  const forms = new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
  forms.add('other');
  const expected = new Map();
  for (const [key, value] of en) {
    const base = key.replace(plural, '');
    if (counted.has(base) && plural.test(key)) {
      for (const form of forms) expected.set(`${base}_${form}`, en.get(`${base}_other`) ?? value);
    } else expected.set(key, value);
  }
  for (const [key, english] of expected) {
    const text = catalogue.get(key);
    if (text === undefined) problems.push(`${lang}.json lacks ${key}`);
    else if (variables(text, plural.test(key)) !== variables(english, plural.test(key)))
      problems.push(`${lang}.json ${key} has {{${variables(text)}}}, English has {{${variables(english)}}}`);
  }
  for (const key of catalogue.keys()) if (!expected.has(key)) problems.push(`${lang}.json has ${key}, English has not`);
}

// Every key in use somewhere in the client.
function walk(path, out = []) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}
const literals = new Set();
const prefixes = new Set();
for (const file of walk(join(root, 'client/src'))) {
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/(['"])([A-Za-z0-9_.]+)\1/g)) literals.add(m[2]);
  for (const m of source.matchAll(/`([A-Za-z0-9_.]*)\$\{/g)) if (m[1].includes('.')) prefixes.add(m[1]);
}
const bases = new Set([...en.keys()].map((k) => (counted.has(k.replace(plural, '')) ? k.replace(plural, '') : k)));
for (const key of bases) {
  if (literals.has(key)) continue;
  if ([...prefixes].some((prefix) => key.startsWith(prefix))) continue;
  problems.push(`en.json ${key} is used nowhere in client/src`);
}

// Every error code the server can answer has a sentence.
const errorSources = readdirSync(join(root, 'shared/src/errors')).map((f) =>
  readFileSync(join(root, 'shared/src/errors', f), 'utf8'),
);
const codes = new Set();
for (const source of errorSources)
  for (const m of source.matchAll(/['"]([a-z_]+\.[a-z_]+)['"]\s*:\s*\{/g)) codes.add(m[1]);
if (codes.size === 0) problems.push('no error codes found in shared/src/errors (has the catalogue moved?)');
for (const code of codes)
  if (!en.has(`error.${code}`)) problems.push(`en.json lacks error.${code} (a server error code)`);

if (problems.length > 0) {
  console.error(`check-i18n: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `check-i18n: ${languages.length} catalogues, ${bases.size} keys in use, ${codes.size} error codes translated`,
);
