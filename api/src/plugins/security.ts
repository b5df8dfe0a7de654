/**
 * A closed API (issue 12, part 8): what a browser may do with Trame from elsewhere.
 *
 * - `Host` must name Trame (TRAME_PUBLIC_URL's host, the listen address, localhost or an IP
 *   address): a page on `evil.example` whose name an attacker re-points at 127.0.0.1 (DNS
 *   rebinding) gets 421, not the pilot's maps.
 * - Cross-origin requests are refused outright (403 `ORIGIN_REFUSED`) unless their `Origin` is
 *   listed in TRAME_CORS_ORIGINS; only listed origins get CORS headers, with credentials.
 *   `Origin: null` (sandboxed frames, files) is never accepted nor echoed.
 * - CSRF: a request carrying the session cookie and no `Authorization` header must carry
 *   `x-trame-csrf` (403 `CSRF_REFUSED`) on /graphql, /imports, /backups and on POST /auth/*: a cross-site form cannot
 *   set a header, and a cross-site fetch that sets one needs a preflight this server refuses.
 *   Bearer requests (scripts, the wall page) need none.
 * - Security headers by helmet, with a Content-Security-Policy the built web app runs under
 *   (GraphiQL's page gets its own, see security-graphql.ts).
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorCode } from '../graphql/errors.ts';
import { SESSION_COOKIE_NAME } from './auth.ts';

/** The header the web app sends on every request to /graphql and POST /auth/* (value `1`). */
export const CSRF_HEADER = 'x-trame-csrf';
/** The session cookie's names, plain HTTP and behind HTTPS (auth.ts). */
const SESSION_COOKIE_NAMES: readonly string[] = Object.values(SESSION_COOKIE_NAME);
/** A request not answered within this is cut with 503 by fastify (TRAME_REQUEST_TIMEOUT_MS). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface SecurityOptions {
  /** TRAME_PUBLIC_URL (an origin); null: the app is reached at localhost or an IP address. */
  publicUrl?: string | null;
  /** TRAME_CORS_ORIGINS: origins allowed to call the API with the user's cookie. */
  corsOrigins?: readonly string[];
  /** HOST: accepted in the Host header when it is a name (an address always is). */
  listenHost?: string;
}

/** The raw-body routes of files (plugins/exchange-files.ts): imports and backups, guarded like /graphql. */
const FILE_PATHS = new Set(['/imports', '/backups']);
/** Routes an orchestrator probes by whatever name it knows the container by. */
const UNGUARDED_PATHS = new Set(['/health', '/ready']);
const LONGEST_ECHO = 100;

/** The path of a request URL, without its query. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** The host name of a Host header value (`name:port`, `[v6]:port`), lower-cased; null if unreadable. */
export function hostName(host: string): string | null {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 1 ? value.slice(1, end) : null;
  }
  const name = value.replace(/:\d+$/, '');
  return /^[a-z0-9.-]+$/.test(name) ? name.replace(/\.$/, '') : null;
}

/**
 * Whether a Host header names this server. An IP address cannot be re-pointed by DNS, and a
 * `localhost` name resolves to this machine only (browsers guarantee it), so both are safe at any
 * port; any other name must be TRAME_PUBLIC_URL's or the listen address's.
 */
export function isAllowedHost(host: string | undefined, allowedNames: ReadonlySet<string>): boolean {
  if (!host) return false;
  const name = hostName(host);
  if (!name) return false;
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost') || allowedNames.has(name);
}

/** Whether the request carries a Trame session cookie (whatever its validity). */
export function hasSessionCookie(request: FastifyRequest): boolean {
  const cookie = request.headers.cookie;
  if (!cookie) return false;
  return cookie.split(';').some((part) => {
    const name = part.split('=', 1)[0]?.trim();
    return name !== undefined && SESSION_COOKIE_NAMES.includes(name);
  });
}

/** The CSRF rule: is this request one a cross-site page could have sent with the user's cookie? */
export function needsCsrfHeader(request: FastifyRequest): boolean {
  const path = pathOf(request.url);
  const guarded = path === '/graphql' || FILE_PATHS.has(path) || (request.method === 'POST' && path.startsWith('/auth/'));
  if (!guarded || request.method === 'OPTIONS') return false;
  // GraphiQL's page is a navigation (no header possible); it runs nothing by itself.
  if (request.method === 'GET' && path === '/graphql' && !(request.query as Record<string, unknown> | undefined)?.query)
    return false;
  // With a Bearer the cookie is not used (the Bearer wins), and a cross-site page cannot send one.
  if (request.headers.authorization) return false;
  return hasSessionCookie(request);
}

