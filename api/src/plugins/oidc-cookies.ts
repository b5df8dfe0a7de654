import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The single sign-on's own cookie: short-lived and signed, it carries one sign-in attempt
 * (state, nonce, PKCE verifier) from `GET /auth/oidc` to `GET /auth/oidc/retour`. No process
 * memory: any API process can finish an attempt another one began. (The session cookie the
 * return sets is the auth plugin's, api/src/plugins/auth.ts.)
 */

/** How long a sign-in attempt may stay at the provider (ms). */
export const FLOW_LIFETIME_MS = 10 * 60_000;

/** One sign-in attempt, as kept by the browser between the two routes. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The redirect_uri sent to the provider; the token request repeats it. */
  redirectUri: string;
  /** Where to land once signed in: a path of Trame (`/projets/…`), `/` by default. */
  returnTo: string;
  /** Epoch ms after which the return is refused. */
  expiresAt: number;
}

/** `__Host-` names need `Secure`, `Path=/` and no `Domain`: only behind HTTPS. */
export function flowCookieName(secure: boolean): string {
  return secure ? '__Host-trame_oidc' : 'trame_oidc';
}

/**
 * A `Set-Cookie` value: `HttpOnly; SameSite=Lax; Path=/` (+ `Secure`). Lax, not Strict: the
 * return from the provider is a cross-site top-level navigation, which must carry the flow
 * cookie and may set the session. `maxAgeSeconds` 0 deletes the cookie; undefined makes it
 * last for the browser's session.
 */
export function serializeCookie(name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The value of one cookie in a `Cookie` header, or null. Values are base64url: no decoding. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Signs and reads flow cookies with a key derived (HKDF-SHA256) from the client secret: every
 * API process configured for the same provider shares it, and no other variable is needed.
 */
export class FlowCookieSigner {
  readonly #key: Buffer;

  constructor(clientSecret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', clientSecret, 'trame', 'trame oidc flow cookie v1', 32));
  }

  /** `<payload base64url>.<HMAC-SHA256 base64url>`. */
  sign(flow: OidcFlow): string {
    const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
    return `${payload}.${this.#mac(payload)}`;
  }

  /** The flow if the value is intact and not expired at `now` (epoch ms); null otherwise. */
  read(value: string | null, now: number): OidcFlow | null {
    if (!value) return null;
    const dot = value.indexOf('.');
    if (dot <= 0) return null;
    const payload = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.#mac(payload), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OidcFlow;
      if (typeof flow.expiresAt !== 'number' || flow.expiresAt < now) return null;
      if (
        ![flow.state, flow.nonce, flow.codeVerifier, flow.redirectUri, flow.returnTo].every(
          (v) => typeof v === 'string' && v !== '',
        )
      ) {
        return null;
      }
      return flow;
    } catch {
      return null;
    }
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}

/**
 * A `?retour=` value safe to redirect to: a path of this site (`/…`, not `//host` nor `/\host`,
 * which browsers read as another host), else `/`.
 */
export function localPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // A backslash or a control character (a header injection, `/\t/host`) is never a path Trame makes.
  if (value.length > 2_000 || value.includes('\\') || [...value].some((char) => char < ' ')) return '/';
  return value;
}
