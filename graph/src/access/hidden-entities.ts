import type { ManagedTransaction } from 'neo4j-driver';
import type { Query } from '../store/queries.ts';
import { CONFIDENTIAL_FIELD, hiddenEntityIds } from './redaction.ts';

/**
 * Every entity of the project with its LATEST version (ended entities included, since their
 * change records stay in the timeline): whether that version is confidential and what it
 * refers to.
 */
export function hiddenEntitiesQuery(projectId: string): Query {
  return {
    cypher: `
      MATCH (e:Entity) WHERE e.projectId = $projectId AND e.type IS NOT NULL
      MATCH (e)-[:LATEST]->(v:Version)
      RETURN e.id AS id, coalesce(v[$flag], false) = true AS confidential,
             [(v)-[:REFERS_TO]->(t:Entity) | t.id] AS refs`,
    params: { projectId, flag: CONFIDENTIAL_FIELD },
  };
}

/**
 * The ids a reader without the confidential right must not see in this project: entities
 * confidential in their latest version, and those referring to them (see redaction.ts).
 * Pass it to redactChanges, and as `alsoHide` to redactProjectState for past reads. One
 * round trip over the project's entities (index entity_project_type).
 */
export async function readHiddenEntityIds(tx: ManagedTransaction, projectId: string): Promise<Set<string>> {
  const { cypher, params } = hiddenEntitiesQuery(projectId);
  const result = await tx.run(cypher, params);
  return hiddenEntityIds(
    result.records.map((r) => ({
      id: r.get('id') as string,
      confidential: r.get('confidential') as boolean,
      refs: r.get('refs') as string[],
    })),
  );
}