/** A refusal, in the shape of the route: GraphQL's `errors` on /graphql, `{error}` elsewhere. */
function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  { status, code }: { status: number; code: ApiErrorCode },
  message: string,
): FastifyReply {
  request.log.info({ code }, message);
  const body = pathOf(request.url).startsWith('/graphql')
    ? { errors: [{ message, extensions: { code } }] }
    : { error: { code, message } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

function echo(value: string): string {
  return value.length > LONGEST_ECHO ? `${value.slice(0, LONGEST_ECHO)}…` : value;
}

/**
 * The one inline style the web app needs: Cytoscape.js adds this `<style>` element to the page
 * when it draws its first map (cytoscape's core/renderer, "__________cytoscape_stylesheet").
 * Allowed by its hash, so no other inline style is.
 */
export const CYTOSCAPE_CONTAINER_STYLE = '.__________cytoscape_container { position: relative; }';

/** A CSP source allowing one inline element by its SHA-256. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Adds `sources` (CSP sources such as cspHash's) to the script-src of the policy helmet set on
 * `reply`: one page's inline script allowed by its hash, the others' policy unchanged. No
 * sources, or no policy on the reply: nothing changes.
 */
export function allowScripts(reply: FastifyReply, sources: readonly string[]): void {
  if (sources.length === 0) return;
  const policy = reply.raw.getHeader('content-security-policy');
  if (typeof policy !== 'string') return;
  const next = policy
    .split(';')
    .map((directive) => {
      const [name] = directive.trim().split(/\s+/);
      return name === 'script-src' ? `${directive.trimEnd()} ${sources.join(' ')}` : directive;
    })
    .join(';');
  reply.raw.setHeader('content-security-policy', next);
}

/** The app's Content-Security-Policy (the built web app: its own scripts, styles, images and API). */
export function appContentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", cspHash(CYTOSCAPE_CONTAINER_STYLE)],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Only behind HTTPS: on plain HTTP at a LAN address it would send every request to https.
    'upgrade-insecure-requests': https ? [] : null,
  };
}

/**
 * Registers the Host check, the origin check, CORS for TRAME_CORS_ORIGINS, the CSRF check and
 * helmet. Call first in `buildApp`, before any route. Options default to a closed local app.
 */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions = {}): Promise<void> {
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : null;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const allowedNames = new Set<string>();
  if (publicUrl) allowedNames.add(publicUrl.hostname.toLowerCase().replace(/^\[|\]$/g, ''));
  const listen = options.listenHost ? hostName(options.listenHost) : null;
  if (listen) allowedNames.add(listen);
  const https = publicUrl?.protocol === 'https:';

  app.addHook('onRequest', async (request, reply) => {
    if (UNGUARDED_PATHS.has(pathOf(request.url))) return;
    const host = request.headers.host;
    if (!host)
      return refuse(request, reply, { status: 400, code: 'HOST_REFUSED' }, 'l’en-tête Host est absent : requête refusée');
    if (!isAllowedHost(host, allowedNames)) {
      return refuse(
        request,
        reply,
        { status: 421, code: 'HOST_REFUSED' },
        `l’adresse « ${echo(host)} » n’est pas celle de ce serveur Trame (réglez TRAME_PUBLIC_URL) : requête refusée`,
      );
    }
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (corsOrigins.has(origin)) return;
    // Same origin: the browser names the page's origin, whose host is the one it asked.
    if (isSameOrigin(origin, host)) return;
    if (publicUrl && origin === publicUrl.origin) return;
    return refuse(
      request,
      reply,
      { status: 403, code: 'ORIGIN_REFUSED' },
      `les requêtes venant de « ${echo(origin)} » ne sont pas admises (TRAME_CORS_ORIGINS) : requête refusée`,
    );
  });

  if (corsOrigins.size > 0) {
    await app.register(fastifyCors, {
      // An array: the plugin answers only an Origin it lists, never echoes another (nor `null`).
      origin: [...corsOrigins],
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'accept', 'authorization', CSRF_HEADER, 'trame-bookmark'],
      exposedHeaders: ['trame-bookmark'],
      maxAge: 600,
    });
  }

  // After the route's own onRequest hooks (the session is read there): the body is parsed, no
  // resolver has run.
  app.addHook('preValidation', async (request, reply) => {
    if (!needsCsrfHeader(request)) return;
    if (request.headers[CSRF_HEADER] !== undefined) return;
    return refuse(
      request,
      reply,
      { status: 403, code: 'CSRF_REFUSED' },
      `requête refusée : l’en-tête ${CSRF_HEADER} manque (protection contre les requêtes intersites). L’application web l’envoie ; un script s’authentifie par jeton (Authorization: Bearer)`,
    );
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appContentSecurityPolicy(https) },
    // The wall page's link lives in the URL fragment, which browsers never send; no referrer at all
    // keeps paths and queries (a project id, a date) from other sites too.
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    // Same-origin pages only: nothing embeds Trame, Trame embeds nothing.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

/** Whether `Origin` is the origin the request was addressed to (its scheme with the Host header). */
function isSameOrigin(origin: string, host: string): boolean {
  if (origin === 'null') return false;
  try {
    const parsed = new URL(origin);
    return new URL(`${parsed.protocol}//${host}`).origin === parsed.origin;
  } catch {
    return false;
  }
}
