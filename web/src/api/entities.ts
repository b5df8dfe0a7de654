import type { EntityType } from '@trame/graph/model';
import { request } from './client.ts';
import { correctEndMutation, correctMutation, createMutation, endMutation, updateMutation } from './entityDocuments.ts';

/** An entity as the API returns it: meta fields plus its values. */
export type EntityData = Record<string, unknown> & {
  id: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  __typename: EntityType;
};

/** The entity commands as plain requests; pages call them through useEntityMutations (mutations.ts). */
export async function createEntity(
  type: EntityType,
  input: Record<string, unknown>,
  validFrom: string | null,
): Promise<EntityData> {
  const data = await request<Record<string, EntityData>>(createMutation(type), { input, validFrom });
  return data[`create${type}`]!;
}

export async function updateEntity(
  type: EntityType,
  id: string,
  version: number,
  patch: Record<string, unknown>,
  validFrom: string | null,
): Promise<EntityData> {
  const data = await request<Record<string, EntityData>>(updateMutation(type), { id, version, patch, validFrom });
  return data[`update${type}`]!;
}

export async function endEntity(type: EntityType, id: string, version: number, validFrom: string | null): Promise<void> {
  await request(endMutation(type), { id, version, validFrom });
}

/** Corrects the date of the entity's latest entry to `validFrom` (YYYY-MM-DD) and ends the entity there (one transaction). */
export async function correctEndEntity(type: EntityType, id: string, version: number, validFrom: string): Promise<void> {
  await request(correctEndMutation(type), { id, version, next: version + 1, validFrom });
}

/** Corrects the date of the entity's latest entry to `validFrom` (YYYY-MM-DD) and applies `patch` there. */
export async function correctEntity(
  type: EntityType,
  id: string,
  version: number,
  patch: Record<string, unknown>,
  validFrom: string,
): Promise<EntityData> {
  const data = await request<Record<string, EntityData>>(correctMutation(type), { id, version, patch, validFrom });
  return data[`correct${type}`]!;
}
