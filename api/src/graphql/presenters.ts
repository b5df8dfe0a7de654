import {
  getEntity,
  isoOrOpen,
  readMomentOf,
  type ChangedEntity,
  type EngagementChange,
  type EntityRecord,
  type Graph,
  type ProjectDiff,
  type ProjectState,
  type ValueMove,
} from '@trame/graph';

/** Finds a referenced entity as of the view's date. */
export type Lookup = (id: string) => Promise<EntityRecord | null> | EntityRecord | null;

/**
 * What an entity resolver receives: the record, the date it was read at, and how to follow
 * its references at that same date (from the project state already read, or from the graph).
 */
export interface EntityView {
  record: EntityRecord;
  asOf: Date;
  lookup: Lookup;
  /** Set on a project read: its content, already fetched in one round trip. */
  state?: ProjectState;
  /** Read as the latest state rather than at a past instant (see ReadMoment). */
  latest?: boolean;
}

export interface DiffView {
  diff: ProjectDiff;
  before: ProjectState;
  after: ProjectState;
}
export interface EntityChangeView {
  change: ChangedEntity;
  view: EntityView;
}
export interface EngagementChangeView {
  change: EngagementChange;
  actor: EntityView;
}
export interface MoveView {
  move: ValueMove;
  view: EntityView;
}

export function stateLookup(state: ProjectState): Lookup {
  return (id) => state.byId.get(id) ?? null;
}

/** Latest state of referenced entities, cached for one request. */
export function latestLookup(graph: Graph): Lookup {
  const cache = new Map<string, Promise<EntityRecord | null>>();
  return (id) => {
    let found = cache.get(id);
    if (!found) {
      found = graph.read((tx) => getEntity(tx, id));
      cache.set(id, found);
    }
    return found;
  };
}

export function viewOf(record: EntityRecord, asOf: Date | null, lookup: Lookup, state?: ProjectState): EntityView {
  const view: EntityView = { record, asOf: asOf ?? new Date(), lookup, latest: asOf === null };
  if (state) view.state = state;
  return view;
}

export function stateView(state: ProjectState, record: EntityRecord, latest: boolean): EntityView {
  return { ...viewOf(record, state.at, stateLookup(state), state), latest };
}

/** A read date from the API: none, or not in the past, means the latest state. */
export function readMoment(asOf: Date | null | undefined): Date | null {
  return readMomentOf(asOf);
}

/** A plain JSON picture of an entity, for error extensions (VERSION_CONFLICT's current state). */
export function plainEntity(record: EntityRecord): Record<string, unknown> {
  return {
    __typename: record.type,
    id: record.id,
    version: record.version,
    validFrom: record.validFrom.toISOString(),
    validTo: isoOrOpen(record.validTo),
    versionFrom: record.versionFrom.toISOString(),
    recordedAt: record.recordedAt.toISOString(),
    ...record.values,
  };
}
