import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { entitySpec } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import type { Query } from '../store/queries.ts';
import { toEntityRecord, type EntityRecord } from '../store/records.ts';
import { toNeoDateTime } from '../time.ts';

/** A project's whole map as it stood at one instant (valid time). */
export interface ProjectState {
  at: Date;
  project: EntityRecord;
  territory: EntityRecord;
  /** Every entity of the project valid at `at`, plus the actors they involve. */
  entities: EntityRecord[];
  byId: Map<string, EntityRecord>;
}

const ENTITY_PROJECTION = 'e {.id, .type, .version, .projectId, .territoryId, .validFrom, .validTo}';

/**
 * One round trip: the versions of the project valid at `at`, the actors they refer to (as of
 * `at` too), and the territory.
 */
export function projectStateQuery(projectId: string, at: Date): Query {
  return {
    cypher: `
      MATCH (pe:Entity {id: $projectId, type: 'Project'})
      CALL (pe) {
        MATCH (v:Version)
        WHERE v.projectId = pe.id AND v.validFrom <= $at AND v.validTo > $at
        MATCH (e:Entity)-[:HAS_VERSION]->(v)
        RETURN collect({entity: ${ENTITY_PROJECTION}, version: v {.*}}) AS items, collect(v) AS versions
      }
      CALL (versions) {
        UNWIND versions AS v
        MATCH (v)-[:REFERS_TO]->(a:Actor)
        WITH DISTINCT a AS e
        MATCH (e)-[:HAS_VERSION]->(av:Version)
        WHERE av.validFrom <= $at AND av.validTo > $at
        RETURN collect({entity: ${ENTITY_PROJECTION}, version: av {.*}}) AS actors
      }
      CALL (pe) {
        MATCH (e:Entity {id: pe.territoryId})-[:HAS_VERSION]->(tv:Version)
        WHERE tv.validFrom <= $at AND tv.validTo > $at
        RETURN collect({entity: ${ENTITY_PROJECTION}, version: tv {.*}}) AS territory
      }
      RETURN items, actors, territory`,
    params: { projectId, at: toNeoDateTime(at) },
  };
}

type Item = { entity: Record<string, unknown>; version: Record<string, unknown> };

export function toRecord(item: Item): EntityRecord {
  const type = item.entity.type as EntityType;
  return toEntityRecord(item.entity, item.version, Object.keys(entitySpec(type).fields));
}

export async function readProjectState(tx: ManagedTransaction, projectId: string, at: Date): Promise<ProjectState> {
  const query = projectStateQuery(projectId, at);
  const result = await tx.run(query.cypher, query.params);
  const row = result.records[0];
  if (!row) throw new DomainError('NOT_FOUND', `le projet « ${projectId} » n'existe pas`, { id: projectId, entityType: 'Project' });
  const items = (row.get('items') as Item[]).map(toRecord);
  const project = items.find((item) => item.type === 'Project' && item.id === projectId);
  const territory = (row.get('territory') as Item[]).map(toRecord)[0];
  if (!project || !territory) {
    throw new DomainError('NOT_FOUND', `le projet « ${projectId} » n'existe pas au ${at.toISOString().slice(0, 10)}`, {
      id: projectId,
      entityType: 'Project',
      at: at.toISOString(),
    });
  }
  const entities = [...items.filter((item) => item !== project), ...(row.get('actors') as Item[]).map(toRecord)];
  const byId = new Map<string, EntityRecord>([project, territory, ...entities].map((e) => [e.id, e]));
  return { at, project, territory, entities, byId };
}

export function ofType(state: ProjectState, type: EntityType): EntityRecord[] {
  return state.entities.filter((entity) => entity.type === type);
}
