import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  parse,
  type ASTVisitor,
  type OperationDefinitionNode,
  type ValidationContext,
} from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import pLimit from 'p-limit';
import { principalLabel, type Graph, type Principal } from '@trame/graph';
import type { LiveBus } from '../live/bus.ts';
import type { GraphQLContext, ServerContext } from './context.ts';
import {
  ALL_ERROR_CODES,
  createErrorMask,
  isGraphQLError,
  loggedErrors,
  requestError,
  requestScope,
  withExtensions,
  type ApiErrorCode,
} from './errors.ts';
import {
  GRAPHIQL_SIGN_IN_PAGE,
  graphiqlContentSecurityPolicy,
  isGraphiQLPageRequest,
  isSignedIn,
  useAnonymousLimits,
  withGraphiQLPolicy,
} from '../plugins/security-graphql.ts';
import { CSRF_HEADER } from '../plugins/security.ts';
import { useProjectStateCache } from './project-states.ts';
import { DEFAULT_MAX_RESPONSE_CHARS, useResponseSizeLimit } from './response-size.ts';
import { buildSchema } from './schema.ts';
import { allOrNothingMutations, useMutationTransaction } from './transaction.ts';

/** Limits on one GraphQL document, documented in docs/API.md (« Limites »). */

/**
 * Database reads one operation may run at once. Sibling fields resolve concurrently: a query
 * walking every territory's actors, and each actor's territory's lists, opened hundreds of
 * sessions at once, waited past the pool's acquisition timeout under load and tripped the
 * circuit breaker for everyone (SERVICE_UNAVAILABLE). Bounded, one operation leaves the rest
 * of the pool (50 connections) to the others.
 */
export const MAX_READS_PER_OPERATION = 8;

/**
 * The operation's view of the Graph: the same object (prototype), its `read` queued through a
 * limiter of MAX_READS_PER_OPERATION. Reads never nest (work functions use their transaction),
 * so the queue cannot deadlock. Writes and mutations' one transaction are unchanged.
 */
function operationGraph(graph: Graph): Graph {
  const limit = pLimit(MAX_READS_PER_OPERATION);
  const view = Object.create(graph) as Graph;
  view.read = (work, options) => limit(() => graph.read(work, options));
  return view;
}

export const QUERY_LIMITS = {
  depth: 12,
  /** A query stays small; a mutation may record a whole MACTOR matrix (30 positions…) at once. */
  aliasesPerQuery: 20,
  aliasesPerMutation: 100,
  directives: 20,
  tokens: 4000,
  cost: 50000,
} as const;

/** An armor onReject handler: the limit's own error, with a code and a French message naming it. */
function tooComplex(limit: string, label: string, max: number) {
  return [
    (_context: ValidationContext | null, _error: GraphQLError): never => {
      throw requestError('QUERY_TOO_COMPLEX', `la requête dépasse la limite « ${label} » : ${max} au plus`, { limit, max });
    },
  ];
}

/** Aliases per operation, the limit chosen by the operation's kind (armor has one limit for all). */
function aliasLimitRule(context: ValidationContext): ASTVisitor {
  const visitor = (n: number, kind: string) =>
    maxAliasesRule({ n, onReject: tooComplex('aliases', `alias par ${kind}`, n), propagateOnRejection: false })(
      context,
    ) as unknown as {
      OperationDefinition: { enter(node: OperationDefinitionNode): void };
    };
  const query = visitor(QUERY_LIMITS.aliasesPerQuery, 'requête');
  const mutation = visitor(QUERY_LIMITS.aliasesPerMutation, 'mutation');
  return {
    OperationDefinition: {
      enter: (node) => (node.operation === 'mutation' ? mutation : query).OperationDefinition.enter(node),
    },
  };
}

/** Yoga's code for values that do not fit the schema (variables): a schema error for us. */
const YOGA_INPUT_CODE = 'BAD_USER_INPUT';

function withCode(error: GraphQLError, code: ApiErrorCode): GraphQLError {
  if (typeof error.extensions.code === 'string' && error.extensions.code !== YOGA_INPUT_CODE) return error;
  return withExtensions(error, { code });
}

