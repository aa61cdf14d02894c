import type { Graph as GraphData } from '@actionday/shared';
import { buildGraph, type Positions } from './graph.model';
import { layout } from './graph.layout';
import type { LayoutAnswer, LayoutRequest } from './layout.worker';

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, (positions: Positions) => void>();

/** The one layout worker of the tab, started on first use; null where workers cannot start (then the page lays out). */
function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      waiting.get(event.data.id)?.(event.data.positions);
      waiting.delete(event.data.id);
    };
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      // whatever was waiting is laid out on the page instead (see below)
      for (const resolve of waiting.values()) resolve({});
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * Positions for the chart from ForceAtlas2 with a bounded number of rounds, computed in a worker so the page
 * stays responsive; on the page itself where no worker can run. An empty answer means "keep what you have".
 */
export function runLayout(data: GraphData, previous: Positions): Promise<Positions> {
  const target = layoutWorker();
  if (!target) return Promise.resolve(layout(buildGraph(data, previous), Object.keys(previous).length > 0));
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    const request: LayoutRequest = { id, data, previous };
    target.postMessage(request);
  });
}
