import type { EntityType } from '../model/enums.ts';
import { ENTITY_TYPES } from '../model/enums.ts';
import type { FieldValues } from '../model/validation.ts';
import type { ChangeRecord } from './records.ts';
import { END_OF_TIME, toNeoDateTime } from '../time.ts';
import { spanLevelCypher } from './span.ts';

/**
 * Pure Cypher builders for the entity store. Values always travel as parameters; the only
 * text spliced into a statement is an entity label, taken from the closed ENTITY_TYPES list.
 */
export interface Query {
  cypher: string;
  params: Record<string, unknown>;
}

function label(type: EntityType): string {
  if (!ENTITY_TYPES.includes(type)) throw new Error(`unknown entity type ${type}`);
  return type;
}

/** Takes the entity's write lock, then reads it with its latest version. */
export function lockEntity(id: string): Query {
  return {
    cypher: `
      MATCH (e:Entity {id: $id})
      SET e._lock = true REMOVE e._lock
      WITH e
      MATCH (e)-[:LATEST]->(v:Version)
      RETURN e {.*} AS entity, v {.*} AS version,
             [(v)-[:REFERS_TO]->(t:Entity) | ${REF_TARGET('t')}] AS refTargets`,
    params: { id },
  };
}

/** Reads an entity with its latest version, without locking. */
export function readEntity(id: string): Query {
  return {
    cypher: `
      MATCH (e:Entity {id: $id})-[:LATEST]->(v:Version)
      RETURN e {.*} AS entity, v {.*} AS version`,
    params: { id },
  };
}

/** What a reference check needs of a referenced entity (resolveReferences). */
const REF_TARGET = (alias: string) =>
  `{id: ${alias}.id, type: ${alias}.type, projectId: ${alias}.projectId, territoryId: ${alias}.territoryId, validFrom: ${alias}.validFrom, validTo: ${alias}.validTo,
    title: head([(${alias})-[:LATEST]->(lv:Version) | coalesce(lv.name, lv.title)])}`;

/** Serialises writers of one scope (a project or territory) so uniqueness checks hold. */
export function lockScope(id: string): Query {
  return { cypher: `MATCH (s:Entity {id: $id}) SET s._lock = true REMOVE s._lock RETURN s.id AS id`, params: { id } };
}

/**
 * Takes the write locks of the entities a write refers to, in id order (every writer locks in the
 * same order, which keeps deadlocks rare; Neo4j detects the rest and the managed transaction
 * retries them), then reads them: what they are once no one else can end them before commit.
 */
export function lockReferenced(ids: readonly string[]): Query {
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      SET e._lock = true REMOVE e._lock
      RETURN ${REF_TARGET('e')} AS target`,
    params: { ids: [...new Set(ids)].sort() },
  };
}

export function entitiesByIds(ids: readonly string[]): Query {
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      RETURN ${REF_TARGET('e')} AS target`,
    params: { ids },
  };
}

export function idExists(id: string): Query {
  return { cypher: `MATCH (e:Entity {id: $id}) RETURN count(e) > 0 AS taken`, params: { id } };
}

/**
 * Other entities of the same type and scope whose latest values match on the unique fields and
 * whose validity reaches past `at`.
 */
export function findDuplicates(
  type: EntityType,
  scopeId: string,
  keys: Record<string, unknown>,
  at: Date,
  excludeId: string | null,
): Query {
  return {
    cypher: `
      MATCH (e:Entity {projectId: $scopeId, type: $type})-[:LATEST]->(v:Version)
      WHERE e.validTo > $at AND ($excludeId IS NULL OR e.id <> $excludeId)
        AND all(k IN keys($keys) WHERE v[k] = $keys[k])
      RETURN e.id AS id LIMIT 1`,
    params: { type, scopeId, keys, at: toNeoDateTime(at), excludeId },
  };
}

export interface NewVersion {
  entityId: string;
  type: EntityType;
  projectId: string | null;
  territoryId: string;
  validFrom: Date;
  recordedAt: Date;
  changeId: string;
  values: FieldValues;
  refs: { field: string; id: string }[];
}

function versionProps(v: NewVersion): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(v.values)) {
    if (value !== null) props[name] = value;
  }
  return props;
}

/** Creates the version of `e` from the parameters, makes it the latest, links its references. */
const NEW_VERSION = `
      CREATE (v:Version {
        entityId: e.id, type: e.type, projectId: e.projectId, territoryId: e.territoryId,
        validFrom: $validFrom, validTo: $end, recordedAt: $recordedAt, changeId: $changeId })
      SET v += $props
      CREATE (e)-[:HAS_VERSION]->(v), (e)-[:LATEST]->(v)
      WITH e, v
      CALL (v) {
        UNWIND $refs AS ref
        MATCH (t:Entity {id: ref.id})
        CREATE (v)-[:REFERS_TO {field: ref.field}]->(t)
      }
      RETURN e {.*} AS entity, v {.*} AS version`;

export function createEntity(v: NewVersion): Query {
  return {
    cypher: `
      CREATE (e:Entity:${label(v.type)} {
        id: $id, type: $type, projectId: $projectId, territoryId: $territoryId, version: 1,
        validFrom: $validFrom, validTo: $end, createdAt: $recordedAt, updatedAt: $recordedAt })
      ${NEW_VERSION}`,
    params: {
      id: v.entityId,
      type: v.type,
      projectId: v.projectId,
      territoryId: v.territoryId,
      validFrom: toNeoDateTime(v.validFrom),
      recordedAt: toNeoDateTime(v.recordedAt),
      end: toNeoDateTime(END_OF_TIME),
      changeId: v.changeId,
      props: versionProps(v),
      refs: v.refs,
    },
  };
}

