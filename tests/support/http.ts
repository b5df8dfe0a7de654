import type { FastifyInstance } from 'fastify';
import { buildApp } from '@trame/api';
import type { Graph } from '@trame/graph';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export async function testApp(graph: Graph): Promise<FastifyInstance> {
  return buildApp({ graph, webDir: null, graphiql: false, user: { id: 'pilote-test', name: 'Pilote de test' } });
}

/** POSTs one GraphQL operation through fastify's inject (no port). */
export async function gql<T = Record<string, unknown>>(
  app: FastifyInstance,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return response.json() as GqlResult<T>;
}

/** The error code of the first error, for assertions. */
export function codeOf(result: GqlResult): unknown {
  return result.errors?.[0]?.extensions?.code;
}
