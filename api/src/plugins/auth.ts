import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ANONYMOUS,
  GraphUnavailableError,
  isDomainError,
  resolvePrincipal,
  type Graph,
  type Principal,
  type SessionOptions,
} from '@trame/graph';
import { RETRY_AFTER_SECONDS } from '../graphql/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who asks: set by the auth plugin's onRequest hook on every request (anonymous by default). */
    principal: Principal;
    /** The session cookie's secret when it named a live session, else null. */
    sessionToken: string | null;
  }
  interface FastifyInstance {
    sessionCookie: SessionCookie;
  }
}

/** The session cookie, as the sign-in routes (and the OpenID Connect callback) set and clear it. */
export interface SessionCookie {
  /** `__Host-trame_session` behind HTTPS, `trame_session` on plain HTTP. */
  name: string;
  /** Sets the cookie to `token` until `expiresAt` (the session's absolute expiry). */
  set(reply: FastifyReply, token: string, expiresAt: Date): void;
  clear(reply: FastifyReply): void;
  /** The cookie's value in the request, if any. */
  read(request: FastifyRequest): string | null;
}

export interface AuthOptions {
  /** Behind HTTPS (TRAME_PUBLIC_URL starts with https): `__Host-` prefix and `Secure`. */
  secure: boolean;
  /** Session lifetime and clock (tests). */
  session?: SessionOptions;
}

export const SESSION_COOKIE_NAME = { http: 'trame_session', https: '__Host-trame_session' } as const;

/** The value of cookie `name` in a `Cookie` header, or null. Values are base64url secrets: no decoding. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, no Domain (+ Secure behind HTTPS). */
export function serializeCookie(name: string, value: string, options: { secure: boolean; expiresAt: Date | null }): string {
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  if (options.expiresAt) {
    const seconds = Math.max(0, Math.floor((options.expiresAt.getTime() - Date.now()) / 1000));
    parts.push(`Max-Age=${seconds}`, `Expires=${options.expiresAt.toUTCString()}`);
  }
  return parts.join('; ');
}

/**
 * Requests that never need a principal: the probes (they must answer whatever the database
 * does) and static files (a signed-in browser sends its cookie with every image and script:
 * one lookup each would be wasted). Everything else — /graphql, /auth/*, pages — is resolved.
 */
function needsNoPrincipal(url: string): boolean {
  const path = url.split('?', 1)[0]!;
  return path === '/health' || path === '/ready' || /\/[^/]+\.[a-z0-9]+$/i.test(path);
}

/**
 * The graph credentials are looked up in: reads wait for the client's bookmarks (a token
 * created through one API process works at once through another), but the rare "last used"
 * write goes through the app's graph, so that it never enters the client's bookmark chain.
 */
function credentialGraph(app: FastifyInstance, request: FastifyRequest): Graph {
  if (!request.graph) return app.graph;
  const view = Object.create(request.graph) as Graph;
  view.write = (work, options) => app.graph.write(work, options);
  return view;
}

function unauthenticated(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer realm="trame"')
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * Resolves `request.principal` on every request, in one read (resolvePrincipal): a Bearer
 * header (`trame_pat_…` personal token, `trame_mur_…` wall link) wins over the session cookie.
 * A bad Bearer answers HTTP 401 UNAUTHENTICATED in the GraphQL error shape (a script must learn
 * its token died); a dead cookie reads as anonymous and is cleared. An unreachable database
 * answers 503 SERVICE_UNAVAILABLE with Retry-After, like the GraphQL route.
 */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  const name = options.secure ? SESSION_COOKIE_NAME.https : SESSION_COOKIE_NAME.http;
  const cookie: SessionCookie = {
    name,
    set: (reply, token, expiresAt) =>
      void reply.header('set-cookie', serializeCookie(name, token, { secure: options.secure, expiresAt })),
    clear: (reply) =>
      void reply.header('set-cookie', serializeCookie(name, '', { secure: options.secure, expiresAt: new Date(0) })),
    read: (request) => readCookie(request.headers.cookie, name),
  };
  app.decorate('sessionCookie', cookie);
  app.decorateRequest('principal', null as never);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    request.principal = ANONYMOUS;
    request.sessionToken = null;
    if (needsNoPrincipal(request.url)) return;
    const sessionToken = cookie.read(request);
    try {
      const resolution = await resolvePrincipal(
        credentialGraph(app, request),
        { sessionToken, authorization: request.headers.authorization ?? null },
        options.session,
      );
      request.principal = resolution.principal;
      if (resolution.principal.kind === 'user' && resolution.principal.via === 'session') request.sessionToken = sessionToken;
      if (resolution.clearSessionCookie) cookie.clear(reply);
    } catch (error) {
      if (isDomainError(error) && error.code === 'UNAUTHENTICATED') {
        request.log.info({ code: error.code }, 'bearer credential refused');
        return unauthenticated(reply, error.message);
      }
      if (isDomainError(error)) {
        // INVALID_BOOKMARK: the client's Trame-Bookmark header named a transaction the database refuses.
        request.log.info({ code: error.code }, error.message);
        return reply
          .code(400)
          .type('application/json; charset=utf-8')
          .send({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      }
      if (error instanceof GraphUnavailableError) {
        request.log.error({ err: error.cause }, 'graph database unavailable while resolving the principal');
        return reply
          .code(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .type('application/json; charset=utf-8')
          .send({
            errors: [
              {
                message: 'La base de données est momentanément injoignable : rien n’a été modifié, réessayez dans un instant.',
                extensions: { code: 'SERVICE_UNAVAILABLE' },
              },
            ],
          });
      }
      throw error;
    }
  });
}
