import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { BenchOptions, DbKind } from './args.js';

/** One line of the results table. */
export interface Row {
  bench: string;
  database: DbKind | '—';
  /** The app's figure as shown (e.g. "p99 412 ms"). */
  app: string;
  /** The bare baseline of the same run, as shown. */
  baseline: string;
  /** app ÷ baseline of the figure the goal is about; null when there is none. */
  ratio: number | null;
  goal: string;
  /** null: the issue sets no goal for this figure. */
  met: boolean | null;
  /** The parts of the goal that were missed, in words. */
  missed: string[];
  /** Everything measured, for bench-results.json and docs/performance.md. */
  details: Record<string, unknown>;
}

/** A goal as a list of conditions: met only when every one holds. */
export function judge(checks: [label: string, ok: boolean][]): Pick<Row, 'met' | 'missed'> {
  const missed = checks.filter(([, ok]) => !ok).map(([label]) => label);
  return { met: missed.length === 0, missed };
}

/** Milliseconds as people read them. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(1)} ms`;
}

/** A count with thousands separators. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en');
}

/** Kilobytes (1,000 bytes, as bundle budgets are written). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** app ÷ bare, guarded against an empty baseline. */
export function ratioOf(app: number, bare: number): number | null {
  if (!Number.isFinite(app) || !Number.isFinite(bare) || bare <= 0) return null;
  return app / bare;
}

const metText = (row: Row) => (row.met === null ? '—' : row.met ? 'met' : 'MISSED');

/** The table printed at the end: benchmark, database, app, baseline, ratio, goal, met. */
export function formatTable(rows: Row[]): string {
  const header = ['benchmark', 'database', 'app', 'baseline', 'ratio', 'goal', 'met'];
  const lines = rows.map((row) => [
    row.bench,
    row.database,
    row.app,
    row.baseline,
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    row.goal,
    metText(row),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  const out = [format(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(format)];
  const missed = rows.filter((row) => row.met === false);
  if (missed.length > 0) {
    out.push('', 'MISSED:');
    for (const row of missed) out.push(`  ${row.bench} (${row.database}): ${row.missed.join('; ')}`);
  }
  return out.join('\n');
}

/** The same table as Markdown, for docs/performance.md. */
export function formatMarkdown(rows: Row[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const out = ['| benchmark | database | app | baseline | ratio | goal | met |', '|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    const ratio = row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`;
    const met = row.met === null ? '—' : row.met ? 'met' : '**MISSED**';
    out.push(`| ${[row.bench, row.database, row.app, row.baseline, ratio, row.goal].map(cell).join(' | ')} | ${met} |`);
  }
  return out.join('\n');
}

interface ServerEvidence {
  cpuPercent?: number;
  eventLoopDelayMs?: { p99?: number; max?: number };
}
interface GeneratorEvidence {
  cpuPercent: number;
  eventLoopDelayP99Ms: number;
}
interface WaitEvidence {
  activeMean?: number;
  waits?: { event: string; mean: number }[];
}

/**
 * What the measurements say limits a figure: the server process's CPU and
 * event-loop delay during the load, and where PostgreSQL's connections were
 * waiting (sampled from pg_stat_activity), when the suite recorded them.
 */
export function evidenceOf(row: Row): string | null {
  const app = row.details.app as
    | { server?: ServerEvidence; postgresWaits?: WaitEvidence | null; generators?: GeneratorEvidence }
    | undefined;
  const bare = row.details.bare as { generators?: GeneratorEvidence } | undefined;
  const parts: string[] = [];
  const server = app?.server;
  if (server?.cpuPercent !== undefined)
    parts.push(
      `server process ${server.cpuPercent.toFixed(0)} % of a core, event-loop delay p99 ${ms(server.eventLoopDelayMs?.p99 ?? Number.NaN)}`,
    );
  const waits = app?.postgresWaits;
  if (waits?.waits && waits.waits.length > 0)
    parts.push(
      `PostgreSQL connections: ${waits.waits
        .slice(0, 4)
        .map((w) => `${w.event} ${w.mean.toFixed(1)}`)
        .join(', ')} (mean backends per state)`,
    );
  const generators = (label: string, g: GeneratorEvidence | undefined) => {
    if (g) parts.push(`${label} ${g.cpuPercent.toFixed(0)} % CPU, event-loop p99 ${ms(g.eventLoopDelayP99Ms)}`);
  };
  generators('busiest load process', app?.generators);
  generators('during the bare run', bare?.generators);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The evidence lines under the table. */
export function formatEvidence(rows: Row[]): string {
  return rows
    .map((row) => [row, evidenceOf(row)] as const)
    .filter(([, evidence]) => evidence !== null)
    .map(([row, evidence]) => `  ${row.bench} (${row.database}): ${evidence}`)
    .join('\n');
}

/** A benchmark that could not finish: reported as such, never as a result. */
export interface Failure {
  bench: string;
  database: DbKind | '—';
  error: string;
}

/** Writes bench-results.json and answers its absolute path. */
export async function writeResults(
  options: BenchOptions,
  rows: Row[],
  failures: Failure[],
  startedAt: Date,
  loadAtStart: number[],
): Promise<string> {
  const path = resolve(options.out);
  const body = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? null,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg(),
    },
    options: { only: [...options.only], databases: options.databases, quick: options.quick },
    rows,
    failures,
  };
  await writeFile(path, `${JSON.stringify(body, null, 2)}\n`);
  // the same as Markdown, to paste into docs/performance.md
  await writeFile(path.replace(/\.json$/, '') + '.md', `${formatMarkdown(rows)}\n\n${formatEvidence(rows)}\n`);
  return path;
}