/** Transport errors yoga raises itself carry only an HTTP status: their code and French message. */
const TRANSPORT_ERRORS: Record<number, [ApiErrorCode, string]> = {
  400: ['BAD_REQUEST', 'la requête HTTP est mal formée'],
  405: ['METHOD_NOT_ALLOWED', 'méthode HTTP non permise : les mutations passent par POST'],
  413: ['PAYLOAD_TOO_LARGE', 'le corps de la requête est trop gros'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'le corps de la requête doit être du JSON (application/json)'],
};

/**
 * Errors raised before or around execution get a stable code by the phase that raised them —
 * never by reading their text: parse → GRAPHQL_PARSE_FAILED, validation and variables →
 * GRAPHQL_VALIDATION_FAILED, yoga's transport errors by their HTTP status.
 */
const useErrorCodes: Plugin = {
  onParse() {
    return ({ result, replaceParseResult }) => {
      if (isGraphQLError(result)) replaceParseResult(withCode(result, 'GRAPHQL_PARSE_FAILED'));
    };
  },
  onValidate({ addValidationRule }) {
    addValidationRule(aliasLimitRule);
    return ({ valid, result, setResult }) => {
      if (!valid) setResult(result.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')));
    };
  },
  onExecute() {
    return {
      onExecuteDone({ result, setResult }) {
        if (!('errors' in result) || !result.errors) return;
        // Without a path, an execution error is about the variables (coerced before any field runs).
        setResult({
          ...result,
          errors: result.errors.map((error) => (error.path ? error : withCode(error, 'GRAPHQL_VALIDATION_FAILED'))),
        });
      },
    };
  },
  onResultProcess({ result, setResult }) {
    if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result) || !result.errors) return;
    const errors = result.errors.map((error) => {
      const code = error.extensions?.code;
      if (typeof code === 'string' && code !== 'BAD_REQUEST' && code in ALL_ERROR_CODES) return error;
      // Yoga's own transport errors carry an HTTP status (ours never do but for the 503): that
      // status, not their English text, says what they are.
      const status = (error.extensions?.http as { status?: number } | undefined)?.status;
      const transport = status ? TRANSPORT_ERRORS[status] : undefined;
      if (transport)
        return new GraphQLError(transport[1], {
          path: error.path,
          extensions: { http: error.extensions.http, code: transport[0] },
        });
      return new GraphQLError('Erreur interne : rien n’a été modifié.', {
        path: error.path,
        extensions: { ...error.extensions, code: 'INTERNAL_SERVER_ERROR' },
      });
    });
    setResult({ ...result, errors });
  },
};

export interface YogaRouteOptions {
  graphiql: boolean;
  /** Where the app is reached from outside, without trailing slash (wall link addresses); null: from the request. */
  publicUrl: string | null;
  /**
   * GraphQL operations executed at once (p-limit); the others wait in arrival order. Two cores
   * gain nothing from 50 operations at once, and each holds its project states and answer in
   * memory: at XL, 50 clients reading a 735 KiB map took the process to 823 MiB unbounded.
   */
  maxConcurrentOperations: number;
  /** Where committed changes are published and subscriptions listen (api/src/live/bus.ts). */
  live: LiveBus;
  /** The largest answer, in JSON characters (response-size.ts); default DEFAULT_MAX_RESPONSE_CHARS. */
  maxResponseChars?: number;
}

/**
 * A subscription over server-sent events (ADR 0010): it stays open for minutes, waiting on the
 * bus, and must not hold one of the operation slots meanwhile. Only a subscription is let
 * through: a query sent as an event stream waits for its slot as any other.
 */
function isSubscriptionStream(req: FastifyRequest): boolean {
  if (!req.headers.accept?.includes('text/event-stream')) return false;
  const params = (req.method === 'GET' ? req.query : req.body) as { query?: unknown; operationName?: unknown };
  if (typeof params?.query !== 'string') return false;
  try {
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    return getOperationAST(parse(params.query, { maxTokens: QUERY_LIMITS.tokens }), operationName)?.operation === 'subscription';
  } catch {
    return false; // yoga answers the parse error, in its turn
  }
}

export const DEFAULT_MAX_CONCURRENT_OPERATIONS = 4;

/** Whom a change is attributed to: the user's display name, and their id. */
function changeAuthor(principal: Principal): GraphQLContext['author'] {
  return { author: principalLabel(principal), authorId: principal.kind === 'user' ? principal.user.id : null };
}

