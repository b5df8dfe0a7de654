import { ApiError } from './client.ts';

/**
 * The sign-in routes (REST, JSON; docs/API.md): password, one-time link, sign-out, and which
 * single sign-on is offered. Every POST carries `x-trame-csrf: 1` (the server refuses a
 * cookie-authenticated request without it). Errors are ApiError with the server's code
 * (INVALID_CREDENTIALS, RATE_LIMITED, INVALID_SIGN_IN_LINK…) or NETWORK / BAD_RESPONSE.
 */

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

export interface AuthOptions {
  /** The OpenID Connect provider's label (« ProConnect »…), or null when none is configured. */
  oidc: { label: string } | null;
}

async function call<T>(path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.method === 'POST' ? { 'x-trame-csrf': '1' } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      credentials: 'same-origin',
      body: init.body !== undefined ? JSON.stringify(init.body) : null,
    });
  } catch {
    throw new ApiError('Le serveur ne répond pas. Vérifiez qu’il est démarré, puis réessayez.', 'NETWORK');
  }
  if (response.status === 204) return null;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`Réponse illisible du serveur (HTTP ${response.status}).`, 'BAD_RESPONSE');
  }
  if (!response.ok) throw errorOf(body, response.status);
  return body as T;
}

/** The REST routes answer `{error: {code, message}}`; the auth hook's 401 answers `{errors: [...]}` like GraphQL. */
function errorOf(body: unknown, status: number): ApiError {
  const shaped = body as {
    error?: { code?: string; message?: string };
    errors?: { message?: string; extensions?: { code?: string } }[];
  };
  const error = shaped?.error ?? { code: shaped?.errors?.[0]?.extensions?.code, message: shaped?.errors?.[0]?.message };
  const code = error.code ?? (status === 429 ? 'RATE_LIMITED' : status === 401 ? 'UNAUTHENTICATED' : `HTTP_${status}`);
  return new ApiError(error.message ?? `Erreur du serveur (HTTP ${status}).`, code);
}

/** Signs in with an e-mail and a password; the server sets the session cookie. */
export async function signIn(email: string, password: string): Promise<SignedInUser> {
  const body = await call<{ user: SignedInUser }>('/auth/connexion', { method: 'POST', body: { email, password } });
  return body!.user;
}

/** Signs in with a one-time link's secret (`trame_lien_…`); `mustSetPassword`: the account has none yet. */
export async function signInWithLink(token: string): Promise<{ user: SignedInUser; mustSetPassword: boolean }> {
  const body = await call<{ user: SignedInUser; mustSetPassword: boolean }>('/auth/lien', {
    method: 'POST',
    body: { jeton: token },
  });
  return body!;
}

/** Ends the session (server side) and clears the cookie. */
export async function signOut(): Promise<void> {
  await call('/auth/deconnexion', { method: 'POST' });
}

/** Which single sign-on the sign-in page offers. An older server without the route offers none. */
export async function authOptions(): Promise<AuthOptions> {
  try {
    return (await call<AuthOptions>('/auth/options', { method: 'GET' })) ?? { oidc: null };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'HTTP_404') return { oidc: null };
    throw error;
  }
}

/** Where the browser goes to sign in through OpenID Connect (a redirect to the provider). */
export const OIDC_START = '/auth/oidc';
