import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError } from 'graphql';
import { ERROR_CODES, GraphUnavailableError, isDomainError, type EntityRecord } from '@trame/graph';
import type { FastifyBaseLogger } from 'fastify';
import { plainEntity } from './presenters.ts';

/** Codes the transport adds to the domain's catalogue (graph/src/errors.ts). */
export const API_ERROR_CODES = {
  GRAPHQL_PARSE_FAILED: "La requête GraphQL n'est pas syntaxiquement valide.",
  GRAPHQL_VALIDATION_FAILED:
    'La requête ne respecte pas le schéma (champ inconnu, valeur d’énumération inconnue, argument ou variable manquant ou du mauvais type…).',
  QUERY_TOO_COMPLEX:
    'La requête dépasse une limite (profondeur, alias, jetons, coût ou directives) : le message nomme la limite et sa valeur (`extensions.limit`, `extensions.max`).',
  RESPONSE_TOO_LARGE:
    'La réponse dépasserait la taille permise (64 Mio de JSON) — le plus souvent une requête trop imbriquée (`territories { actors { territory { actors … } } }`) : demandez moins de niveaux ou moins de champs ; rien n’a été modifié.',
  NOT_EXECUTED:
    "Ce champ de mutation n'a pas été exécuté : un champ précédent de la même opération a échoué (`extensions.failedField`) et rien n'a été enregistré.",
  TRANSIENT_FAILURE: "Une écriture concurrente a interrompu la mutation, même rejouée : rien n'a été enregistré, renvoyez-la.",
  BAD_REQUEST:
    'La requête HTTP est mal formée (corps JSON illisible, champ query absent, paramètre variables ou extensions illisible) ; HTTP 400.',
  INVALID_ENCODING: "Le corps de la requête n'est pas de l'UTF-8 valide ; HTTP 400.",
  METHOD_NOT_ALLOWED: 'Méthode HTTP non permise : GET (requêtes seulement), POST ou OPTIONS ; HTTP 405 avec l’en-tête Allow.',
  PAYLOAD_TOO_LARGE: 'Le corps de la requête dépasse 2 Mio ; HTTP 413.',
  UNSUPPORTED_MEDIA_TYPE: 'Le corps doit être du JSON (Content-Type: application/json) ; HTTP 415.',
  CSRF_REFUSED:
    "Requête signée par le cookie de session sans l'en-tête `x-trame-csrf` (protection contre les requêtes intersites) ; HTTP 403. Un script s'authentifie par jeton (`Authorization: Bearer`).",
  ORIGIN_REFUSED:
    "Requête venant d'une autre origine (en-tête `Origin`) que celles de `TRAME_CORS_ORIGINS`, ou `Origin: null` ; HTTP 403.",
  HOST_REFUSED:
    "L'en-tête `Host` ne nomme pas ce serveur (ni `TRAME_PUBLIC_URL`, ni l'adresse d'écoute, ni localhost, ni une adresse IP) : protection contre le DNS rebinding ; HTTP 421 (400 sans en-tête Host).",
  RATE_LIMITED:
    'Trop de tentatives de connexion (par compte ou par adresse) : le message dit quand réessayer ; HTTP 429 sur les routes /auth/*.',
  INTERNAL_SERVER_ERROR: 'Erreur interne : rien n’a été modifié ; le journal du serveur la décrit sous son requestId.',
  SERVICE_UNAVAILABLE:
    'La base de données est momentanément injoignable : rien n’a été modifié, réessayez (HTTP 503 avec Retry-After).',
  // Single sign-on (api/src/plugins/oidc.ts): sent to the sign-in page as /connexion?erreur=<CODE>.
  OIDC_STATE_MISMATCH:
    "La connexion unique n'a pas pu être vérifiée (tentative expirée après 10 minutes, commencée dans un autre navigateur, ou réponse falsifiée) : recommencez.",
  OIDC_FAILED:
    "Le fournisseur d'identité a refusé la connexion ou n'a pas répondu : recommencez, ou connectez-vous avec votre mot de passe.",
  OIDC_EMAIL_NOT_VERIFIED:
    "Le fournisseur d'identité n'a pas donné d'adresse e-mail vérifiée : Trame ne peut pas reconnaître le compte.",
} as const;

export const ALL_ERROR_CODES = { ...ERROR_CODES, ...API_ERROR_CODES };

/** A Neo4j error the server says may succeed if tried again (deadlock, lock timeout…). */
export function isTransientGraphError(error: unknown): boolean {
  if (error instanceof GraphUnavailableError) return false;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Neo.TransientError.');
}

/** The same error (message, location, path, cause) with `extensions` added or replaced. */
export function withExtensions(error: GraphQLError, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...extensions },
  });
}
export type ApiErrorCode = keyof typeof ALL_ERROR_CODES;

