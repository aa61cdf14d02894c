import type { Graph as GraphData } from '@actionday/shared';
import type { Positions } from './graph.model';

/** Characters XML 1.0 cannot hold at all (control characters other than tab, newline, return; lone surrogates). */
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an XML element or a double-quoted attribute. */
export function xmlText(value: string): string {
  return value
    .replace(notXml, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const nodeKeys = [
  ['label', 'string'],
  ['kind', 'string'],
  ['ref', 'string'],
  ['country', 'string'],
  ['tags', 'string'],
  ['x', 'double'],
  ['y', 'double'],
] as const;

/**
 * The link chart as GraphML, for Gephi, yEd or i2-style tools. Written here: graphology-graphml (the maintained
 * GraphML package) only parses. Nodes carry label, kind, the record they stand for, country, tags and the
 * position on screen; edges their kind.
 */
export function toGraphML(data: GraphData, positions: Positions = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    '  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <graph id="actionday" edgedefault="undirected">',
  ];
  for (const node of data.nodes) {
    const at = positions[node.id];
    const values: Record<(typeof nodeKeys)[number][0], string | number | null> = {
      label: node.label,
      kind: node.kind,
      ref: node.ref,
      country: node.country,
      tags: node.tags.length > 0 ? node.tags.join(',') : null,
      x: at?.x ?? null,
      y: at?.y ?? null,
    };
    lines.push(`    <node id="${xmlText(node.id)}">`);
    for (const [name] of nodeKeys) {
      const value = values[name];
      if (value !== null) lines.push(`      <data key="n_${name}">${xmlText(String(value))}</data>`);
    }
    lines.push('    </node>');
  }
  for (const edge of data.edges) {
    lines.push(
      `    <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}"><data key="e_kind">${xmlText(edge.kind)}</data></edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
