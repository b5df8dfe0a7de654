import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
import { ENTITIES, type Model } from '@trame/graph';
import type { GraphQLContext, ServerContext } from './context.ts';
import { guardRootFields } from './access-policy.ts';
import { accessRules } from './access-rules.ts';
import { entityTypeDefs } from './entity-schema.ts';
import { entityListResolvers, entityMutationResolvers, entityObjectResolvers } from './resolvers/entities.ts';
import { accountResolvers } from './resolvers/account.ts';
import { analysisResolvers } from './resolvers/analysis.ts';
import { importResolvers } from './resolvers/import.ts';
import { liveResolvers } from './resolvers/live.ts';
import { mergeResolvers } from './resolvers/merge.ts';
import { queryResolvers } from './resolvers/queries.ts';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars.ts';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));
/** Written by `npm run codegen` from the model, for the code generators; the server reads the model itself. */
export const ENTITY_SCHEMA_FILE = 'entities.graphql';

/**
 * The schema's text: the hand-written files of api/schema/ and the entity part written from the
 * model, so the server needs no generated file (a fresh clone starts without `npm run codegen`).
 */
export function loadTypeDefs(model: Model = ENTITIES): string[] {
  const written = readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.graphql') && name !== ENTITY_SCHEMA_FILE)
    .sort()
    .map((name) => readFileSync(`${SCHEMA_DIR}/${name}`, 'utf8'));
  return [...written, entityTypeDefs(model)];
}

/**
 * The executable schema; `model` defaults to the real one (tests pass a fixture model). Every
 * root field is guarded by its access rule (access-rules.ts); a field without one throws here.
 */
export function buildSchema(model: Model = ENTITIES) {
  const objects = entityObjectResolvers(model);
  const lists: Record<string, Record<string, unknown>> = entityListResolvers(model);
  const custom: Record<string, Record<string, unknown>> = {};
  for (const part of [
    queryResolvers,
    analysisResolvers,
    importResolvers,
    accountResolvers,
    liveResolvers,
    mergeResolvers,
  ] as Record<string, Record<string, unknown>>[]) {
    for (const [type, fields] of Object.entries(part)) custom[type] = { ...custom[type], ...fields };
  }
  const resolvers: Record<string, unknown> = {
    DateTime: DateTimeScalar,
    Date: DateScalar,
    JSON: JSONScalar,
    ...custom,
    Mutation: { ...entityMutationResolvers(model), ...custom.Mutation },
  };
  // Hand-written resolvers (queries.ts: Project.actors, the milestones in date order) win.
  for (const [type, fields] of Object.entries(objects)) {
    resolvers[type] = { ...fields, ...lists[type], ...(custom[type] ?? {}) };
  }
  const schema = createSchema<ServerContext & GraphQLContext>({ typeDefs: loadTypeDefs(model), resolvers: resolvers as never });
  return guardRootFields(schema, accessRules(model));
}
