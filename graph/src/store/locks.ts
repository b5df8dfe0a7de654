import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { entitySpec, type EntitySpec } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import { parseEntityId, type FieldValues } from '../model/validation.ts';
import { fromNeoDateTime } from '../time.ts';
import * as q from './queries.ts';
import { toEntityRecord, type EntityRecord } from './records.ts';
import { checkOpen, checkReferences, checkVersion, refsOf, type Ref, type RefTarget, type Scope } from './rules.ts';

/**
 * Reads under write locks. Neo4j reads are read-committed: a check made on what a query read
 * holds until commit only if no one else can change it meanwhile, so every write first takes
 * the write lock (a no-op SET) of the entity it changes and of every entity it refers to, then
 * reads them. An end takes the ended entity's lock before looking for what refers to it; a
 * create or update referring to that entity takes the same lock before checking it is open:
 * one of them waits for the other, and an open entity never refers to an ended one.
 */

export type Row = Record<string, unknown>;

export async function rows(tx: ManagedTransaction, query: q.Query): Promise<Row[]> {
  const result = await tx.run(query.cypher, query.params);
  return result.records.map((record) => record.toObject() as Row);
}

export function fieldNames(spec: EntitySpec): string[] {
  return Object.keys(spec.fields);
}

/** Locks an entity and reads it with its latest version. @throws DomainError NOT_FOUND */
export async function loadLocked(tx: ManagedTransaction, id: string, type: EntityType | null): Promise<EntityRecord> {
  const [row] = await rows(tx, q.lockEntity(id));
  if (!row || (type !== null && row.entity && (row.entity as Row).type !== type)) {
    const label = type ? entitySpec(type).label : "l'entité";
    throw new DomainError('NOT_FOUND', `${label} « ${id} » n'existe pas`, { id, entityType: type });
  }
  const entity = row.entity as Row;
  return toEntityRecord(entity, row.version as Row, fieldNames(entitySpec(entity.type as EntityType)));
}

/** Reads the latest state of an entity (ended or not), or null. */
export async function getEntity(tx: ManagedTransaction, id: string): Promise<EntityRecord | null> {
  const [row] = await rows(tx, q.readEntity(id));
  if (!row) return null;
  const entity = row.entity as Row;
  return toEntityRecord(entity, row.version as Row, fieldNames(entitySpec(entity.type as EntityType)));
}

/**
 * The entity a change applies to, locked: it must exist, be of the type asked, still be open,
 * and (when a version is given) be at that version.
 * @throws DomainError NOT_FOUND, VERSION_CONFLICT, ENTITY_ENDED
 */
export async function loadOpenForChange(
  tx: ManagedTransaction,
  type: EntityType | null,
  id: string,
  expectedVersion: number | null | undefined,
): Promise<{ current: EntityRecord; spec: EntitySpec }> {
  const current = await loadLocked(tx, parseEntityId(id), type);
  checkVersion(current, expectedVersion);
  checkOpen(current);
  return { current, spec: entitySpec(current.type) };
}

function toRefTarget(row: Row): RefTarget {
  return {
    id: row.id as string,
    type: row.type as EntityType,
    projectId: (row.projectId as string | null | undefined) ?? null,
    territoryId: row.territoryId as string,
    validFrom: fromNeoDateTime(row.validFrom),
    validTo: fromNeoDateTime(row.validTo),
    title: (row.title as string | null | undefined) ?? null,
  };
}

/**
 * Locks every entity `values` refers to and checks the references with the write rules
 * (rules.ts `checkReferences`): they exist, have the right type, began by `at`, are still open,
 * and lie in the entity's territory and project. Returns the entity's scope and references.
 *
 * @param closing the values of the version this write closes (an update): their references are
 * locked too, unchecked — the closed version refers to them until `at`, so they must not end
 * before it meanwhile.
 */
export async function lockReferences(
  tx: ManagedTransaction,
  spec: EntitySpec,
  id: string,
  values: FieldValues,
  at: Date,
  closing: FieldValues | null = null,
): Promise<{ scope: Scope; refs: Ref[] }> {
  const ids = refsOf(spec, values).map((ref) => ref.id);
  if (closing) ids.push(...refsOf(spec, closing).map((ref) => ref.id));
  const found = new Map<string, RefTarget>();
  if (ids.length > 0) {
    for (const row of await rows(tx, q.lockReferenced(ids))) {
      const target = toRefTarget(row.target as Row);
      found.set(target.id, target);
    }
  }
  return checkReferences(spec, id, values, at, (ref) => found.get(ref));
}

/**
 * Locks what the latest version of an entity being ended refers to: that version refers to them
 * until the end, so none of them may end first (whoever ends one of them waits, then finds this
 * entity ended and leaves it be).
 */
export async function lockClosingReferences(tx: ManagedTransaction, spec: EntitySpec, values: FieldValues): Promise<void> {
  const ids = refsOf(spec, values).map((ref) => ref.id);
  if (ids.length > 0) await rows(tx, q.lockReferenced(ids));
}

/** Serialises writers of one scope (a project) so that a uniqueness check holds until commit. */
export async function lockScope(tx: ManagedTransaction, projectId: string): Promise<void> {
  await rows(tx, q.lockScope(projectId));
}
