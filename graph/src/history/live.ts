import type { ManagedTransaction } from 'neo4j-driver';
import { referencedIds } from '../access/redaction.ts';
import type { ProjectMap } from '../map/project-map.ts';
import type { MapEcosystem, MapEdge, MapNode } from '../model/map-elements.ts';
import { withoutBrokenReferences } from '../reads/broken-references.ts';
import { ENTITY_FIELDS, entityRow, fromEntityRow } from '../reads/entity-rows.ts';
import { latestPerEntity, type ProjectState } from '../reads/project-state.ts';
import type { EntityRecord } from '../store/records.ts';
import { END_OF_TIME, toNeoDateTime } from '../time.ts';

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

/**
 * The latest state of a project after changes to the entities `changedIds`, from `state` (a
 * latest read: `readProjectState(tx, id, null)`, unredacted): only those entities are read again
 * (their open versions, and the actors they refer to), everything else is kept. The same state
 * as a whole read, in a read of a few rows: a live feed re-reads a large map at each edit
 * otherwise. Null when it cannot tell — the project or its territory changed, a reference does
 * not resolve (the whole read leaves such entities out and says so): read the whole state then.
 */
export async function refreshProjectState(
  tx: ManagedTransaction,
  state: ProjectState,
  changedIds: ReadonlySet<string>,
): Promise<ProjectState | null> {
  const projectId = state.project.id;
  if (changedIds.has(projectId) || changedIds.has(state.territory.id)) return null;
  if ((state.broken?.length ?? 0) > 0) return null;
  if (changedIds.size === 0) return { ...state, at: new Date() };
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Entity {id: id})-[:HAS_VERSION]->(v:Version) WHERE v.validTo = $end
     CALL (v) {
       MATCH (v)-[:REFERS_TO]->(a:Actor)-[:HAS_VERSION]->(av:Version) WHERE av.validTo = $end
       RETURN collect(${entityRow('a', 'av')}) AS actors
     }
     RETURN v.projectId AS versionProject, ${entityRow('e', 'v')} AS row, actors`,
    { ids: [...changedIds], end: toNeoDateTime(END_OF_TIME), fields: ENTITY_FIELDS },
  );
  /** The changed entities as they stand now (absent: ended). */
  const fresh = new Map<string, EntityRecord>();
  /** Actors the changed entities refer to, as they stand now. */
  const referred = new Map<string, EntityRecord>();
  for (const record of result.records) {
    const row = fromEntityRow(record.get('row') as unknown[]);
    // An entity of another project, or a version of this project for an entity of another: a whole read settles it.
    const versionProject = (record.get('versionProject') as string | null) ?? null;
    if (versionProject !== row.projectId) return null;
    const [kept] = latestPerEntity([...(fresh.has(row.id) ? [fresh.get(row.id)!] : []), row]);
    fresh.set(row.id, kept!);
    for (const actor of (record.get('actors') as unknown[][]).map(fromEntityRow)) {
      const [latest] = latestPerEntity([...(referred.has(actor.id) ? [referred.get(actor.id)!] : []), actor]);
      referred.set(actor.id, latest!);
    }
  }
  // The project's items: the unchanged ones kept, the changed ones as they stand now (if still of the project).
  const items: EntityRecord[] = [];
  const actorsBefore = new Map<string, EntityRecord>();
  for (const entity of state.entities) {
    if (entity.projectId === projectId) {
      if (!changedIds.has(entity.id)) items.push(entity);
    } else if (entity.type === 'Actor') actorsBefore.set(entity.id, entity);
    else return null; // neither an item nor an actor: not a state this function knows
  }
  // (A changed entity of another project is not this state's.)
  for (const record of fresh.values()) if (record.projectId === projectId) items.push(record);
  // The actors: those the items refer to (as the whole read follows REFERS_TO), each as it stands now.
  const actors = new Map<string, EntityRecord>();
  for (const item of items) {
    for (const id of referencedIds(item.type, item.values)) {
      if (actors.has(id)) continue;
      // A changed actor as it stands now (none: it ended); another as the changed entities or the state had it.
      const actor = changedIds.has(id) ? fresh.get(id) : (referred.get(id) ?? actorsBefore.get(id));
      if (actor?.type === 'Actor') actors.set(id, actor);
    }
  }
  const { entities, broken } = withoutBrokenReferences([...items, ...actors.values()], [state.project, state.territory]);
  if (broken.length > 0) return null;
  const byId = new Map<string, EntityRecord>([state.project, state.territory, ...entities].map((e) => [e.id, e]));
  return { at: new Date(), project: state.project, territory: state.territory, entities, byId, broken: [] };
}
