import type { Graph as GraphData, GraphNode } from '@actionday/shared';
import Graph from 'graphology';
import { edgeColour, kindColours, kindSizes, sightingEdgeColour } from './graph.style';

/** Node attributes sigma draws, plus what a click needs to open the record. */
export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: GraphNode['kind'];
  ref: string | null;
  country: string | null;
}

/** Edge attributes sigma draws, and the kind of link for the exports. */
export interface EdgeAttributes {
  size: number;
  color: string;
  kind: string;
}

/** Where each node is, by node id. */
export type Positions = Record<string, { x: number; y: number }>;

/** The chart's graphology graph. */
export type LinkGraph = Graph<NodeAttributes, EdgeAttributes>;

/** A stable number in [0, 1) from a string, so a node without a position starts at the same place every time. */
function unit(text: string, salt: number): number {
  let hash = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return ((hash >>> 0) % 100_000) / 100_000;
}

/**
 * The chart's graph from the server's answer. Nodes keep the positions they had (the picture grows instead
 * of reshuffling when it is read again); a new node starts beside a neighbour that has one, else at a place
 * derived from its id.
 */
export function buildGraph(data: GraphData, previous: Positions = {}): LinkGraph {
  const graph: LinkGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const neighbours = new Map<string, string[]>();
  for (const edge of data.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  for (const node of data.nodes) {
    const known = previous[node.id];
    const anchor = known ? undefined : (neighbours.get(node.id) ?? []).map((id) => previous[id]).find(Boolean);
    const position = known ?? {
      x: (anchor?.x ?? 0) + (unit(node.id, 1) - 0.5) * (anchor ? 2 : 100),
      y: (anchor?.y ?? 0) + (unit(node.id, 2) - 0.5) * (anchor ? 2 : 100),
    };
    graph.addNode(node.id, {
      ...position,
      size: kindSizes[node.kind],
      color: kindColours[node.kind],
      label: node.label,
      kind: node.kind,
      ref: node.ref,
      country: node.country,
    });
  }
  for (const edge of data.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || graph.hasEdge(edge.source, edge.target)) continue;
    graph.addEdgeWithKey(edge.id, edge.source, edge.target, {
      size: edge.kind === 'sighting' ? 2.5 : 1,
      color: edge.kind === 'sighting' ? sightingEdgeColour : edgeColour,
      kind: edge.kind,
    });
  }
  return graph;
}

/** The positions of every node, to keep across a new answer and to send to the layout. */
export function positionsOf(graph: LinkGraph): Positions {
  const out: Positions = {};
  graph.forEachNode((id, attributes) => {
    out[id] = { x: attributes.x, y: attributes.y };
  });
  return out;
}

/** The platform a finding was seen on (its `seen_on` edge): where a click on the finding leads. */
export function platformOf(data: GraphData, nodeId: string): string | null {
  const edge = data.edges.find((e) => e.kind === 'seen_on' && (e.source === nodeId || e.target === nodeId));
  if (!edge) return null;
  const other = edge.source === nodeId ? edge.target : edge.source;
  return data.nodes.find((n) => n.id === other)?.ref ?? null;
}

/** Where a click on a node leads: a finding to its platform on the board, a match to its card, a platform to the board. */
export type NodeTarget =
  | { kind: 'platform'; platformId: string }
  | { kind: 'match'; matchId: string }
  | { kind: 'country'; country: string }
  | null;

/** Where a click on this node leads (null: nowhere the viewer may go). */
export function targetOf(data: GraphData, node: GraphNode): NodeTarget {
  if (node.kind === 'match') return node.ref ? { kind: 'match', matchId: node.ref } : null;
  if (node.kind === 'platform') return node.ref ? { kind: 'platform', platformId: node.ref } : null;
  if (node.kind === 'country') return node.country ? { kind: 'country', country: node.country } : null;
  const platformId = platformOf(data, node.id);
  return platformId ? { kind: 'platform', platformId } : null;
}
