import type { TypedDocumentString } from '../generated/graphql.ts';
import { bookmarkHeaders, forgetBookmark, rememberBookmark } from './bookmark.ts';
import { credentialHeaders, requestCredentials } from './wallCredential.ts';

/** The one way the web app talks to the API: a POST to /graphql; errors keep their code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Runs one GraphQL document: a typed one from `graphql()` (web/src/generated, the result and
 * variables typed from the SDL), or a string built from the model (api/entityDocuments.ts).
 * TanStack Query calls it as the queryFn and mutationFn. Throws ApiError (code NETWORK,
 * PAYLOAD_TOO_LARGE, BAD_RESPONSE, or the API's `extensions.code`). Sends the last write's
 * bookmark and keeps the next (bookmark.ts); a bookmark the server refuses is dropped and the
 * request sent once more without it.
 */
export async function request<T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<T>;
export async function request<T>(document: string, variables?: Record<string, unknown>): Promise<T>;
export async function request<T>(document: string | TypedDocumentString<T, unknown>, variables: unknown = {}): Promise<T> {
  return requestStarted<T>(document.toString(), variables, null);
}

/**
 * As `request`, with the POST already sent by someone else (`started`: its response, from
 * `fetch('/graphql', graphqlRequestInit(query, variables))` — the projection's opening read,
 * openingEarly.ts) or null to send it now. The same errors; a refused bookmark sends it again.
 */
export async function requestStarted<T>(query: string, variables: unknown, started: Promise<Response> | null): Promise<T> {
  try {
    return await send<T>(query, variables, started);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'INVALID_BOOKMARK') throw error;
    forgetBookmark();
    return send<T>(query, variables, null);
  }
}

/**
 * The fetch options of a GraphQL POST as the app sends it: JSON, the CSRF header, the last
 * write's bookmark, the wall's credential or the session cookie.
 */
export function graphqlRequestInit(query: string, variables: unknown): RequestInit {
  return {
    method: 'POST',
    // x-trame-csrf: a header a cross-site form or fetch cannot send; the server refuses a
    // cookie-signed request without it (api/src/plugins/security.ts).
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-trame-csrf': '1',
      ...bookmarkHeaders(),
      ...credentialHeaders(),
    },
    credentials: requestCredentials(),
    body: JSON.stringify({ query, variables }),
  };
}

async function send<T>(query: string, variables: unknown, started: Promise<Response> | null): Promise<T> {
  let response: Response;
  try {
    response = await (started ?? fetch('/graphql', graphqlRequestInit(query, variables)));
  } catch {
    throw new ApiError('Le serveur ne répond pas. Vérifiez qu’il est démarré, puis réessayez.', 'NETWORK');
  }
  if (response.status === 413) {
    // fastify's body limit (2 MiB): only a very large import gets there.
    throw new ApiError(
      'La demande est trop volumineuse pour le serveur (plus de 2 Mo) : découpez le fichier en plusieurs.',
      'PAYLOAD_TOO_LARGE',
    );
  }
  rememberBookmark(response);
  let body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`Réponse illisible du serveur (HTTP ${response.status}).`, 'BAD_RESPONSE');
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, String(error.extensions?.code ?? 'UNKNOWN'), error.extensions ?? {});
  if (!body.data) throw new ApiError('Réponse vide du serveur.', 'BAD_RESPONSE');
  return body.data;
}
