import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Action, GraphQLContext, ServerContext, User } from './context.ts';
import { createErrorMask } from './errors.ts';
import { useProjectStateCache } from './project-states.ts';
import { buildSchema } from './schema.ts';


/** Errors raised before execution (parse, validation, limits) get a stable code too. */
function codeOf(error: GraphQLError): string {
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (/limit|cost|depth|alias|token|directive/i.test(error.message) && !error.path) return 'QUERY_TOO_COMPLEX';
  return 'GRAPHQL_VALIDATION_FAILED';
}

const useErrorCodes: Plugin = {
  onResultProcess({ result, setResult }) {
    if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result) || !result.errors) return;
    const errors = result.errors.map((error) => {
      if (typeof error.extensions?.code === 'string' && error.extensions.code !== 'BAD_USER_INPUT') return error;
      return new GraphQLError(error.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { ...error.extensions, code: codeOf(error) },
      });
    });
    setResult({ ...result, errors });
  },
};

export interface YogaRouteOptions {
  user: User;
  graphiql: boolean;
  authorize?: (user: User, action: Action, scope?: { projectId?: string | null; territoryId?: string | null }) => void;
}

/** The one seam between fastify and yoga: a single route hands req/reply to yoga. */
export function registerGraphQL(app: FastifyInstance, options: YogaRouteOptions): void {
  const authorize = options.authorize ?? (() => {});
  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql ? { title: 'Trame — GraphQL' } : false,
    // GraphiQL's page bundle weighs ~80 MiB resident once loaded: only when someone opens it.
    renderGraphiQL: async (graphiqlOptions) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    landingPage: false,
    maskedErrors: { maskError: createErrorMask(() => app.log) },
    logging: {
      debug: (...args) => args.forEach((arg) => app.log.debug(arg)),
      info: (...args) => args.forEach((arg) => app.log.info(arg)),
      warn: (...args) => args.forEach((arg) => app.log.warn(arg)),
      error: (...args) => args.forEach((arg) => app.log.error(arg)),
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: 12 },
        maxAliases: { n: 20 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 4000 },
        costLimit: { maxCost: 50000 },
      }),
      useErrorCodes,
      useProjectStateCache,
    ],
    context: ({ req }): GraphQLContext => ({
      graph: req.graph,
      user: options.user,
      requestId: req.id,
      log: req.log,
      authorize: (action, scope) => authorize(options.user, action, scope),
    }),
  });

  app.route({
    url: yoga.graphqlEndpoint,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: (req, reply) => yoga.handleNodeRequestAndResponse(req, reply, { req, reply }),
  });
}
