import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../db/graph.ts';
import { ENTITIES, referenceFields } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import type { Query } from '../store/queries.ts';
import { END_OF_TIME, toNeoDateTime } from '../time.ts';

/**
 * The consistency check of the temporal graph (docs/ARCHITECTURE.md, « The graph »): what the
 * commands guarantee, verified on whatever a database holds — after a crash, a restore, a
 * manual Cypher edit, or an older build that raced (issue 11). Read-only; `trame check` runs it.
 *
 * - dangling references: a version that refers, during its validity, to an entity that did not
 *   exist then (not yet begun, already ended), or names an id with no such entity;
 * - overlapping versions: two versions of one entity valid at the same instant;
 * - identity mismatches: an entity without exactly one latest version, or whose validity does
 *   not match its versions'.
 *
 * Zero-length versions (a change and another on the same instant) are never valid, so they
 * refer to nothing and overlap nothing.
 */

export interface DanglingReference {
  entityId: string;
  entityType: EntityType;
  projectId: string | null;
  field: string;
  targetId: string;
  /** Null when no entity has that id. */
  targetType: EntityType | null;
  /** The referring version's validity (ISO instants; `validTo` null while open). */
  validFrom: string;
  validTo: string | null;
  /** The target's validity, when it exists. */
  targetValidFrom: string | null;
  targetValidTo: string | null;
}

export interface OverlappingVersions {
  entityId: string;
  entityType: EntityType;
  projectId: string | null;
  /** The two versions' validities, in order. */
  first: { validFrom: string; validTo: string | null };
  second: { validFrom: string; validTo: string | null };
}

export interface IdentityMismatch {
  entityId: string;
  entityType: EntityType;
  projectId: string | null;
  /** What is wrong, in French (for the summary). */
  problem: string;
}

export interface IntegrityReport {
  checkedAt: string;
  /** The territory checked, or null for the whole database. */
  territoryId: string | null;
  entities: number;
  versions: number;
  danglingReferences: DanglingReference[];
  overlappingVersions: OverlappingVersions[];
  identityMismatches: IdentityMismatch[];
  /** Problems of one kind are listed up to `limit`; true when some were left out. */
  truncated: boolean;
  ok: boolean;
}

export interface CheckOptions {
  /** Check one territory (its projects included) instead of the whole database. */
  territoryId?: string | null;
  /** Most problems listed per kind (default 1,000). */
  limit?: number;
}

/** Reference fields per entity type, for the check of ids without an entity. */
const REF_FIELDS: Record<string, string[]> = Object.fromEntries(
  Object.values(ENTITIES).map((spec) => [spec.type, referenceFields(spec).map(([name]) => name)]),
);

const END = toNeoDateTime(END_OF_TIME);
const iso = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const date = new Date(text);
  return date.getTime() >= END_OF_TIME.getTime() ? null : date.toISOString();
};

/** Versions in scope with a non-empty validity, as `v`. */
const SCOPED_VERSIONS = `
  MATCH (v:Version)
  WHERE ($territoryId IS NULL OR v.territoryId = $territoryId) AND v.validTo > v.validFrom`;

export function danglingReferencesQuery(territoryId: string | null, limit: number): Query {
  return {
    cypher: `
      CALL () {
        ${SCOPED_VERSIONS}
        MATCH (v)-[r:REFERS_TO]->(t:Entity)
        WHERE t.validFrom > v.validFrom OR t.validTo < v.validTo
        RETURN v, r.field AS field, t.id AS targetId, t.type AS targetType, t.validFrom AS targetFrom, t.validTo AS targetTo
        UNION ALL
        ${SCOPED_VERSIONS}
        UNWIND coalesce($refFields[v.type], []) AS field
        WITH v, field, v[field] AS value
        WHERE value IS NOT NULL
        UNWIND CASE WHEN valueType(value) STARTS WITH 'LIST' THEN value ELSE [value] END AS targetId
        WITH v, field, targetId
        WHERE NOT EXISTS { MATCH (v)-[:REFERS_TO {field: field}]->(:Entity {id: targetId}) }
        OPTIONAL MATCH (t:Entity {id: targetId})
        RETURN v, field, targetId, t.type AS targetType, t.validFrom AS targetFrom, t.validTo AS targetTo
      }
      RETURN v.entityId AS entityId, v.type AS entityType, v.projectId AS projectId, field, targetId, targetType,
             toString(v.validFrom) AS validFrom, toString(v.validTo) AS validTo,
             toString(targetFrom) AS targetFrom, toString(targetTo) AS targetTo
      ORDER BY entityId, field, targetId, validFrom
      LIMIT toInteger($limit)`,
    params: { territoryId, limit, refFields: REF_FIELDS },
  };
}

export function overlappingVersionsQuery(territoryId: string | null, limit: number): Query {
  return {
    cypher: `
      ${SCOPED_VERSIONS}
      WITH v ORDER BY v.validFrom, v.validTo
      WITH v.entityId AS entityId, collect(v) AS versions
      UNWIND range(0, size(versions) - 2) AS i
      WITH entityId, versions[i] AS a, versions[i + 1] AS b
      WHERE a.validTo > b.validFrom
      RETURN entityId, a.type AS entityType, a.projectId AS projectId,
             toString(a.validFrom) AS aFrom, toString(a.validTo) AS aTo, toString(b.validFrom) AS bFrom, toString(b.validTo) AS bTo
      ORDER BY entityId, aFrom
      LIMIT toInteger($limit)`,
    params: { territoryId, limit },
  };
}

