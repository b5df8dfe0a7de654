import type { ManagedTransaction } from 'neo4j-driver';
import type { ProjectMap } from '../map/project-map.ts';
import type { MapEcosystem, MapEdge, MapNode } from '../model/map-elements.ts';
import { toNeoDateTime } from '../time.ts';

/**
 * Live updates of a project's map (ADR 0010): what a wall needs to go from one map to the next
 * without a full re-sync, and whether the change log holds anything newer than what it shows.
 */

/**
 * How two maps of one project differ, element by element: what to add or replace (`nodes`,
 * `edges`: the later map's elements, whole), what to remove (`removedIds`: element ids of the
 * earlier map only), and the ecosystems and perimeter order when they changed (null: unchanged).
 */
export interface MapPatch {
  nodes: MapNode[];
  edges: MapEdge[];
  removedIds: string[];
  ecosystems: MapEcosystem[] | null;
  perimeterOrder: string[] | null;
}

/** An element's content as one comparable text (the map builder always writes keys in one order). */
function fingerprint(element: MapNode | MapEdge): string {
  return JSON.stringify(element);
}

/**
 * The patch from `before` to `after` (two maps of one project, as one reader receives them):
 * an element whose content is the same in both is left out, so the wall touches only what
 * changed. Pure; O(elements).
 */
export function diffProjectMaps(before: ProjectMap, after: ProjectMap): MapPatch {
  const old = new Map<string, string>();
  for (const element of [...before.nodes, ...before.edges]) old.set(element.id, fingerprint(element));
  const changed = <T extends MapNode | MapEdge>(list: T[]) =>
    list.filter((element) => old.get(element.id) !== fingerprint(element));
  const now = new Set([...after.nodes, ...after.edges].map((element) => element.id));
  const removedIds = [...old.keys()].filter((id) => !now.has(id));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return {
    nodes: changed(after.nodes),
    edges: changed(after.edges),
    removedIds,
    ecosystems: same(before.ecosystems, after.ecosystems) ? null : after.ecosystems,
    perimeterOrder: same(before.perimeterOrder, after.perimeterOrder) ? null : after.perimeterOrder,
  };
}

/** Whether a patch changes nothing. */
export function isEmptyPatch(patch: MapPatch): boolean {
  return (
    patch.nodes.length === 0 &&
    patch.edges.length === 0 &&
    patch.removedIds.length === 0 &&
    patch.ecosystems === null &&
    patch.perimeterOrder === null
  );
}

/**
 * Whether the change log holds a change recorded after `since` that may touch the project's
 * map: a change of the project, or of its territory's own entities (an actor renamed). One
 * indexed read (Change by territory and recordedAt); stops at the first row. Says nothing of
 * what changed: the caller sends the reader's redacted map, never the change.
 */
export async function changedSince(
  tx: ManagedTransaction,
  scope: { projectId: string; territoryId: string },
  since: Date,
): Promise<boolean> {
  const result = await tx.run(
    `MATCH (c:Change)
     WHERE c.territoryId = $territoryId AND c.recordedAt > $since
       AND (c.projectId IS NULL OR c.projectId = $projectId)
     RETURN c.id AS id LIMIT 1`,
    { territoryId: scope.territoryId, projectId: scope.projectId, since: toNeoDateTime(since) },
  );
  return result.records.length > 0;
}
