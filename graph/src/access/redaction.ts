import { ENTITIES, referenceFields } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import type { FieldValue, FieldValues } from '../model/validation.ts';
import type { ProjectState } from '../reads/project-state.ts';
import type { ChangeRecord, EntityRecord } from '../store/records.ts';
import { canSeeConfidential } from './policy.ts';
import type { Principal } from './principal.ts';

/**
 * Confidentiality redaction, applied where data leaves the domain for a principal who may not
 * see confidential items (canSeeConfidential is false). Pure functions; ADR 0004 says why each
 * piece goes.
 *
 * Hidden entities: an entity whose `confidential` field is true (today objectives and
 * conflicts), and — transitively — every entity that refers to a hidden one (positions,
 * convergences, conflicts and externalities on a confidential objective). Actors that remain in
 * a state only because a hidden entity referred to them go too.
 *
 * Hidden fields: the notes and descriptions that may carry confidential text on every entity
 * that stays (CONFIDENTIAL_BEARING_FIELDS), plus the `confidential` flag's history in the change
 * log. Maps, lists, analyses and diffs computed from a redacted state cannot leak, because
 * they never receive what was removed.
 */

/**
 * Fields that may carry confidential text and are withheld on every entity, confidential or
 * not: what the workshop mode of the map already hid (graph/src/map/project-map.ts).
 */
export const CONFIDENTIAL_BEARING_FIELDS: Readonly<Partial<Record<EntityType, readonly string[]>>> = {
  Objective: ['description'],
  Position: ['note'],
  Convergence: ['note'],
  Conflict: ['note', 'arbitration'],
};

/** The field that marks an entity confidential (see model/entities.ts). */
export const CONFIDENTIAL_FIELD = 'confidential';

/** What the closure needs to know about one entity: whether it is confidential and what it refers to. */
export interface ConfidentialityNode {
  id: string;
  confidential: boolean;
  /** Ids of the entities its reference fields name. */
  refs: readonly string[];
}

/** The ids an entity's reference fields name (single and list references), from its values. */
export function referencedIds(type: EntityType, values: FieldValues): string[] {
  const spec = ENTITIES[type];
  if (!spec) return [];
  const ids: string[] = [];
  for (const [name] of referenceFields(spec)) {
    const value = values[name];
    if (typeof value === 'string') ids.push(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') ids.push(item);
  }
  return ids;
}

export function confidentialityNode(entity: Pick<EntityRecord, 'id' | 'type' | 'values'>): ConfidentialityNode {
  return {
    id: entity.id,
    confidential: entity.values[CONFIDENTIAL_FIELD] === true,
    refs: referencedIds(entity.type, entity.values),
  };
}

/**
 * Pure: the ids of the confidential entities among `nodes` plus `alsoHide`, closed under
 * "refers to a hidden entity". Linear in the number of references per pass; the passes stop
 * when nothing changes (two today: objective → conflict/position).
 */
export function hiddenEntityIds(nodes: Iterable<ConfidentialityNode>, alsoHide: Iterable<string> = []): Set<string> {
  const list = [...nodes];
  const hidden = new Set<string>(alsoHide);
  for (const node of list) if (node.confidential) hidden.add(node.id);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of list) {
      if (hidden.has(node.id)) continue;
      if (node.refs.some((ref) => hidden.has(ref))) {
        hidden.add(node.id);
        grew = true;
      }
    }
  }
  return hidden;
}

export interface RedactOptions {
  /** True when the reader may see confidential items: the state is returned unchanged. */
  confidential: boolean;
  /**
   * Ids to hide besides those confidential in this state: the ids hidden in the project's
   * latest versions (readHiddenEntityIds), so that reading the map at a past date, when an
   * item was not yet confidential, does not reveal it.
   */
  alsoHide?: Iterable<string>;
}

function withoutBearingFields(entity: EntityRecord): EntityRecord {
  const fields = CONFIDENTIAL_BEARING_FIELDS[entity.type];
  if (!fields || fields.length === 0) return entity;
  const values: FieldValues = { ...entity.values };
  for (const field of fields) if (field in values) values[field] = null;
  return { ...entity, values };
}

/**
 * Pure: the project state a reader who may not see confidential items is allowed to receive.
 * Shape unchanged (a ProjectState, `byId` rebuilt), so every presenter and analysis runs on it
 * as on a full state. Hidden entities are removed, confidential-bearing fields set to null,
 * actors only a hidden entity referred to are removed. The input is not modified.
 */
