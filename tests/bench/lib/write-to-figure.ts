import type { Tally } from '@actionday/shared';
import type { ApiClient } from '../clients/http.js';
import { Screen } from '../clients/screen.js';
import { epochMs } from './time.js';

const figureKey = 'identifiers_checked';
const valueOf = (tally: Tally) => tally.figures.find((figure) => figure.key === figureKey)?.value ?? 0;

/**
 * What one write costs the live figures: a coordinator's board is open
 * (socket joined), an identifier is logged, and the time runs until a
 * `tally:updated` push shows it. Samples one after another; NaN for a push
 * that never came within 30 s.
 */
export async function writeToFigureMs(
  coordinator: ApiClient,
  operationId: string,
  platformId: string,
  samples: number,
): Promise<number[]> {
  const screen = new Screen({ url: coordinator.baseUrl, cookie: coordinator.cookie, operationId });
  try {
    await screen.opened(30_000);
    let known = valueOf(await coordinator.call<Tally>('GET', `/api/operations/${operationId}/tallies`));
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const shown = new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          screen.socket.off('tally:updated', onTally);
          resolve(Number.NaN);
        }, 30_000);
        const onTally = (tally: Tally) => {
          if (tally.operationId !== operationId || valueOf(tally) <= known) return;
          clearTimeout(timer);
          screen.socket.off('tally:updated', onTally);
          known = valueOf(tally);
          resolve(epochMs());
        };
        screen.socket.on('tally:updated', onTally);
      });
      const sentAt = epochMs();
      await coordinator.call('POST', `/api/operations/${operationId}/findings`, {
        kind: 'identifier',
        platformId,
        identifierKind: 'username',
        value: `figure-probe-${Date.now()}-${i}`,
      });
      times.push((await shown) - sentAt);
    }
    return times;
  } finally {
    screen.close();
  }
}
