import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityType } from '../model/enums.ts';
import type { Query } from '../store/queries.ts';
import type { EntityRecord } from '../store/records.ts';
import { toNeoDateTime } from '../time.ts';
import { ENTITY_FIELDS, entityRow, fromEntityRow } from './entity-rows.ts';
import { latestPerEntity } from './project-state.ts';

export function territoriesQuery(at: Date): Query {
  return {
    cypher: `
      MATCH (e:Territory)-[:HAS_VERSION]->(v:Version)
      WHERE v.validFrom <= $at AND v.validTo > $at
      RETURN ${entityRow('e', 'v')} AS item ORDER BY v.name`,
    params: { at: toNeoDateTime(at), fields: ENTITY_FIELDS },
  };
}

/** Entities of one territory-level type (projects, actors) or the territory itself, at `at`. */
export function territoryEntitiesQuery(territoryId: string, types: readonly EntityType[], at: Date): Query {
  return {
    cypher: `
      MATCH (v:Version)
      WHERE v.territoryId = $territoryId AND v.type IN $types AND v.validFrom <= $at AND v.validTo > $at
      MATCH (e:Entity)-[:HAS_VERSION]->(v)
      RETURN ${entityRow('e', 'v')} AS item`,
    params: { territoryId, types, at: toNeoDateTime(at), fields: ENTITY_FIELDS },
  };
}

export async function listTerritories(tx: ManagedTransaction, at: Date): Promise<EntityRecord[]> {
  const { cypher, params } = territoriesQuery(at);
  const result = await tx.run(cypher, params);
  return latestPerEntity(result.records.map((r) => fromEntityRow(r.get('item') as unknown[])));
}

export async function listTerritoryEntities(
  tx: ManagedTransaction,
  territoryId: string,
  types: readonly EntityType[],
  at: Date,
): Promise<EntityRecord[]> {
  const { cypher, params } = territoryEntitiesQuery(territoryId, types, at);
  const result = await tx.run(cypher, params);
  return latestPerEntity(result.records.map((r) => fromEntityRow(r.get('item') as unknown[]))).sort((a, b) =>
    String(a.values.name ?? '').localeCompare(String(b.values.name ?? ''), 'fr'),
  );
}
