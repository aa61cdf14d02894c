import type { Graph as GraphData, GraphNode } from '@actionday/shared';
import Graph from 'graphology';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma from 'sigma';
import { Notice } from '../../app/ui/Notice';
import { buildGraph, type EdgeAttributes, type LinkGraph, type NodeAttributes, type Positions } from './graph.model';
import styles from './GraphPage.module.css';
import { runLayout } from './layout.client';

export interface GraphCanvasProps {
  data: GraphData;
  onOpen: (node: GraphNode) => void;
  /** The renderer, once it exists (for the PNG export), and the positions after each layout. */
  onReady: (renderer: Sigma<NodeAttributes, EdgeAttributes>, positions: () => Positions) => void;
}

/** Up to this many nodes, the canvas lists where each node is drawn (`data-points`), for tests and tools. */
const POINTS_UP_TO = 300;

type State = 'laying-out' | 'ready' | 'unsupported';

/**
 * The chart itself: sigma.js draws the graph with WebGL (thousands of nodes stay smooth), the layout runs in
 * a worker, and a new answer keeps the old positions so the picture grows rather than jumps. Hovering a node
 * dims what is not linked to it; a click opens its record.
 */
export function GraphCanvas({ data, onOpen, onReady }: GraphCanvasProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const positions = useRef<Positions>({});
  const nodes = useRef(new Map<string, GraphNode>());
  const open = useRef(onOpen);
  open.current = onOpen;
  const ready = useRef(onReady);
  ready.current = onReady;
  const [state, setState] = useState<State>('laying-out');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let sigma: Sigma<NodeAttributes, EdgeAttributes>;
    try {
      sigma = new Sigma<NodeAttributes, EdgeAttributes>(new Graph(), element, {
        labelSize: 15,
        labelWeight: '600',
        labelColor: { color: '#13202d' },
        labelRenderedSizeThreshold: 5,
        zIndex: true,
        minCameraRatio: 0.03,
        maxCameraRatio: 8,
        allowInvalidContainer: true,
      });
    } catch {
      setState('unsupported');
      return;
    }
    renderer.current = sigma;
    let hovered: string | null = null;
    sigma.setSetting('nodeReducer', (node, attributes) => {
      if (!hovered || node === hovered || sigma.getGraph().areNeighbors(node, hovered)) return attributes;
      return { ...attributes, color: '#d5dbe1', label: '' };
    });
    sigma.setSetting('edgeReducer', (edge, attributes) => {
      if (!hovered || sigma.getGraph().hasExtremity(edge, hovered)) return attributes;
      return { ...attributes, hidden: true };
    });
    sigma.on('enterNode', ({ node }) => {
      hovered = node;
      element.style.cursor = 'pointer';
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on('leaveNode', () => {
      hovered = null;
      element.style.cursor = '';
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on('clickNode', ({ node }) => {
      const found = nodes.current.get(node);
      if (found) open.current(found);
    });
    // where each node is on screen, after the picture settles (a camera move changes it)
    let pending: ReturnType<typeof setTimeout> | null = null;
    sigma.on('afterRender', () => {
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = null;
        const graph = sigma.getGraph();
        if (graph.order > POINTS_UP_TO) return element.removeAttribute('data-points');
        const points: Record<string, [number, number]> = {};
        graph.forEachNode((id, a) => {
          const at = sigma.graphToViewport({ x: a.x, y: a.y });
          points[id] = [Math.round(at.x), Math.round(at.y)];
        });
        element.dataset.points = JSON.stringify(points);
      }, 150);
    });
    ready.current(sigma, () => positions.current);
    return () => {
      if (pending) clearTimeout(pending);
      sigma.kill();
      renderer.current = null;
    };
  }, []);

  useEffect(() => {
    const sigma = renderer.current;
    if (!sigma) return;
    let current = true;
    nodes.current = new Map(data.nodes.map((n) => [n.id, n]));
    const first = Object.keys(positions.current).length === 0;
    const graph: LinkGraph = buildGraph(data, positions.current);
    sigma.setGraph(graph);
    setState('laying-out');
    void runLayout(data, first ? {} : positions.current).then((laid) => {
      if (!current) return;
      graph.updateEachNodeAttributes((id, attributes) => ({ ...attributes, ...laid[id] }));
      const next: Positions = {};
      graph.forEachNode((id, a) => {
        next[id] = { x: a.x, y: a.y };
      });
      positions.current = next;
      sigma.refresh();
      if (first) void sigma.getCamera().animatedReset({ duration: 200 });
      setState('ready');
    });
    return () => {
      current = false;
    };
  }, [data]);

  if (state === 'unsupported') return <Notice tone="error">{t('graph.unsupported')}</Notice>;
  return (
    <div
      ref={container}
      className={styles.canvas}
      data-testid="graph-canvas"
      data-state={state}
      data-nodes={data.nodes.length}
      data-edges={data.edges.length}
      role="img"
      aria-label={t('graph.canvasLabel', { nodes: data.nodes.length, edges: data.edges.length })}
    />
  );
}