/** A JSON object or nothing: what `variables` and `extensions` may be. */
function isObjectOrAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));
}

/** The first thing wrong with a GraphQL-over-HTTP request's parameters, or null. */
function requestProblem(req: FastifyRequest): string | null {
  if (req.method === 'GET') {
    const params = req.query as Record<string, unknown>;
    if (params.query === undefined && req.headers.accept?.includes('text/html')) return null; // GraphiQL
    if (typeof params.query !== 'string' || params.query.trim() === '')
      return 'le paramètre query (la requête GraphQL) est absent';
    for (const name of ['variables', 'extensions'] as const) {
      const raw = params[name];
      if (raw === undefined || raw === '') continue;
      if (typeof raw !== 'string') return `le paramètre ${name} est donné plusieurs fois`;
      try {
        if (!isObjectOrAbsent(JSON.parse(raw))) return `le paramètre ${name} doit être un objet JSON`;
      } catch {
        return `le paramètre ${name} n'est pas du JSON valide`;
      }
    }
    if (params.operationName !== undefined && typeof params.operationName !== 'string')
      return 'le paramètre operationName est donné plusieurs fois';
    return null;
  }
  if (req.method === 'POST') {
    const body = req.body as Record<string, unknown> | null | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'le corps de la requête doit être un objet JSON';
    if (typeof body.query !== 'string' || body.query.trim() === '')
      return 'le champ query (la requête GraphQL, un texte) est absent';
    if (!isObjectOrAbsent(body.variables)) return 'le champ variables doit être un objet JSON';
    if (!isObjectOrAbsent(body.extensions)) return 'le champ extensions doit être un objet JSON';
    if (body.operationName != null && typeof body.operationName !== 'string') return 'le champ operationName doit être un texte';
  }
  return null;
}

/** A GraphQL-shaped error answer outside yoga (transport errors). */
function sendError(reply: FastifyReply, status: number, code: ApiErrorCode, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code } }] });
}

