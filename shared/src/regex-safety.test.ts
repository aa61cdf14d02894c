import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import * as emails from './emails.js';
import * as handles from './handles.js';
import * as languages from './languages.js';
import * as phoneScan from './phone-scan.js';
import * as phones from './phones.js';
import * as reading from './reading.js';
import * as serviceUrls from './service-urls.js';
import { services } from './services.js';
import * as spelled from './spelled-digits.js';
import * as textScan from './text-scan.js';
import * as urls from './urls.js';
import * as wallets from './wallets.js';

/** Every RegExp a module exports, also inside exported lists (`[pattern, …]` pairs). */
function patternsOf(name: string, module: Record<string, unknown>): [string, RegExp][] {
  const found: [string, RegExp][] = [];
  const visit = (label: string, value: unknown, depth: number) => {
    if (value instanceof RegExp) found.push([label, value]);
    else if (Array.isArray(value) && depth < 2)
      value.forEach((item, index) => visit(`${label}[${index}]`, item, depth + 1));
  };
  for (const [key, value] of Object.entries(module)) visit(`${name}.${key}`, value, 0);
  return found;
}

const patterns: [string, RegExp][] = [
  ...patternsOf('emails', emails),
  ...patternsOf('handles', handles),
  ...patternsOf('languages', languages),
  ...patternsOf('phoneScan', phoneScan),
  ...patternsOf('phones', phones),
  ...patternsOf('reading', reading),
  ...patternsOf('serviceUrls', serviceUrls),
  ...patternsOf('spelled', spelled),
  ...patternsOf('textScan', textScan),
  ...patternsOf('urls', urls),
  ...patternsOf('wallets', wallets),
  ...services.flatMap((spec): [string, RegExp][] =>
    spec.handle ? [[`handle rule of ${spec.id}`, spec.handle.pattern]] : [],
  ),
];

// recheck (a ReDoS checker: automata theory where it can, fuzzing where the pattern has lookaround)
// finds no exponential or polynomial backtracking in any pattern that runs on user input. Patterns
// with lookbehind are checked by its fuzzer, with a fixed seed so the answer is the same every run;
// linear-time.test.ts measures the same patterns on their worst cases.
describe('no pattern run on user input can backtrack out of linear time (recheck)', () => {
  it('finds the patterns to check', () => {
    expect(patterns.length).toBeGreaterThan(50);
    expect(patterns.map(([label]) => label)).toContain('textScan.emailPattern');
  });

  it.each(patterns)(
    '%s is safe',
    async (_label, pattern) => {
      // a generous timeout: on a loaded machine recheck answers `unknown` when it runs out of time
      const result = await check(pattern.source, pattern.flags, { randomSeed: 42, timeout: 50_000 });
      expect(result.status, JSON.stringify(result.status === 'vulnerable' ? result.attack.pattern : result)).toBe(
        'safe',
      );
    },
    60_000,
  );

  it('the heart of the old e-mail pattern is found vulnerable (this check can fail)', async () => {
    const old = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
    const result = await check(old.source, old.flags, { randomSeed: 42, timeout: 50_000 });
    expect(result.status).toBe('vulnerable');
  }, 60_000);
});
