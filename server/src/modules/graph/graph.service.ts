import type { Graph, GraphEdge, GraphNode, Viewer } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import { liveFindings, viewOf } from '../findings/index.js';
import { listMatches } from '../matches/index.js';
import { platformNames } from '../platforms/index.js';

/** A short label for a finding node: what it is, never more than the viewer may see. */
function labelOf(view: NonNullable<ReturnType<typeof viewOf>>): string {
  if (view.redacted) return `${view.kind} (${view.country})`;
  if (view.kind === 'identifier') return view.value ?? 'identifier';
  if (view.kind === 'suspect') return view.aliases?.[0] ?? 'suspect';
  if (view.kind === 'offer') return (view.route ?? []).join(' → ') || 'offer';
  return view.reference ?? 'victim';
}

/**
 * The link chart as one viewer may see it: findings (suspects, identifiers, victims by their pseudonym), the
 * platforms and countries they were logged on and by, their links, and the matches their identifiers are in.
 * It is built from the same views as the lists (`viewOf`, `matchView`): a node the viewer could not open is
 * absent, not greyed out.
 */
export async function buildGraph(
  db: Db,
  viewer: Viewer,
  operationId: string,
  filter: { country?: string; tag?: string; kind?: string },
): Promise<Graph> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const edge = (source: string, target: string, kind: GraphEdge['kind']) => {
    const id = `${kind}:${source}:${target}`;
    edges.set(id, { id, source, target, kind });
  };
  const views = (await liveFindings(db, operationId))
    .map((row) => viewOf(row, viewer))
    .filter((v): v is NonNullable<typeof v> => v !== null)
    .filter((v) => !filter.country || v.country === filter.country)
    .filter((v) => !filter.kind || v.kind === filter.kind)
    .filter((v) => !filter.tag || (!v.redacted && v.tags.includes(filter.tag)));
  const names = await platformNames(
    db,
    views.map((v) => v.platformId),
  );
  const shown = new Set(views.map((v) => v.id));
  for (const view of views) {
    const id = `finding:${view.id}`;
    nodes.set(id, {
      id,
      kind: view.kind,
      label: labelOf(view),
      ref: view.id,
      country: view.country,
      tags: view.redacted ? [] : view.tags,
    });
    const platform = `platform:${view.platformId}`;
    if (!nodes.has(platform)) {
      nodes.set(platform, {
        id: platform,
        kind: 'platform',
        label: names.get(view.platformId) ?? 'platform',
        ref: view.platformId,
        country: null,
        tags: [],
      });
    }
    edge(id, platform, 'seen_on');
    const country = `country:${view.country}`;
    if (!nodes.has(country))
      nodes.set(country, {
        id: country,
        kind: 'country',
        label: view.country,
        ref: null,
        country: view.country,
        tags: [],
      });
    edge(id, country, 'logged_by');
    if (!view.redacted) for (const link of view.links) if (shown.has(link)) edge(id, `finding:${link}`, 'linked');
  }
  for (const match of await listMatches(db, viewer, operationId, {})) {
    const findingsIn = match.sightings.map((s) => s.findingId).filter((f): f is string => !!f && shown.has(f));
    if (findingsIn.length === 0) continue;
    const id = `match:${match.id}`;
    nodes.set(id, { id, kind: 'match', label: match.value ?? 'match', ref: match.id, country: null, tags: [] });
    for (const findingId of findingsIn) edge(`finding:${findingId}`, id, 'sighting');
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
