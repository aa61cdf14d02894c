import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LinkGraph, Positions } from './graph.model';

/**
 * How many ForceAtlas2 rounds a graph of this size gets: enough to untangle it, bounded so a chart of
 * thousands of nodes is laid out in about a second on a laptop (Barnes–Hut above a few hundred nodes).
 */
export function iterationsFor(order: number): number {
  if (order <= 200) return 400;
  if (order <= 1000) return 150;
  return 60;
}

/**
 * Lays out the graph from its current positions and answers the new ones. A graph read again starts from the
 * old picture, so fewer rounds keep it where people saw it.
 */
export function layout(graph: LinkGraph, again: boolean): Positions {
  if (graph.order === 0) return {};
  const settings = forceAtlas2.inferSettings(graph);
  const iterations = Math.round(iterationsFor(graph.order) / (again ? 3 : 1));
  return forceAtlas2(graph, {
    iterations,
    settings: { ...settings, barnesHutOptimize: graph.order > 300, adjustSizes: false },
  });
}
