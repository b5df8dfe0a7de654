import type { MapEcosystem, MapEdge, MapNode, ProjectMapData } from '../map/types.ts';

/** One event of the `projectLive` subscription (api/schema/live.graphql), as JSON. */
export interface LiveEvent {
  projectId: string;
  kind: 'READY' | 'PATCH' | 'RESET';
  /** The server's read instant: the next connection's `since`. */
  at: string;
  nodes: MapNode[];
  edges: MapEdge[];
  removedIds: string[];
  ecosystems: MapEcosystem[] | null;
  perimeterOrder: string[] | null;
}

/** The subscription's document: the same element fields as the map query (PROJECT_VIEW). */
export const PROJECT_LIVE = `
  subscription ProjectLive($projectId: ID!, $hideConfidential: Boolean, $since: DateTime) {
    projectLive(projectId: $projectId, hideConfidential: $hideConfidential, since: $since) {
      projectId kind at removedIds perimeterOrder
      nodes { id kind label parent entityVersion data }
      edges { id kind source target label entityVersion data }
      ecosystems { id name memberIds perimeterId }
    }
  }
`;

/** Replaces changed elements in place (keeping the order and the unchanged objects), drops removed ones, appends new ones. */
function patchList<T extends { id: string }>(list: T[], changed: T[], removed: ReadonlySet<string>): T[] {
  if (changed.length === 0 && removed.size === 0) return list;
  const byId = new Map(changed.map((element) => [element.id, element]));
  const out: T[] = [];
  for (const element of list) {
    if (removed.has(element.id)) continue;
    const next = byId.get(element.id);
    out.push(next ?? element);
    byId.delete(element.id);
  }
  out.push(...byId.values());
  return out;
}

/**
 * The map after a live event: READY leaves it as it is; PATCH replaces, adds and removes only
 * the elements named (every other element keeps its object, so the canvas's in-place sync
 * leaves it alone); RESET takes the event's elements as the whole map. `asOf` becomes the
 * event's instant. Pure.
 */
export function applyLiveEvent(map: ProjectMapData, event: LiveEvent): ProjectMapData {
  if (event.kind === 'READY') return map;
  if (event.kind === 'RESET') {
    return {
      ...map,
      asOf: event.at,
      nodes: event.nodes,
      edges: event.edges,
      ecosystems: event.ecosystems ?? map.ecosystems,
      perimeterOrder: event.perimeterOrder ?? map.perimeterOrder,
    };
  }
  const removed = new Set(event.removedIds);
  return {
    ...map,
    asOf: event.at,
    nodes: patchList(map.nodes, event.nodes, removed),
    edges: patchList(map.edges, event.edges, removed),
    ecosystems: event.ecosystems ?? map.ecosystems,
    perimeterOrder: event.perimeterOrder ?? map.perimeterOrder,
  };
}
