import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { authenticateApiToken } from './api-tokens.ts';
import { ANONYMOUS, type Principal } from './principal.ts';
import { secretKind } from './secrets.ts';
import { authenticateSession, type SessionOptions } from './sessions.ts';
import { authenticateWallLink } from './wall-links.ts';

/** What the API hands over from a request. */
export interface PresentedCredentials {
  /** The session cookie's value, if any. */
  sessionToken?: string | null;
  /** The `Authorization` header, if any: `Bearer trame_pat_…` or `Bearer trame_mur_…`. */
  authorization?: string | null;
}

export interface Resolution {
  principal: Principal;
  /** The session cookie named nothing live: the API clears it. */
  clearSessionCookie: boolean;
}

const unknownCredential = () =>
  new DomainError(
    'UNAUTHENTICATED',
    'le jeton présenté est inconnu, expiré ou révoqué : connectez-vous ou créez un nouveau jeton',
  );

/**
 * One request's principal, in one read (plus a write at most once a minute per credential):
 * - a Bearer header wins over the cookie. `trame_pat_…` → the token's user with their active
 *   grants; `trame_mur_…` → the wall link. A Bearer that is malformed, unknown, revoked or
 *   expired throws UNAUTHENTICATED: a script must learn its token died, not read as anonymous.
 * - otherwise the session cookie → its user (`via: 'session'`: the API applies its CSRF check);
 *   an unknown or expired cookie resolves to anonymous with `clearSessionCookie`.
 * - nothing presented → anonymous.
 */
export async function resolvePrincipal(
  graph: Graph,
  presented: PresentedCredentials,
  options: SessionOptions = {},
): Promise<Resolution> {
  const header = presented.authorization?.trim();
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const secret = match?.[1];
    const kind = secret ? secretKind(secret) : null;
    if (secret && kind === 'apiToken') {
      const holder = await authenticateApiToken(graph, secret, options);
      if (!holder) throw unknownCredential();
      return { principal: { kind: 'user', user: holder.user, grants: holder.grants, via: 'token' }, clearSessionCookie: false };
    }
    if (secret && kind === 'wallLink') {
      const link = await authenticateWallLink(graph, secret, options);
      if (!link) throw unknownCredential();
      return { principal: link, clearSessionCookie: false };
    }
    throw unknownCredential();
  }
  if (presented.sessionToken) {
    const session = await authenticateSession(graph, presented.sessionToken, options);
    if (!session) return { principal: ANONYMOUS, clearSessionCookie: true };
    return { principal: { kind: 'user', user: session.user, grants: session.grants, via: 'session' }, clearSessionCookie: false };
  }
  return { principal: ANONYMOUS, clearSessionCookie: false };
}