/** Closes the latest version at `validFrom` and opens a new one with the given values. */
export function appendVersion(v: NewVersion): Query {
  return {
    cypher: `
      MATCH (e:Entity {id: $id})-[latest:LATEST]->(old:Version)
      SET old.validTo = $validFrom, old.spanLevel = ${spanLevelCypher('old.validFrom', '$validFrom')},
          e.version = e.version + 1, e.updatedAt = $recordedAt
      DELETE latest
      ${NEW_VERSION}`,
    params: {
      id: v.entityId,
      validFrom: toNeoDateTime(v.validFrom),
      recordedAt: toNeoDateTime(v.recordedAt),
      end: toNeoDateTime(END_OF_TIME),
      changeId: v.changeId,
      props: versionProps(v),
      refs: v.refs,
    },
  };
}

/** Sets the end of the entity and of its latest version (END_OF_TIME reopens it). */
export function setEnd(id: string, validTo: Date, recordedAt: Date): Query {
  return {
    cypher: `
      MATCH (e:Entity {id: $id})-[:LATEST]->(v:Version)
      SET e.validTo = $validTo, v.validTo = $validTo, v.spanLevel = ${spanLevelCypher('v.validFrom', '$validTo')},
          e.version = e.version + 1, e.updatedAt = $recordedAt
      RETURN e {.*} AS entity, v {.*} AS version`,
    params: { id, validTo: toNeoDateTime(validTo), recordedAt: toNeoDateTime(recordedAt), end: toNeoDateTime(END_OF_TIME) },
  };
}

/** A change to record: the same shape as a recorded one. */
export type NewChange = ChangeRecord;

/** The properties of a Change node (instants as Neo4j DATETIMEs, values as JSON text). */
export function changeParams(c: NewChange) {
  return {
    ...c,
    authorId: c.authorId ?? null,
    recordedAt: toNeoDateTime(c.recordedAt),
    validFrom: toNeoDateTime(c.validFrom),
    before: JSON.stringify(c.before),
    after: JSON.stringify(c.after),
  };
}

export function recordChange(c: NewChange): Query {
  return {
    cypher: `
      MATCH (e:Entity {id: $entityId})
      CREATE (c:Change {
        id: $id, entityId: $entityId, entityType: $entityType, projectId: $projectId,
        territoryId: $territoryId, op: $op, author: $author, authorId: $authorId, recordedAt: $recordedAt,
        validFrom: $validFrom, version: $version, fields: $fields, before: $before, after: $after,
        revertOf: $revertOf, causeId: $causeId, title: $title })
      CREATE (c)-[:CHANGED]->(e)
      RETURN c.id AS id`,
    params: changeParams(c),
  };
}

export function readChange(id: string): Query {
  return { cypher: `MATCH (c:Change {id: $id}) RETURN c {.*} AS change`, params: { id } };
}

export function changesCausedBy(id: string): Query {
  return {
    cypher: `MATCH (c:Change {causeId: $id}) RETURN c {.*} AS change ORDER BY c.recordedAt DESC, c.id DESC`,
    params: { id },
  };
}

/**
 * Open entities whose latest version points at the given entity: what ending it affects.
 */
export function openDependents(id: string): Query {
  return {
    cypher: `
      MATCH (t:Entity {id: $id})<-[r:REFERS_TO]-(v:Version)<-[:LATEST]-(e:Entity)
      WHERE e.validTo = $end
      RETURN DISTINCT e.id AS id, e.type AS type, r.field AS field
      ORDER BY id`,
    params: { id, end: toNeoDateTime(END_OF_TIME) },
  };
}

/** The change that made an entity's given version (its latest entry). */
export function changeOfVersion(entityId: string, version: number): Query {
  return {
    cypher: `MATCH (c:Change {entityId: $entityId}) WHERE c.version = $version RETURN c {.*} AS change LIMIT 1`,
    params: { entityId, version },
  };
}

/** When the entity's earlier versions began, latest first: the floor of a correction of its latest entry. */
export function earlierVersionStart(id: string): Query {
  return {
    cypher: `
      MATCH (e:Entity {id: $id})-[:HAS_VERSION]->(p:Version)
      WHERE NOT (e)-[:LATEST]->(p)
      RETURN max(p.validFrom) AS from`,
    params: { id },
  };
}

/**
 * Moves the start of an entity's latest version back to `validFrom` (a correction of its latest
 * entry's date): the earlier versions that reached past it now end there, and the entity begins
 * there when that version was its first. Bumps the entity's version like any recorded change.
 */
export function retimeLatest(id: string, validFrom: Date, recordedAt: Date, first: boolean): Query {
  return {
    cypher: `
      MATCH (e:Entity {id: $id})-[:LATEST]->(v:Version)
      CALL (e, v) {
        MATCH (e)-[:HAS_VERSION]->(p:Version)
        WHERE p <> v AND p.validTo > $validFrom
        SET p.validTo = $validFrom, p.spanLevel = ${spanLevelCypher('p.validFrom', '$validFrom')}
      }
      SET v.validFrom = $validFrom, e.version = e.version + 1, e.updatedAt = $recordedAt
      FOREACH (_ IN CASE WHEN $first THEN [1] ELSE [] END | SET e.validFrom = $validFrom)
      RETURN e {.*} AS entity, v {.*} AS version`,
    params: {
      id,
      validFrom: toNeoDateTime(validFrom),
      recordedAt: toNeoDateTime(recordedAt),
      first,
      end: toNeoDateTime(END_OF_TIME),
    },
  };
}