export function identityMismatchesQuery(territoryId: string | null, limit: number): Query {
  return {
    cypher: `
      MATCH (e:Entity)
      WHERE $territoryId IS NULL OR e.territoryId = $territoryId
      CALL (e) {
        OPTIONAL MATCH (e)-[:LATEST]->(l:Version)
        WITH collect(l) AS latest
        OPTIONAL MATCH (e)-[:HAS_VERSION]->(v:Version)
        WITH latest, min(v.validFrom) AS firstFrom, max(v.validFrom) AS lastFrom,
             sum(CASE WHEN v.validTo = $end THEN 1 ELSE 0 END) AS openVersions
        WITH CASE
          WHEN size(latest) <> 1 THEN 'a ' + toString(size(latest)) + " dernières versions au lieu d'une"
          WHEN latest[0].validTo <> e.validTo THEN 'sa fin (' + toString(e.validTo) + ') diffère de celle de sa dernière version (' + toString(latest[0].validTo) + ')'
          WHEN firstFrom <> e.validFrom THEN 'son début (' + toString(e.validFrom) + ') diffère de celui de sa première version (' + toString(firstFrom) + ')'
          WHEN latest[0].validFrom <> lastFrom THEN "sa dernière version n'est pas la plus récente"
          WHEN openVersions > 1 THEN 'a ' + toString(openVersions) + ' versions ouvertes'
          ELSE null END AS problem
        RETURN problem
      }
      WITH e, problem WHERE problem IS NOT NULL
      RETURN e.id AS entityId, e.type AS entityType, e.projectId AS projectId, problem
      ORDER BY entityId
      LIMIT toInteger($limit)`,
    params: { territoryId, limit, end: END },
  };
}

function countsQuery(territoryId: string | null): Query {
  return {
    cypher: `
      CALL () { MATCH (e:Entity) WHERE $territoryId IS NULL OR e.territoryId = $territoryId RETURN count(e) AS entities }
      CALL () { MATCH (v:Version) WHERE $territoryId IS NULL OR v.territoryId = $territoryId RETURN count(v) AS versions }
      RETURN entities, versions`,
    params: { territoryId },
  };
}

type Row = Record<string, unknown>;
async function run(tx: ManagedTransaction, query: Query): Promise<Row[]> {
  const result = await tx.run(query.cypher, query.params);
  return result.records.map((record) => record.toObject() as Row);
}

/** Runs the consistency check in one read transaction. */
export async function checkIntegrity(tx: ManagedTransaction, options: CheckOptions = {}): Promise<IntegrityReport> {
  const territoryId = options.territoryId ?? null;
  const limit = options.limit ?? 1000;
  const [counts] = await run(tx, countsQuery(territoryId));
  const dangling = (await run(tx, danglingReferencesQuery(territoryId, limit))).map(
    (row): DanglingReference => ({
      entityId: row.entityId as string,
      entityType: row.entityType as EntityType,
      projectId: (row.projectId as string | null) ?? null,
      field: row.field as string,
      targetId: row.targetId as string,
      targetType: (row.targetType as EntityType | null) ?? null,
      validFrom: iso(row.validFrom)!,
      validTo: iso(row.validTo),
      targetValidFrom: iso(row.targetFrom),
      targetValidTo: iso(row.targetTo),
    }),
  );
  const overlapping = (await run(tx, overlappingVersionsQuery(territoryId, limit))).map(
    (row): OverlappingVersions => ({
      entityId: row.entityId as string,
      entityType: row.entityType as EntityType,
      projectId: (row.projectId as string | null) ?? null,
      first: { validFrom: iso(row.aFrom)!, validTo: iso(row.aTo) },
      second: { validFrom: iso(row.bFrom)!, validTo: iso(row.bTo) },
    }),
  );
  const mismatches = (await run(tx, identityMismatchesQuery(territoryId, limit))).map(
    (row): IdentityMismatch => ({
      entityId: row.entityId as string,
      entityType: row.entityType as EntityType,
      projectId: (row.projectId as string | null) ?? null,
      problem: row.problem as string,
    }),
  );
  return {
    checkedAt: new Date().toISOString(),
    territoryId,
    entities: Number(counts?.entities ?? 0),
    versions: Number(counts?.versions ?? 0),
    danglingReferences: dangling,
    overlappingVersions: overlapping,
    identityMismatches: mismatches,
    truncated: [dangling, overlapping, mismatches].some((list) => list.length >= limit),
    ok: dangling.length + overlapping.length + mismatches.length === 0,
  };
}

/** The check through the one executor (a read transaction with a generous timeout). */
export function runIntegrityCheck(graph: Graph, options: CheckOptions = {}): Promise<IntegrityReport> {
  return graph.read((tx) => checkIntegrity(tx, options), { timeout: 10 * 60_000 });
}
