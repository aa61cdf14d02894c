/**
 * `pnpm drill -- --url http://… [--investigators 85 --countries 20 --platforms 114 --analysts 2 --speed 10]`:
 * rehearses an action day against a running server (see drill.ts), prints its progress and its own tally, and
 * exits 1 when the server's figures differ from what the drill did.
 */
import type { Difference } from './ledger.js';
import { runDrill } from './drill.js';
import { UsageError, readDrillOptions, usage } from './options.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

function table(differences: Difference[]): string {
  return differences
    .map((d) => `    ${d.what.padEnd(28)} drill ${String(d.drill).padStart(6)}  server ${d.server}`)
    .join('\n');
}

async function main(): Promise<number> {
  let options: ReturnType<typeof readDrillOptions>;
  try {
    options = readDrillOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`${error.message}\n\n`);
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  print(
    `Actionday drill against ${options.url}: ${options.investigators} investigators of ${options.countries} countries, ${options.analysts} analysts, ${options.platforms} platforms, ${options.speed}× human speed`,
  );
  const result = await runDrill(options, print);
  print(`\nthe drill's own tally (operation ${result.operationId}, ${result.seconds.toFixed(0)} s):`);
  for (const figure of result.expected.figures) print(`    ${figure.label.padEnd(52)} ${figure.value}`);
  print(
    `    ${'platforms unchecked / claimed / checked'.padEnd(52)} ${Object.values(result.expected.progress).join(' / ')}`,
  );
  print(`    ${'shared values seen by two or more people'.padEnd(52)} ${result.ledger.matches}`);
  const actions = [...result.ledger.actions].map(([k, n]) => `${k} ${n}`).join(', ');
  print(`  requests: ${actions}`);
  const refusals = [...result.ledger.refusals].map(([k, n]) => `${k} ${n}`).join(', ');
  print(`  refused: ${refusals || 'none'}`);
  let failed = false;
  if (result.differences.length > 0) {
    failed = true;
    print(`\nMISMATCH: the live figures differ from the drill's:\n${table(result.differences)}`);
  } else print('\nthe live figures equal the drill’s');
  if (result.frozenDifferences) {
    if (result.frozenDifferences.length > 0) {
      failed = true;
      print(`MISMATCH: the frozen figures differ from the drill's:\n${table(result.frozenDifferences)}`);
    } else print('closed: the frozen figures equal the drill’s');
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`drill failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
