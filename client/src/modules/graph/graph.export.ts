import type { Graph as GraphData } from '@actionday/shared';
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes, Positions } from './graph.model';
import { toGraphML } from './graphml';

/** Offers a blob as a download under a name (no server round trip: the viewer already holds the data). */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `actionday-graph-<operation>-<yyyy-mm-ddThh-mm>`: sortable, and says what and when. */
export function exportName(operationName: string, now = new Date()): string {
  const slug =
    operationName
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'operation';
  return `actionday-graph-${slug}-${now.toISOString().slice(0, 16).replace(':', '-')}`;
}

/** The chart as the viewer sees it, with the positions on screen. */
export function exportJson(data: GraphData, positions: Positions, name: string): void {
  const nodes = data.nodes.map((node) => ({ ...node, ...positions[node.id] }));
  save(new Blob([JSON.stringify({ nodes, edges: data.edges }, null, 2)], { type: 'application/json' }), `${name}.json`);
}

/** The chart as GraphML (see `graphml.ts`), with the positions on screen. */
export function exportGraphML(data: GraphData, positions: Positions, name: string): void {
  save(new Blob([toGraphML(data, positions)], { type: 'application/graphml+xml' }), `${name}.graphml`);
}

/** A picture of the chart on white (sigma's own snapshot helper redraws it off screen, labels included). */
export function exportPng(renderer: Sigma<NodeAttributes, EdgeAttributes>, name: string): Promise<void> {
  // the helper is typed for sigma's default attributes; it only reads the graph and settings it is given
  return downloadAsPNG(renderer as unknown as Sigma, { fileName: name, backgroundColor: '#ffffff' });
}
