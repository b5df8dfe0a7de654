import { DomainError } from '../errors.ts';
import { frenchDay } from '../model/dates.ts';
import { entitySpec, referenceFields, type EntitySpec } from '../model/entities.ts';
import type { ChangeOp, EntityType } from '../model/enums.ts';
import type { FieldValue, FieldValues } from '../model/validation.ts';
import { END_OF_TIME } from '../time.ts';
import type { ChangeRecord } from './records.ts';

/**
 * The rules of a write, pure: what the domain commands (`commands.ts`, against the graph) and
 * the bulk planner (`bulk.ts`, in memory) both apply, so that they accept the same operations,
 * refuse them with the same errors and write the same graph. Nothing here reads or writes Neo4j:
 * callers look the referenced entities up their own way and hand them in.
 */

/** Lets a change be dated a little ahead of the server clock (time zones, clock skew). */
export const FUTURE_TOLERANCE_MS = 36 * 3600 * 1000;

/** The same field value (lists compared in order; absent = null). */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The entity's title, as the change log shows it. */
export function titleOf(spec: EntitySpec, values: FieldValues): string | null {
  const value = values[spec.titleField];
  return value === null || value === undefined ? null : String(value);
}

/** True while the entity's validity is open (it has not ended). */
export function isOpenUntil(validTo: Date): boolean {
  return validTo.getTime() >= END_OF_TIME.getTime();
}

/** The change's valid time, refused when too far ahead of `now` (DATE_IN_FUTURE). */
export function checkNotInFuture(at: Date, now: Date): Date {
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError('DATE_IN_FUTURE', `la date d'effet ${frenchDay(at)} est dans le futur`, { at: at.toISOString() });
  }
  return at;
}

/** What a write needs to know of an entity it changes. */
export interface Changing {
  id: string;
  type: EntityType;
  version: number;
  validTo: Date;
  /** Start of its latest version. */
  versionFrom: Date;
  /** Its values, when known: messages name it by its title rather than its id. */
  values?: FieldValues;
}

/** How a message names an entity: its title (« Union des commerçants »), else its id. */
function named(entity: Changing): string {
  return `« ${subjectOf(entity).title ?? entity.id} »`;
}

/**
 * What an error is about, for a client to say it in its own language: `{ entityType, title }`
 * (title null when the values are not known). Added to the errors' extensions.
 */
export function subjectOf(entity: Pick<Changing, 'type' | 'values'>): { entityType: EntityType; title: string | null } {
  return { entityType: entity.type, title: entity.values ? titleOf(entitySpec(entity.type), entity.values) : null };
}

/** The entity must still be open (ENTITY_ENDED). */
export function checkOpen(entity: Changing): void {
  if (!isOpenUntil(entity.validTo)) {
    throw new DomainError(
      'ENTITY_ENDED',
      `${entitySpec(entity.type).label} ${named(entity)} a pris fin le ${frenchDay(entity.validTo)}`,
      { ...subjectOf(entity), endedAt: entity.validTo.toISOString() },
    );
  }
}

/** Optimistic locking: the version the client read must still be the current one (VERSION_CONFLICT). */
export function checkVersion<T extends Changing>(entity: T, expected: number | null | undefined): void {
  if (expected === null || expected === undefined || entity.version === expected) return;
  throw new DomainError(
    'VERSION_CONFLICT',
    `${entitySpec(entity.type).label} ${named(entity)} a été modifié(e) depuis votre lecture (version ${expected}, actuelle ${entity.version})`,
    { current: entity },
  );
}

/** History is never rewritten: a change takes effect at or after the latest one (DATE_BEFORE_LAST_CHANGE). */
export function checkDateAfterLatest(entity: Changing, at: Date): void {
  if (at.getTime() < entity.versionFrom.getTime()) {
    throw new DomainError(
      'DATE_BEFORE_LAST_CHANGE',
      `la date d'effet ${frenchDay(at)} précède le dernier changement de ${entitySpec(entity.type).label} ${named(entity)} (${frenchDay(entity.versionFrom)})`,
      { latestFrom: entity.versionFrom.toISOString(), at: at.toISOString(), ...subjectOf(entity) },
    );
  }
}

export interface Ref {
  field: string;
  id: string;
}

