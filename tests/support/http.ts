import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '@trame/api';
import { Graph } from '@trame/graph';
import { createTestAdmin, type TestUser } from './principals.ts';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** Each test app's administrator: `gql(app, …)` runs as them. */
const administrators = new WeakMap<FastifyInstance, TestUser>();

/** Makes `gql(app, …)` run as `admin` (useTestApp and testApp do it). */
export function actAs(app: FastifyInstance, admin: TestUser): void {
  administrators.set(app, admin);
}

/** The administrator `gql(app, …)` runs as. */
export function administratorOf(app: FastifyInstance): TestUser {
  const admin = administrators.get(app);
  if (!admin) throw new Error('test fixture: this app has no administrator (build it with testApp or useTestApp)');
  return admin;
}

/**
 * An app without web pages nor GraphiQL, with an administrator named « Pilote de test » created
 * in the database (through a plain Graph on the same driver: `graph` may be a counting or broken
 * double), whom `gql(app, …)` runs as.
 */
export async function testApp(graph: Graph, overrides: Partial<Omit<AppOptions, 'graph'>> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ graph, webDir: null, graphiql: false, ...overrides });
  actAs(app, await createTestAdmin(new Graph(graph.driver, graph.database)));
  return app;
}

/**
 * POSTs one GraphQL operation through fastify's inject (no port) as `secret` (`trame_pat_…`,
 * `trame_mur_…`, sent as a Bearer) or anonymously (null).
 */
export async function gqlAs<T = Record<string, unknown>>(
  app: FastifyInstance,
  secret: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
    payload: { query, variables },
  });
  return response.json() as GqlResult<T>;
}

/** POSTs one GraphQL operation through fastify's inject (no port), as the app's administrator. */
export async function gql<T = Record<string, unknown>>(
  app: FastifyInstance,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  return gqlAs<T>(app, administratorOf(app).token, query, variables);
}

/** The error code of the first error, for assertions. */
export function codeOf(result: GqlResult): unknown {
  return result.errors?.[0]?.extensions?.code;
}
