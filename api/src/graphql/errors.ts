import { GraphQLError } from 'graphql';
import { ERROR_CODES, GraphUnavailableError, isDomainError, type EntityRecord } from '@trame/graph';
import type { FastifyBaseLogger } from 'fastify';
import { plainEntity } from './presenters.ts';

/** Codes the transport adds to the domain's catalogue (graph/src/errors.ts). */
export const API_ERROR_CODES = {
  GRAPHQL_PARSE_FAILED: "La requête GraphQL n'est pas syntaxiquement valide.",
  GRAPHQL_VALIDATION_FAILED: 'La requête ne respecte pas le schéma (champ inconnu, valeur d’énumération inconnue, argument manquant…).',
  QUERY_TOO_COMPLEX: 'La requête dépasse les limites de profondeur, de coût ou de taille.',
  INTERNAL_SERVER_ERROR: 'Erreur interne : rien n’a été modifié ; le journal du serveur la décrit sous son requestId.',
  SERVICE_UNAVAILABLE: 'La base de données est momentanément injoignable : réessayez.',
} as const;

export const ALL_ERROR_CODES = { ...ERROR_CODES, ...API_ERROR_CODES };
export type ApiErrorCode = keyof typeof ALL_ERROR_CODES;

/**
 * graphql ships both ESM and CommonJS builds, and yoga's executor may load the other one:
 * `instanceof GraphQLError` is unreliable, the name is not.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
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

/**
 * Yoga's error mask: a domain error becomes a GraphQL error with its stable code; anything
 * else is logged with the request id and replaced by a message that leaks nothing.
 */
export function createErrorMask(log: () => FastifyBaseLogger) {
  return (error: unknown, _message: string): Error => {
    // Parse and validation errors come unwrapped: they are about the request, not our code.
    if (isGraphQLError(error) && !error.originalError) return error;
    let original: unknown = error;
    while (isGraphQLError(original) && original.originalError) original = original.originalError;
    if (isDomainError(original)) {
      return new GraphQLError(original.message, {
        nodes: isGraphQLError(error) ? error.nodes : undefined,
        path: isGraphQLError(error) ? error.path : undefined,
        extensions: { code: original.code, ...publicDetails(original.details) },
      });
    }
    if (isGraphQLError(original)) {
      // Raised by GraphQL itself or on purpose (scalars, limits, variable coercion): about the
      // request. Those without a code get one from the error-code plugin.
      return original;
    }
    const path = isGraphQLError(error) ? error.path : undefined;
    const requestId = (error as { requestId?: string }).requestId;
    if (original instanceof GraphUnavailableError) {
      log().error({ err: original.cause, path }, 'graph database unavailable');
      return new GraphQLError('La base de données est momentanément injoignable : réessayez dans un instant.', {
        path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
    log().error({ err: original, path, requestId }, 'unexpected error in a GraphQL operation');
    return new GraphQLError('Erreur interne : rien n’a été modifié. Le journal du serveur en garde la trace.', {
      path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  };
}