class RequestBodyError extends Error {
  constructor(
    readonly statusCode: number,
    readonly trameCode: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const ALLOWED_METHODS = 'GET, POST, OPTIONS';

/** The one seam between fastify and yoga: a single route hands req/reply to yoga. */
export function registerGraphQL(app: FastifyInstance, options: YogaRouteOptions): void {
  const operations = pLimit(options.maxConcurrentOperations);
  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema: allOrNothingMutations(buildSchema()),
    graphqlEndpoint: '/graphql',
    // GraphiQL for signed-in users only (the route answers others first); its requests carry the
    // CSRF header, since the session cookie signs them.
    graphiql: options.graphiql ? { title: 'Trame — GraphQL', headers: JSON.stringify({ [CSRF_HEADER]: '1' }) } : false,
    // GraphiQL's page bundle weighs ~80 MiB resident once loaded: only when someone opens it.
    renderGraphiQL: withGraphiQLPolicy(async (graphiqlOptions) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    ),
    landingPage: false,
    // CORS is the security plugin's (closed unless TRAME_CORS_ORIGINS); yoga's own would echo any Origin.
    cors: false,
    maskedErrors: { maskError: createErrorMask(() => app.log) },
    logging: {
      debug: (...args) => args.forEach((arg) => app.log.debug(arg)),
      info: (...args) => args.forEach((arg) => app.log.info(arg)),
      warn: (...args) => args.forEach((arg) => app.log.warn(arg)),
      // Yoga logs every error its mask replaced; the mask has logged it already, at its level.
      error: (...args) =>
        args.forEach((arg) =>
          typeof arg === 'object' && arg !== null && loggedErrors.has(arg) ? undefined : app.log.error(arg),
        ),
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: {
          n: QUERY_LIMITS.depth,
          onReject: tooComplex('depth', 'profondeur', QUERY_LIMITS.depth),
          propagateOnRejection: false,
        },
        maxAliases: { enabled: false },
        // Suggestions are hidden from anonymous requests only (useAnonymousLimits).
        blockFieldSuggestion: { enabled: false },
        maxDirectives: {
          n: QUERY_LIMITS.directives,
          onReject: tooComplex('directives', 'directives', QUERY_LIMITS.directives),
          propagateOnRejection: false,
        },
        maxTokens: {
          n: QUERY_LIMITS.tokens,
          onReject: tooComplex('tokens', 'jetons', QUERY_LIMITS.tokens),
          propagateOnRejection: false,
        },
        costLimit: {
          maxCost: QUERY_LIMITS.cost,
          onReject: tooComplex('cost', 'coût', QUERY_LIMITS.cost),
          propagateOnRejection: false,
        },
      }),
      useAnonymousLimits,
      useErrorCodes,
      useResponseSizeLimit(options.maxResponseChars ?? DEFAULT_MAX_RESPONSE_CHARS),
      useProjectStateCache,
      useMutationTransaction,
    ],
    context: ({ req }): GraphQLContext => ({
      graph: operationGraph(req.graph),
      principal: req.principal,
      author: changeAuthor(req.principal),
      sessionToken: req.sessionToken,
      publicUrl: options.publicUrl ?? `${req.protocol}://${req.host}`,
      requestId: req.id,
      log: req.log,
      resources: new Map(),
      live: options.live,
    }),
  });

  // Its own plugin scope: the strict JSON parser and the error answers apply to /graphql only.
  void app.register(async (scope) => {
    const parseJson = scope.getDefaultJsonParser('error', 'error');
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      let text: string;
      try {
        // Invalid UTF-8 is refused, never read as U+FFFD and stored.
        text = utf8.decode(body as Buffer);
      } catch {
        done(new RequestBodyError(400, 'INVALID_ENCODING', "le corps de la requête n'est pas de l'UTF-8 valide"), undefined);
        return;
      }
      parseJson(req, text, (error, value) => {
        if (error) done(new RequestBodyError(400, 'BAD_REQUEST', "le corps de la requête n'est pas du JSON valide"), undefined);
        else done(null, value);
      });
    });

    scope.setErrorHandler((error: FastifyError | RequestBodyError, req, reply) => {
      if (error instanceof RequestBodyError) {
        req.log.info({ code: error.trameCode }, error.message);
        return sendError(reply, error.statusCode, error.trameCode, error.message);
      }
      const status = error.statusCode ?? 500;
      const known = TRANSPORT_ERRORS[status];
      if (status < 500 && known) {
        req.log.info({ code: known[0], fastifyCode: error.code }, known[1]);
        return sendError(reply, status, known[0], known[1]);
      }
      req.log.error({ err: error }, 'unexpected error on the GraphQL route');
      return sendError(
        reply,
        500,
        'INTERNAL_SERVER_ERROR',
        'Erreur interne : rien n’a été modifié. Le journal du serveur en garde la trace.',
      );
    });

    // GraphiQL's page runs one big inline script: its own policy, allowing that script by hash.
    scope.addHook('onSend', async (req, reply, payload) => {
      const policy = graphiqlContentSecurityPolicy();
      if (policy && reply.statusCode === 200 && isGraphiQLPageRequest(req)) reply.header('content-security-policy', policy);
      return payload;
    });

    scope.route({
      url: yoga.graphqlEndpoint,
      method: ['GET', 'POST', 'OPTIONS'],
      // HEAD would reach yoga, which has no answer for it: the route below says 405.
      exposeHeadRoute: false,
      handler: (req, reply) => {
        if (options.graphiql && isGraphiQLPageRequest(req) && !isSignedIn(req)) {
          return reply.code(401).type('text/html; charset=utf-8').send(GRAPHIQL_SIGN_IN_PAGE);
        }
        const problem = requestProblem(req);
        if (problem) {
          req.log.info({ code: 'BAD_REQUEST' }, problem);
          return sendError(reply, 400, 'BAD_REQUEST', problem);
        }
        const handle = () =>
          requestScope.run({ log: req.log, requestId: req.id }, () =>
            yoga.handleNodeRequestAndResponse(req, reply, { req, reply }),
          );
        return isSubscriptionStream(req) ? handle() : operations(handle);
      },
    });

    scope.route({
      url: yoga.graphqlEndpoint,
      method: ['HEAD', 'PUT', 'PATCH', 'DELETE'],
      handler: (_req, reply) =>
        sendError(
          reply.header('Allow', ALLOWED_METHODS),
          405,
          'METHOD_NOT_ALLOWED',
          `méthode HTTP non permise sur /graphql (${ALLOWED_METHODS})`,
        ),
    });
  });
}
