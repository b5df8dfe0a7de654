import type { EntityType } from '../../model/enums.ts';
import type { FieldValues } from '../../model/validation.ts';
import type { ProjectState } from '../../reads/project-state.ts';

/**
 * One version of an entity over [from, to) (valid time, ISO instants; `to` null: open). Its
 * values are absent when read from the database: the writers need the spans only (GEXF spells,
 * GraphML start/end), and a past value never leaves the server that way.
 */
export interface SnapshotVersion {
  from: string;
  to: string | null;
  values?: FieldValues;
}

export interface SnapshotEntity {
  id: string;
  type: EntityType;
  /** When the entity began and ended (ISO instants; `validTo` null: still valid). */
  validFrom: string;
  validTo: string | null;
  /** Its values at the snapshot's date. */
  values: FieldValues;
  /** Its versions in time order, for the GEXF timeline; absent: `values` over the whole span. */
  history?: SnapshotVersion[];
}

/**
 * A project as the exporters take it: plain data, no driver, no Map. Close to what
 * `readProjectState` returns (see `snapshotFromState`), plus what a timeline and a drawing need.
 */
export interface ProjectSnapshot {
  /** The date the project is exported as of (ISO instant). */
  at: string;
  territory: { id: string; name: string };
  project: { id: string; name: string; description: string | null };
  /** The project's entities valid at `at`, and the actors they involve. */
  entities: SnapshotEntity[];
  /** Map positions by entity id (the project's saved layout), for GEXF, GraphML and .cyjs. */
  layout?: Record<string, { x: number; y: number }>;
}

/** validTo at or after the store's end of time (9999-12-31) means still valid. */
const OPEN_FROM = Date.UTC(9999, 0, 1);

const openOrIso = (date: Date) => (date.getTime() >= OPEN_FROM ? null : date.toISOString());

/**
 * The snapshot of a project state read from the database. History is not in a ProjectState:
 * pass `history` (entity id → versions, from the change log) to give the timeline its spells.
 */
export function snapshotFromState(
  state: ProjectState,
  extra: { layout?: ProjectSnapshot['layout']; history?: Record<string, SnapshotVersion[]> } = {},
): ProjectSnapshot {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    at: state.at.toISOString(),
    territory: { id: state.territory.id, name: text(state.territory.values.name) ?? state.territory.id },
    project: {
      id: state.project.id,
      name: text(state.project.values.name) ?? state.project.id,
      description: text(state.project.values.description),
    },
    entities: state.entities.map((record) => {
      const history = extra.history?.[record.id];
      return {
        id: record.id,
        type: record.type,
        validFrom: record.validFrom.toISOString(),
        validTo: openOrIso(record.validTo),
        values: { ...record.values },
        ...(history ? { history } : {}),
      };
    }),
    ...(extra.layout ? { layout: extra.layout } : {}),
  };
}

/** The entities of a snapshot by type, in a stable order (by id). */
export function entitiesOf(snapshot: ProjectSnapshot, type: EntityType): SnapshotEntity[] {
  return snapshot.entities.filter((e) => e.type === type).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Entities by id, per entities array (rebuilt when its length changes): names are looked up per reference. */
const byIdCache = new WeakMap<readonly SnapshotEntity[], { size: number; byId: Map<string, SnapshotEntity> }>();

function entityById(snapshot: ProjectSnapshot, id: string): SnapshotEntity | undefined {
  let cached = byIdCache.get(snapshot.entities);
  if (!cached || cached.size !== snapshot.entities.length) {
    cached = { size: snapshot.entities.length, byId: new Map(snapshot.entities.map((e) => [e.id, e])) };
    byIdCache.set(snapshot.entities, cached);
  }
  return cached.byId.get(id);
}

/** How an entity is named in a file: its title field, or its id. */
export function titleOf(snapshot: ProjectSnapshot, id: string): string {
  const entity = entityById(snapshot, id);
  if (!entity) return id;
  const title = entity.type === 'Objective' ? entity.values.title : entity.values.name;
  return typeof title === 'string' ? title : id;
}
