import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityType } from '../model/enums.ts';
import type { Query } from '../store/queries.ts';
import type { EntityRecord } from '../store/records.ts';
import { toNeoDateTime } from '../time.ts';
import { ENTITY_PROJECTION, latestPerEntity, toRecord, versionProjection } from './project-state.ts';

const PROJECTION = `{entity: ${ENTITY_PROJECTION}, version: ${versionProjection('v')}}`;

export function territoriesQuery(at: Date): Query {
  return {
    cypher: `
      MATCH (e:Territory)-[:HAS_VERSION]->(v:Version)
      WHERE v.validFrom <= $at AND v.validTo > $at
      RETURN ${PROJECTION} AS item ORDER BY v.name`,
    params: { at: toNeoDateTime(at) },
  };
}

/** Entities of one territory-level type (projects, actors) or the territory itself, at `at`. */
export function territoryEntitiesQuery(territoryId: string, types: readonly EntityType[], at: Date): Query {
  return {
    cypher: `
      MATCH (v:Version)
      WHERE v.territoryId = $territoryId AND v.type IN $types AND v.validFrom <= $at AND v.validTo > $at
      MATCH (e:Entity)-[:HAS_VERSION]->(v)
      RETURN ${PROJECTION} AS item`,
    params: { territoryId, types, at: toNeoDateTime(at) },
  };
}

type Item = Parameters<typeof toRecord>[0];

export async function listTerritories(tx: ManagedTransaction, at: Date): Promise<EntityRecord[]> {
  const { cypher, params } = territoriesQuery(at);
  const result = await tx.run(cypher, params);
  return latestPerEntity(result.records.map((r) => toRecord(r.get('item') as Item)));
}

export async function listTerritoryEntities(
  tx: ManagedTransaction,
  territoryId: string,
  types: readonly EntityType[],
  at: Date,
): Promise<EntityRecord[]> {
  const { cypher, params } = territoryEntitiesQuery(territoryId, types, at);
  const result = await tx.run(cypher, params);
  return latestPerEntity(result.records.map((r) => toRecord(r.get('item') as Item))).sort((a, b) => String(a.values.name ?? '').localeCompare(String(b.values.name ?? ''), 'fr'));
}
