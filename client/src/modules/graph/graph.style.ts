import type { GraphNode } from '@actionday/shared';

/** The kinds of node the server sends. */
export type NodeKind = GraphNode['kind'];

/** Every kind of node, in the legend's order. */
export const nodeKinds: readonly NodeKind[] = [
  'suspect',
  'identifier',
  'victim',
  'offer',
  'match',
  'platform',
  'country',
];

/**
 * One strong colour per kind, distinct on a washed-out projector and for the common colour blindness
 * (red/green never tell two kinds apart alone: sizes differ too, and the legend names each).
 */
export const kindColours: Readonly<Record<NodeKind, string>> = {
  suspect: '#c0262d',
  identifier: '#1d5fbf',
  victim: '#7b3fa0',
  offer: '#8a5a00',
  match: '#e07b00',
  platform: '#3d4a57',
  country: '#1f7a3d',
};

/** Hubs larger than leaves: a country or platform ties many findings together; a match is what analysts look for. */
export const kindSizes: Readonly<Record<NodeKind, number>> = {
  suspect: 7,
  identifier: 6,
  victim: 6,
  offer: 7,
  match: 9,
  platform: 9,
  country: 11,
};

/** Links in a quiet grey; a sighting (an identifier in a match) in the match's colour, thicker. */
export const edgeColour = '#9aa6b2';
export const sightingEdgeColour = '#e07b00';