export function redactProjectState(state: ProjectState, options: RedactOptions): ProjectState {
  if (options.confidential) return state;
  const hidden = hiddenEntityIds(state.entities.map(confidentialityNode), options.alsoHide);
  const kept = state.entities.filter((entity) => !hidden.has(entity.id)).map(withoutBearingFields);
  const stillReferred = new Set<string>();
  for (const entity of kept) for (const id of referencedIds(entity.type, entity.values)) stillReferred.add(id);
  const entities = kept.filter((entity) => entity.type !== 'Actor' || stillReferred.has(entity.id));
  const byId = new Map<string, EntityRecord>([state.project, state.territory, ...entities].map((e) => [e.id, e]));
  const redacted: ProjectState = { ...state, entities, byId };
  // The references a read could not follow name entities too: keep only those between visible ones.
  if (state.broken) redacted.broken = state.broken.filter((b) => byId.has(b.entityId) && !hidden.has(b.targetId));
  return redacted;
}

/**
 * Pure: the same redaction over several states of one project read together (a diff's two
 * dates, the review's now and `since`), hiding in each what is hidden in any of them — so an
 * item made confidential between the two dates does not appear as "ended".
 */
export function redactProjectStates(states: readonly ProjectState[], options: RedactOptions): ProjectState[] {
  if (options.confidential) return [...states];
  const hidden = new Set<string>(options.alsoHide ?? []);
  for (const state of states) for (const id of hiddenEntityIds(state.entities.map(confidentialityNode))) hidden.add(id);
  return states.map((state) => redactProjectState(state, { confidential: false, alsoHide: hidden }));
}

function mentions(value: FieldValue | undefined, hidden: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return hidden.has(value);
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && hidden.has(item));
  return false;
}

/**
 * Pure: the change log records a reader who may not see confidential items is allowed to
 * receive. `hiddenIds`: the entities hidden in the project's latest versions, ended ones
 * included (readHiddenEntityIds).
 *
 * - Changes of a hidden entity are dropped, whatever they did (its creation, the change that
 *   made it confidential, its end).
 * - On the other changes, the confidential-bearing fields, the `confidential` flag, and any
 *   field whose before or after value names a hidden entity are removed from `fields`,
 *   `before` and `after`; `title` is nulled when the entity's title is such a field (a
 *   conflict's note). An UPDATE left with no field is dropped: it only touched hidden things
 *   (made an item un-confidential, edited a note) and its mere presence would say so.
 * - `causeId` and `revertOf` pointing at a dropped change become null.
 * Order is kept; the input is not modified.
 */
export function redactChanges(changes: readonly ChangeRecord[], hiddenIds: ReadonlySet<string>): ChangeRecord[] {
  const dropped = new Set<string>();
  const kept: ChangeRecord[] = [];
  for (const change of changes) {
    if (hiddenIds.has(change.entityId)) {
      dropped.add(change.id);
      continue;
    }
    const withheld = new Set<string>([CONFIDENTIAL_FIELD, ...(CONFIDENTIAL_BEARING_FIELDS[change.entityType] ?? [])]);
    for (const [field, value] of [...Object.entries(change.before), ...Object.entries(change.after)]) {
      if (mentions(value, hiddenIds)) withheld.add(field);
    }
    const strip = (values: FieldValues): FieldValues =>
      Object.fromEntries(Object.entries(values).filter(([field]) => !withheld.has(field)));
    const fields = change.fields.filter((field) => !withheld.has(field));
    if (change.op === 'UPDATE' && fields.length === 0) {
      dropped.add(change.id);
      continue;
    }
    const titleField = ENTITIES[change.entityType]?.titleField;
    kept.push({
      ...change,
      fields,
      before: strip(change.before),
      after: strip(change.after),
      title: titleField && withheld.has(titleField) ? null : change.title,
    });
  }
  return kept.map((change) => ({
    ...change,
    causeId: change.causeId && dropped.has(change.causeId) ? null : change.causeId,
    revertOf: change.revertOf && dropped.has(change.revertOf) ? null : change.revertOf,
  }));
}

/**
 * Who a read is for. `confidential: false` asks for the version without confidential items
 * even when the principal may see them (the review's « sans éléments confidentiels »); absent
 * or true means "include them if I may".
 */
export interface Reader {
  principal: Principal;
  confidential?: boolean | null;
}

/** The project a state or a change log belongs to, as canSeeConfidential needs it. */
export interface ProjectScope {
  projectId: string;
  territoryId: string;
}

/** The scope of a state read: its project and the project's territory. */
export function scopeOfState(state: Pick<ProjectState, 'project' | 'territory'>): ProjectScope {
  return { projectId: state.project.id, territoryId: state.territory.id };
}

/**
 * Pure: does this reader receive the project's confidential items? Their right
 * (canSeeConfidential) and their wish. For a principal alone, resources.ts has
 * visibleProjectState and visibleChanges.
 */
export function readsConfidential(reader: Reader, project: ProjectScope): boolean {
  return reader.confidential !== false && canSeeConfidential(reader.principal, project);
}
