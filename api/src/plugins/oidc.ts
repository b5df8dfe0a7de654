import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { createSession, GraphUnavailableError, isDomainError, userForSingleSignOn } from '@trame/graph';
import type { OidcConfig } from '../config.ts';
import type { ApiErrorCode } from '../graphql/errors.ts';
import { FLOW_LIFETIME_MS, FlowCookieSigner, flowCookieName, localPath, readCookie, serializeCookie } from './oidc-cookies.ts';

/**
 * Single sign-on by OpenID Connect (issue 12 part 1; README « Connexion unique »):
 *
 * - `GET /auth/options` → `{oidc: {label} | null}`: whether the sign-in page shows
 *   « Se connecter avec <label> »;
 * - `GET /auth/oidc[?retour=/chemin]` → 302 to the provider: authorization code flow with PKCE
 *   (S256), state and nonce, kept in a signed, httpOnly cookie for 10 minutes (no process memory);
 * - `GET /auth/oidc/retour` → checks the state, exchanges the code (ID token signature, issuer,
 *   audience, nonce checked by openid-client), requires a verified e-mail, maps it to a user with
 *   `userForSingleSignOn` (existing user by e-mail; created only when an administrator allowed the
 *   domain), opens a session and sets the session cookie, 302 to `retour` (a local path) or `/`. Any failure: 302 to
 *   `/connexion?erreur=<CODE>` (codes in docs/API.md), nothing written.
 */

export interface OidcOptions {
  config: OidcConfig | null;
  /**
   * TRAME_PUBLIC_URL: the redirect URI starts with it, and https means `__Host-`/`Secure`
   * cookies (like the session cookie, api/src/plugins/auth.ts). Unset: the request's origin.
   */
  publicUrl?: string | null;
  /** Tests: a fixed clock (epoch ms). */
  now?: () => number;
}

const RETURN_PATH = '/auth/oidc/retour';
const DISCOVERY_TIMEOUT_S = 5;

/** An expected refusal: its code goes to the sign-in page. */
class SignInRefused extends Error {
  readonly code: ApiErrorCode;
  constructor(refusal: { code: ApiErrorCode }) {
    super(refusal.code);
    this.code = refusal.code;
  }
}

/**
 * Registers `/auth/options` always, and the two sign-in routes when single sign-on is
 * configured. After the auth plugin (it sets the session cookie through `app.sessionCookie`).
 */
