import type { BenchName } from '../lib/args.js';
import { type Row, count, judge, kb, ms, ratioOf } from '../lib/results.js';
import { type SuiteContext, sizesFor } from './context.js';
import type { SideResult } from './screens-drive.js';

/** The rows of the screens suite: memory, fan-out, reconnect storm, graceful stop, each beside its floor. */
export function screensRows(
  ctx: SuiteContext,
  wanted: Set<BenchName>,
  app: SideResult,
  bare: SideResult,
  stop: { ms: number; code: number | null } | null,
  stopFloor: number | null,
): Row[] {
  const n = sizesFor(ctx.options.quick).screens.screens;
  const rows: Row[] = [];
  const connected = (side: SideResult) =>
    [`${count(n - side.openFailed)}/${count(n)} screens connected`, side.openFailed === 0] as [string, boolean];
  if (wanted.has('memory') && app.memory && bare.memory) {
    const ratio = ratioOf(app.memory.perClient, bare.memory.perClient);
    rows.push({
      bench: `memory per connected client (${count(n)} clients)`,
      database: ctx.db,
      app: `${kb(app.memory.perClient)} RSS, ${kb(app.memory.heapPerClient)} heap`,
      baseline: `${kb(bare.memory.perClient)} RSS, ${kb(bare.memory.heapPerClient)} heap`,
      ratio,
      goal: 'none set (issue gives none)',
      met: null,
      missed: [],
      details: {
        app: app.memory,
        bare: bare.memory,
        openMs: { app: app.openMs, bare: bare.openMs },
        openErrors: app.openErrors,
      },
    });
  }
  if (wanted.has('fanout') && app.fanout && bare.fanout) {
    const ratio = ratioOf(app.fanout.p99, bare.fanout.p99);
    rows.push({
      bench: `fan-out of a claim to ${count(n)} screens`,
      database: ctx.db,
      app: `p99 ${ms(app.fanout.p99)}`,
      baseline: `p99 ${ms(bare.fanout.p99)}`,
      ratio,
      goal: 'p99 ≤ 1.5 × bare, every screen gets it',
      ...judge([
        connected(app),
        [`p99 ${ratio?.toFixed(2)}× bare > 1.5×`, ratio !== null && ratio <= 1.5],
        [
          `${count(app.fanout.delivered)}/${count(app.fanout.expected)} delivered`,
          app.fanout.delivered === app.fanout.expected,
        ],
      ]),
      details: { app: app.fanout, bare: bare.fanout },
    });
  }
  if (wanted.has('reconnect') && app.reconnect && bare.reconnect) {
    const ratio = ratioOf(app.reconnect.slowestMs, bare.reconnect.slowestMs);
    const allBack = app.reconnect.back === app.reconnect.total;
    rows.push({
      bench: `reconnect storm: ${count(n)} clients dropped at once, until all back and consistent`,
      database: ctx.db,
      app: allBack
        ? ms(app.reconnect.slowestMs)
        : `${count(app.reconnect.back)}/${count(app.reconnect.total)} back in 60 s`,
      baseline: ms(bare.reconnect.slowestMs),
      ratio: allBack ? ratio : null,
      goal: '≤ 2 × bare and < 5 s',
      ...judge([
        connected(app),
        [`${count(app.reconnect.total - app.reconnect.back)} never came back`, allBack],
        [`${ratio?.toFixed(2)}× bare > 2×`, allBack && ratio !== null && ratio <= 2],
        [`${ms(app.reconnect.slowestMs)} ≥ 5 s`, allBack && app.reconnect.slowestMs < 5000],
      ]),
      details: { app: app.reconnect, bare: bare.reconnect },
    });
  }
  if (wanted.has('stop') && stop && stopFloor !== null) {
    rows.push({
      bench: `graceful stop with ${count(n)} clients connected`,
      database: ctx.db,
      app: ms(stop.ms),
      baseline: `${ms(stopFloor)} with none`,
      ratio: ratioOf(stop.ms, stopFloor),
      goal: '< 2 s, exit 0',
      ...judge([
        [`${ms(stop.ms)} ≥ 2 s`, stop.ms < 2000],
        [`exit code ${stop.code}`, stop.code === 0],
      ]),
      details: { appMs: stop.ms, exitCode: stop.code, noClientsMs: stopFloor },
    });
  }
  return rows;
}
