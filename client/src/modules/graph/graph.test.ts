import type { Graph as GraphData } from '@actionday/shared';
import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { buildGraph, positionsOf, targetOf } from './graph.model';
import { layout } from './graph.layout';
import { toGraphML } from './graphml';

const data: GraphData = {
  nodes: [
    {
      id: 'finding:f1',
      kind: 'identifier',
      label: 'telegram:katya & <co> "99"',
      ref: 'f1',
      country: 'NL',
      tags: ['ukraine'],
    },
    { id: 'finding:f2', kind: 'identifier', label: 't.me/katya\u0007', ref: 'f2', country: 'DE', tags: [] },
    { id: 'platform:p1', kind: 'platform', label: 'Quick Jobs Board', ref: 'p1', country: null, tags: [] },
    { id: 'platform:p2', kind: 'platform', label: 't.me', ref: 'p2', country: null, tags: [] },
    { id: 'country:NL', kind: 'country', label: 'NL', ref: null, country: 'NL', tags: [] },
    { id: 'match:m1', kind: 'match', label: 'telegram:katya', ref: 'm1', country: null, tags: [] },
  ],
  edges: [
    { id: 'seen_on:finding:f1:platform:p1', source: 'finding:f1', target: 'platform:p1', kind: 'seen_on' },
    { id: 'seen_on:finding:f2:platform:p2', source: 'finding:f2', target: 'platform:p2', kind: 'seen_on' },
    { id: 'logged_by:finding:f1:country:NL', source: 'finding:f1', target: 'country:NL', kind: 'logged_by' },
    { id: 'sighting:finding:f1:match:m1', source: 'finding:f1', target: 'match:m1', kind: 'sighting' },
    { id: 'sighting:finding:f2:match:m1', source: 'finding:f2', target: 'match:m1', kind: 'sighting' },
  ],
};

describe('the link chart', () => {
  it('exports GraphML that a GraphML reader reads back whole, with awkward labels intact', () => {
    const graph = buildGraph(data);
    const xml = toGraphML(data, positionsOf(graph));
    const read = parse(Graph, xml);
    expect(read.order).toBe(6);
    expect(read.size).toBe(5);
    expect(read.getNodeAttribute('finding:f1', 'label')).toBe('telegram:katya & <co> "99"');
    expect(read.getNodeAttribute('finding:f1', 'tags')).toBe('ukraine');
    expect(read.getNodeAttribute('finding:f2', 'label')).toBe('t.me/katya\uFFFD');
    expect(read.getNodeAttribute('match:m1', 'kind')).toBe('match');
    expect(typeof read.getNodeAttribute('match:m1', 'x')).toBe('number');
    expect(read.getEdgeAttribute('sighting:finding:f2:match:m1', 'kind')).toBe('sighting');
  });

  it('opens a finding on its platform, a match on its card, and filters on a country', () => {
    const node = (id: string) => {
      const found = data.nodes.find((n) => n.id === id);
      if (!found) throw new Error(id);
      return found;
    };
    expect(targetOf(data, node('finding:f2'))).toEqual({ kind: 'platform', platformId: 'p2' });
    expect(targetOf(data, node('match:m1'))).toEqual({ kind: 'match', matchId: 'm1' });
    expect(targetOf(data, node('platform:p1'))).toEqual({ kind: 'platform', platformId: 'p1' });
    expect(targetOf(data, node('country:NL'))).toEqual({ kind: 'country', country: 'NL' });
  });

  it('keeps known positions when the chart is read again, and lays out a new node beside its neighbours', () => {
    const first = buildGraph(data);
    const laid = layout(first, false);
    expect(Object.keys(laid).sort()).toEqual(data.nodes.map((n) => n.id).sort());
    const grown: GraphData = {
      nodes: [...data.nodes, { id: 'finding:f3', kind: 'suspect', label: 'Ivan', ref: 'f3', country: 'NL', tags: [] }],
      edges: [
        ...data.edges,
        { id: 'seen_on:finding:f3:platform:p1', source: 'finding:f3', target: 'platform:p1', kind: 'seen_on' },
      ],
    };
    const again = buildGraph(grown, laid);
    expect(again.getNodeAttributes('match:m1')).toMatchObject(laid['match:m1'] ?? {});
    const p1 = laid['platform:p1'] ?? { x: 0, y: 0 };
    const f3 = again.getNodeAttributes('finding:f3');
    expect(Math.hypot(f3.x - p1.x, f3.y - p1.y)).toBeLessThan(2);
  });
});