/** Seconds a client should wait before retrying when the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** An error about the request itself, with its code and a French message. */
export function requestError(code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/**
 * The logger of the request being served, so that the error mask (which yoga calls without
 * the request) logs under its request id. Set by the GraphQL route (yoga.ts).
 */
export const requestScope = new AsyncLocalStorage<{ log: FastifyBaseLogger; requestId: string }>();

/**
 * graphql ships both ESM and CommonJS builds, and yoga's executor may load the other one:
 * `instanceof GraphQLError` is unreliable, the name is not.
 */
export function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

function isEntityRecord(value: unknown): value is EntityRecord {
  return typeof value === 'object' && value !== null && 'values' in value && 'versionFrom' in value;
}

function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) out[key] = isEntityRecord(value) ? plainEntity(value) : value;
  return out;
}

/** Extensions a client may see: never `originalError` (it can carry a parser's or driver's text). */
function publicExtensions(extensions: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const { originalError: _hidden, ...rest } = extensions ?? {};
  return rest;
}

/** Errors the mask has logged: yoga logs masked errors again, and that copy is dropped. */
export const loggedErrors = new WeakSet<object>();

/**
 * Yoga's error mask: a domain error becomes a GraphQL error with its stable code; an error
 * about the request keeps its code; anything else is logged with the request id and replaced by
 * a message that leaks nothing. Expected errors are logged at `info`, without a stack; only
 * unexpected ones at `error`.
 */
export function createErrorMask(fallbackLog: () => FastifyBaseLogger) {
  return (error: unknown, _message: string): Error => {
    const scope = requestScope.getStore();
    const log = scope?.log ?? fallbackLog();
    const requestId = scope?.requestId;
    if (error instanceof Error) loggedErrors.add(error);
    const located = isGraphQLError(error) ? error : undefined;
    const at = { nodes: located?.nodes, source: located?.source, positions: located?.positions, path: located?.path };
    const expected = (masked: GraphQLError): GraphQLError => {
      log.info({ code: masked.extensions.code, path: masked.path, requestId }, masked.message);
      return masked;
    };

    let original: unknown = error;
    while (isGraphQLError(original) && original.originalError) original = original.originalError;
    // A wrapper's extensions (graphql's variable errors, the mutation's rolledBack) stay, its HTTP status does not.
    const { http: _status, ...outer } = located && located !== original ? publicExtensions(located.extensions) : {};
    if (isDomainError(original)) {
      return expected(
        new GraphQLError(original.message, {
          ...at,
          extensions: { ...outer, code: original.code, ...publicDetails(original.details) },
        }),
      );
    }
    if (isGraphQLError(original) && typeof original.extensions.code === 'string') {
      // Raised on purpose with a code (scalars, limits, skipped mutation fields): about the request.
      return expected(
        new GraphQLError(original.message, {
          ...at,
          extensions: { ...outer, ...publicExtensions(original.extensions) },
        }),
      );
    }
    if (isGraphQLError(original) && located && !located.path) {
      // About the request, raised by graphql itself before any field ran (parse, validation,
      // variables): its own words, and a code by phase (useErrorCodes) unless it has one.
      const extensions = located === original ? publicExtensions(located.extensions) : outer;
      const masked = new GraphQLError(located.message, { ...at, extensions });
      if (typeof extensions.code === 'string') return expected(masked);
      log.info({ path: at.path, requestId }, located.message);
      return masked;
    }
    if (original instanceof GraphUnavailableError) {
      log.error({ err: original.cause, path: at.path, requestId }, 'graph database unavailable');
      return new GraphQLError(
        'La base de données est momentanément injoignable : rien n’a été modifié, réessayez dans un instant.',
        {
          path: at.path,
          extensions: {
            code: 'SERVICE_UNAVAILABLE',
            ...(outer.rolledBack ? { rolledBack: true } : {}),
            http: { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
          },
        },
      );
    }
    if (isTransientGraphError(original)) {
      log.warn(
        { neo4jCode: (original as { code?: string }).code, path: at.path, requestId },
        'transient Neo4j error after every attempt',
      );
      return new GraphQLError('Une écriture concurrente a interrompu la mutation : rien n’a été enregistré, renvoyez-la.', {
        path: at.path,
        extensions: { code: 'TRANSIENT_FAILURE', ...(outer.rolledBack ? { rolledBack: true } : {}) },
      });
    }
    log.error({ err: original, path: at.path, requestId }, 'unexpected error in a GraphQL operation');
    return new GraphQLError('Erreur interne : rien n’a été modifié. Le journal du serveur en garde la trace.', {
      path: at.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, ...(outer.rolledBack ? { rolledBack: true } : {}) },
    });
  };
}