/** Every reference of `values`, one per referenced id (a list gives one per member). */
export function refsOf(spec: EntitySpec, values: FieldValues): Ref[] {
  const refs: Ref[] = [];
  for (const [name, field] of referenceFields(spec)) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    const ids = field.kind === 'ref' ? [value as string] : (value as string[]);
    for (const target of ids) refs.push({ field: name, id: target });
  }
  return refs;
}

/** What a reference check needs of a referenced entity. */
export interface RefTarget {
  id: string;
  type: EntityType;
  projectId: string | null;
  territoryId: string;
  validFrom: Date;
  validTo: Date;
  /** Its title (name, intitulé…), when the caller read it: messages name it by this. */
  title?: string | null;
}

export interface Scope {
  projectId: string | null;
  territoryId: string;
}

/**
 * Checks every reference of `values` and derives the entity's scope from them. A reference must
 * name an existing entity of the field's type that began by `at` and is still open — an open
 * version never refers to an entity that has ended, at any date (graph/src/integrity/check.ts
 * verifies it) — in the same territory, and in the same project unless it is the project itself.
 *
 * @param lookup the referenced entities, as the caller read them (under their write lock).
 * @param where  added to the « n'existe pas » message (the bulk planner: « ou pas dans ce chargement »).
 * @throws DomainError DANGLING_REFERENCE, WRONG_REFERENCE_TYPE, CROSS_TERRITORY_REFERENCE, CROSS_PROJECT_REFERENCE
 */
export function checkReferences(
  spec: EntitySpec,
  id: string,
  values: FieldValues,
  at: Date,
  lookup: (id: string) => RefTarget | undefined,
  where = '',
): { scope: Scope; refs: Ref[] } {
  const refs = refsOf(spec, values);
  for (const ref of refs) {
    const field = spec.fields[ref.field]!;
    const target = (field as { target: EntityType }).target;
    const row = lookup(ref.id);
    const shown = `« ${row?.title ?? ref.id} »`;
    if (!row) {
      throw new DomainError('DANGLING_REFERENCE', `${field.label} « ${ref.id} » n'existe pas${where}`, {
        field: ref.field,
        id: ref.id,
      });
    }
    if (row.type !== target) {
      throw new DomainError(
        'WRONG_REFERENCE_TYPE',
        `${shown} désigne ${entitySpec(row.type).label}, pas ${entitySpec(target).label} attendu pour ${field.label}`,
        { field: ref.field, id: ref.id },
      );
    }
    if (row.validFrom.getTime() > at.getTime() || row.validTo.getTime() <= at.getTime()) {
      throw new DomainError(
        'DANGLING_REFERENCE',
        `${field.label} ${shown} n'existe pas au ${frenchDay(at)} (valide du ${frenchDay(row.validFrom)}${isOpenUntil(row.validTo) ? '' : ` au ${frenchDay(row.validTo)}`})`,
        {
          field: ref.field,
          id: ref.id,
          title: row.title ?? null,
          at: at.toISOString(),
          validFrom: row.validFrom.toISOString(),
          ...(isOpenUntil(row.validTo) ? {} : { validTo: row.validTo.toISOString() }),
        },
      );
    }
    if (!isOpenUntil(row.validTo)) {
      throw new DomainError('DANGLING_REFERENCE', `${field.label} ${shown} a pris fin le ${frenchDay(row.validTo)}`, {
        field: ref.field,
        id: ref.id,
        title: row.title ?? null,
        validTo: row.validTo.toISOString(),
      });
    }
  }
  const scope = deriveScope(spec, id, values, lookup);
  for (const ref of refs) {
    const row = lookup(ref.id)!;
    const label = spec.fields[ref.field]!.label;
    if (row.territoryId !== scope.territoryId) {
      throw new DomainError('CROSS_TERRITORY_REFERENCE', `${label} « ${row.title ?? ref.id} » appartient à un autre territoire`, {
        field: ref.field,
      });
    }
    if (row.type !== 'Project' && row.projectId !== null && row.projectId !== scope.projectId) {
      throw new DomainError('CROSS_PROJECT_REFERENCE', `${label} « ${row.title ?? ref.id} » appartient à un autre projet`, {
        field: ref.field,
      });
    }
  }
  return { scope, refs };
}

