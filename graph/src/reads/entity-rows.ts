import { ENTITIES } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import type { FieldValues } from '../model/validation.ts';
import type { EntityRecord } from '../store/records.ts';

/**
 * Entities travel from Neo4j to JavaScript as flat lists, not maps: bookkeeping first, then the
 * type's field values in the order of the model. Decoding a map costs a key string per value;
 * at a 1,500-entity map read, lists took a large read from 130 ms to 53 ms
 * (bench/results/latest.md, "where the time goes"). Instants travel as epoch milliseconds.
 *
 * Every query using `entityRow` takes the parameter `$fields` = `ENTITY_FIELDS`.
 */
export const ENTITY_FIELDS: Readonly<Record<EntityType, readonly string[]>> = (() => {
  const fields = {} as Record<EntityType, readonly string[]>;
  for (const type of Object.keys(ENTITIES) as EntityType[]) fields[type] = Object.keys(ENTITIES[type].fields);
  return fields;
})();

/** The Cypher expression of one entity row, from its identity node and a version node. */
export const entityRow = (entity: string, version: string): string =>
  `[${entity}.id, ${entity}.type, ${entity}.version, ${entity}.projectId, ${entity}.territoryId, ` +
  `${entity}.validFrom.epochMillis, ${entity}.validTo.epochMillis, ` +
  `${version}.validFrom.epochMillis, ${version}.validTo.epochMillis, ${version}.recordedAt.epochMillis] + ` +
  `[field IN $fields[${entity}.type] | ${version}[field]]`;

const BOOKKEEPING = 10;

/** The record of an `entityRow` list. */
export function fromEntityRow(row: readonly unknown[]): EntityRecord {
  const type = row[1] as EntityType;
  const names = ENTITY_FIELDS[type];
  const values: FieldValues = {};
  for (let i = 0; i < names.length; i += 1) values[names[i]!] = (row[BOOKKEEPING + i] ?? null) as FieldValues[string];
  return {
    id: row[0] as string,
    type,
    version: Number(row[2]),
    projectId: (row[3] as string | null) ?? null,
    territoryId: row[4] as string,
    validFrom: new Date(row[5] as number),
    validTo: new Date(row[6] as number),
    versionFrom: new Date(row[7] as number),
    versionTo: new Date(row[8] as number),
    recordedAt: new Date(row[9] as number),
    values,
  };
}