export function registerOidc(app: FastifyInstance, options: OidcOptions): void {
  const { config } = options;
  const now = options.now ?? Date.now;
  app.get('/auth/options', async () => ({ oidc: config ? { label: config.label } : null }));
  if (!config) return;

  const signer = new FlowCookieSigner(config.clientSecret);
  const secure = (_request: FastifyRequest) => options.publicUrl?.startsWith('https:') ?? false;
  const origin = (request: FastifyRequest) =>
    options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;

  // The provider's metadata and keys, fetched on first use (not at start: the server starts
  // even while the provider is down) and kept; a failed discovery is tried again next time.
  let discovered: Promise<client.Configuration> | null = null;
  const provider = () => {
    discovered ??= client
      .discovery(new URL(config.issuer), config.clientId, undefined, client.ClientSecretPost(config.clientSecret), {
        timeout: DISCOVERY_TIMEOUT_S,
        // http:// only for a provider on the developer's machine or a test (README).
        execute: config.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };

  app.get('/auth/oidc', async (request, reply) => {
    let provided: client.Configuration;
    try {
      provided = await provider();
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect: discovery failed');
      return refuse(reply, request, 'OIDC_FAILED');
    }
    const flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      redirectUri: `${origin(request)}${RETURN_PATH}`,
      returnTo: localPath((request.query as Record<string, unknown>).retour),
      expiresAt: now() + FLOW_LIFETIME_MS,
    };
    const url = client.buildAuthorizationUrl(provided, {
      redirect_uri: flow.redirectUri,
      scope: config.scopes.join(' '),
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return reply
      .header(
        'set-cookie',
        serializeCookie(flowCookieName(secure(request)), signer.sign(flow), {
          secure: secure(request),
          maxAgeSeconds: FLOW_LIFETIME_MS / 1000,
        }),
      )
      .header('cache-control', 'no-store')
      .redirect(url.href, 302);
  });

  app.get(RETURN_PATH, async (request, reply) => {
    const isSecure = secure(request);
    // The attempt is over whatever happens: its cookie goes.
    reply.header('set-cookie', serializeCookie(flowCookieName(isSecure), '', { secure: isSecure, maxAgeSeconds: 0 }));
    reply.header('cache-control', 'no-store');
    try {
      const query = new URL(request.url, 'http://trame.invalid').searchParams;
      const flow = signer.read(readCookie(request.headers.cookie, flowCookieName(isSecure)), now());
      // Compared here, before anything is sent to the provider: a return that is not the
      // answer to this browser's own attempt (login CSRF, a replayed or stale link) stops.
      if (!flow || query.get('state') !== flow.state) throw new SignInRefused({ code: 'OIDC_STATE_MISMATCH' });
      if (query.has('error')) {
        request.log.info({ error: query.get('error') }, 'OpenID Connect: the provider refused the sign-in');
        throw new SignInRefused({ code: 'OIDC_FAILED' });
      }
      const provided = await provider();
      const currentUrl = new URL(flow.redirectUri);
      currentUrl.search = query.toString();
      const tokens = await client.authorizationCodeGrant(provided, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new SignInRefused({ code: 'OIDC_FAILED' });
      let identity: Record<string, unknown> = claims;
      // Many providers (ProConnect among them) give the e-mail at the userinfo endpoint only.
      if (typeof claims.email !== 'string') {
        identity = { ...(await client.fetchUserInfo(provided, tokens.access_token, claims.sub)), ...claims };
      }
      const email = typeof identity.email === 'string' ? identity.email : null;
      const verified = identity.email_verified === true || identity.email_verified === 'true' || config.trustEmail;
      if (!email || !verified) throw new SignInRefused({ code: 'OIDC_EMAIL_NOT_VERIFIED' });
      const user = await userForSingleSignOn(request.server.graph, { email, name: displayName(identity, email) });
      const session = await createSession(request.server.graph, user.id, {
        userAgent: request.headers['user-agent'] ?? null,
      });
      request.log.info({ userId: user.id }, 'OpenID Connect: signed in');
      // The same cookie as a password sign-in's (name, flags, lifetime).
      request.server.sessionCookie.set(reply, session.token, session.absoluteExpiresAt);
      return reply.redirect(flow.returnTo, 302);
    } catch (error) {
      const code = failureCode(error);
      if (code === 'OIDC_FAILED' && !(error instanceof SignInRefused)) {
        request.log.warn({ err: error }, 'OpenID Connect: sign-in failed');
      }
      return refuse(reply, request, code);
    }
  });
}

/** The code shown on the sign-in page for an error of the return route. */
function failureCode(error: unknown): ApiErrorCode {
  if (error instanceof SignInRefused) return error.code;
  // userForSingleSignOn: EMAIL_DOMAIN_NOT_ALLOWED, FORBIDDEN (disabled account), INVALID_EMAIL.
  if (isDomainError(error)) return error.code;
  if (error instanceof GraphUnavailableError) return 'SERVICE_UNAVAILABLE';
  return 'OIDC_FAILED';
}

function refuse(reply: FastifyReply, request: FastifyRequest, code: ApiErrorCode): FastifyReply {
  request.log.info({ code }, 'OpenID Connect: sign-in refused');
  return reply.redirect(`/connexion?erreur=${encodeURIComponent(code)}`, 302);
}

/** `name`, else given and family names (ProConnect: `usual_name`), else the e-mail. */
function displayName(claims: Record<string, unknown>, email: string): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const full = text(claims.name);
  if (full) return full;
  const parts = [text(claims.given_name), text(claims.family_name) || text(claims.usual_name)].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : email;
}