function deriveScope(spec: EntitySpec, id: string, values: FieldValues, lookup: (id: string) => RefTarget | undefined): Scope {
  const scope = spec.scope;
  if (scope.kind === 'root') return { projectId: null, territoryId: id };
  const anchor = lookup(values[scope.via] as string)!;
  if (scope.kind === 'territory') return { projectId: spec.type === 'Project' ? id : null, territoryId: anchor.id };
  return { projectId: anchor.type === 'Project' ? anchor.id : anchor.projectId, territoryId: anchor.territoryId };
}

/** An update cannot move an entity to another project or territory (CROSS_PROJECT_REFERENCE). */
export function checkSameScope(spec: EntitySpec, before: Scope, after: Scope): void {
  if (after.projectId !== before.projectId || after.territoryId !== before.territoryId) {
    throw new DomainError('CROSS_PROJECT_REFERENCE', `${spec.label} ne peut pas changer de projet ou de territoire`);
  }
}

/**
 * The fields a patch really changes, in patch order, and the values after it. Refuses a change
 * of a field fixed at creation (FIXED_FIELD).
 */
export function applyPatch(
  spec: EntitySpec,
  current: FieldValues,
  parsed: FieldValues,
): { changed: string[]; values: FieldValues } {
  const changed = Object.keys(parsed).filter((name) => !sameValue(parsed[name], current[name]));
  for (const name of changed) {
    if (spec.fields[name]?.fixed) {
      throw new DomainError('FIXED_FIELD', `${spec.fields[name]!.label} ne peut pas changer après la création`, { field: name });
    }
  }
  const values: FieldValues = { ...current };
  for (const name of changed) values[name] = parsed[name]!;
  return { changed, values };
}

/** Whether an update touches a unique field, so that uniqueness must be checked again. */
export function touchesUnique(spec: EntitySpec, scope: Scope, changed: readonly string[]): boolean {
  return Boolean(spec.unique && scope.projectId && changed.some((name) => spec.unique!.includes(name)));
}

/** The duplicate refused by a unique rule. */
export function duplicateError(spec: EntitySpec, existingId: string): DomainError {
  return new DomainError('DUPLICATE_ENTITY', `${spec.label} existe déjà pour ces éléments à cette date`, {
    existingId,
    entityType: spec.type,
  });
}

/** The fields, before and after, that a change records. */
export interface ChangeDelta {
  fields: string[];
  before: FieldValues;
  after: FieldValues;
}

export function createDelta(values: FieldValues): ChangeDelta {
  return { fields: Object.keys(values).filter((name) => values[name] !== null), before: {}, after: values };
}

export function updateDelta(changed: readonly string[], before: FieldValues, after: FieldValues): ChangeDelta {
  const delta: ChangeDelta = { fields: [...changed], before: {}, after: {} };
  for (const name of changed) {
    delta.before[name] = before[name] ?? null;
    delta.after[name] = after[name] ?? null;
  }
  return delta;
}

export function endDelta(at: Date): ChangeDelta {
  return { fields: ['validTo'], before: { validTo: null }, after: { validTo: at.toISOString() } };
}

export function reopenDelta(endedAt: Date): ChangeDelta {
  return { fields: ['validTo'], before: { validTo: endedAt.toISOString() }, after: { validTo: null } };
}

/** The entity a change row describes, after the change. */
export interface ChangedEntity {
  id: string;
  type: EntityType;
  projectId: string | null;
  territoryId: string;
  /** Its version after the change. */
  version: number;
  /** Its values after the change (for the title). */
  values: FieldValues;
}

/** The change row to record: one shape for the commands and the bulk planner. */
export function changeRow(args: {
  id: string;
  entity: ChangedEntity;
  op: ChangeOp;
  author: string;
  authorId?: string | null;
  recordedAt: Date;
  validFrom: Date;
  delta: ChangeDelta;
  revertOf?: string | null;
  causeId?: string | null;
}): ChangeRecord {
  const { entity } = args;
  return {
    id: args.id,
    entityId: entity.id,
    entityType: entity.type,
    projectId: entity.projectId,
    territoryId: entity.territoryId,
    op: args.op,
    author: args.author,
    authorId: args.authorId ?? null,
    recordedAt: args.recordedAt,
    validFrom: args.validFrom,
    version: entity.version,
    fields: args.delta.fields,
    before: args.delta.before,
    after: args.delta.after,
    revertOf: args.revertOf ?? null,
    causeId: args.causeId ?? null,
    title: titleOf(entitySpec(entity.type), entity.values),
  };
}
