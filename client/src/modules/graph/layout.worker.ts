// The link chart's layout, off the main thread: the page stays responsive while thousands of nodes settle.
// A same-origin module worker (the page's CSP allows scripts from 'self' only, so no blob: workers).
import type { Graph as GraphData } from '@actionday/shared';
import { buildGraph, type Positions } from './graph.model';
import { layout } from './graph.layout';

/** What the page sends: the graph, the positions it has, and a number to match the answer to the request. */
export interface LayoutRequest {
  id: number;
  data: GraphData;
  previous: Positions;
}

/** The positions the layout found, for the request with the same `id`. */
export interface LayoutAnswer {
  id: number;
  positions: Positions;
}

/** The worker's own scope, typed for the two members used (the DOM and WebWorker libraries cannot both be on). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage: (message: LayoutAnswer) => void;
};

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, data, previous } = event.data;
  const graph = buildGraph(data, previous);
  const answer: LayoutAnswer = { id, positions: layout(graph, Object.keys(previous).length > 0) };
  scope.postMessage(answer);
};
