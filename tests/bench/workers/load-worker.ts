/**
 * A load process (child_process.fork from lib/workers.ts): the parent calls
 * methods here over IPC, so the load never shares a process with the server
 * or with the runner that measures it.
 */
import { bareClaims, bareCount, bareInserts } from './bare-sql-methods.js';
import { closeEditors, openEditors, runEditors } from './editor-methods.js';
import { claimsRace, findingsLoad } from './load-methods.js';
import type { CallMessage, MethodName, ParamsOf, ReplyMessage, ResultOf } from './protocol.js';
import { back, closeScreens, drop, fanout, openScreens } from './screens-methods.js';
import { selfStats } from './self-stats.js';

type Methods = { [M in MethodName]: (params: ParamsOf<M>) => Promise<ResultOf<M>> | ResultOf<M> };

const methods: Methods = {
  'screens.open': openScreens,
  'screens.fanout': fanout,
  'screens.drop': drop,
  'screens.back': back,
  'screens.close': closeScreens,
  'claims.race': claimsRace,
  'findings.load': findingsLoad,
  'bare.claims': bareClaims,
  'bare.inserts': bareInserts,
  'bare.count': bareCount,
  'editors.open': openEditors,
  'editors.run': runEditors,
  'editors.close': closeEditors,
  'worker.stats': selfStats,
};

function reply(message: ReplyMessage): void {
  process.send?.(message);
}

process.on('message', (raw: unknown) => {
  const message = raw as CallMessage;
  const method = methods[message.method] as (params: unknown) => Promise<unknown> | unknown;
  Promise.resolve()
    .then(() => method(message.params))
    .then((result) => reply({ id: message.id, ok: true, result }))
    .catch((error: unknown) =>
      reply({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
});
// the parent going away ends the load
process.on('disconnect', () => process.exit(0));
