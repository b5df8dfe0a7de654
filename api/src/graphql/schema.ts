import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
import type { GraphQLContext, ServerContext } from './context.ts';
import { entityMutationResolvers, entityObjectResolvers } from './resolvers/entities.ts';
import { analysisResolvers } from './resolvers/analysis.ts';
import { importResolvers } from './resolvers/import.ts';
import { queryResolvers } from './resolvers/queries.ts';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars.ts';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(`${SCHEMA_DIR}/${name}`, 'utf8'));
}

export function buildSchema() {
  const objects = entityObjectResolvers();
  const custom: Record<string, Record<string, unknown>> = {};
  for (const part of [queryResolvers, analysisResolvers, importResolvers] as Record<string, Record<string, unknown>>[]) {
    for (const [type, fields] of Object.entries(part)) custom[type] = { ...custom[type], ...fields };
  }
  const resolvers: Record<string, unknown> = {
    DateTime: DateTimeScalar,
    Date: DateScalar,
    JSON: JSONScalar,
    ...custom,
    Mutation: { ...entityMutationResolvers(), ...custom.Mutation },
  };
  for (const [type, fields] of Object.entries(objects)) {
    resolvers[type] = { ...fields, ...(custom[type] ?? {}) };
  }
  return createSchema<ServerContext & GraphQLContext>({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });
}
