import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  consumeSignInLink,
  createSession,
  hasPassword,
  isDomainError,
  revokeSession,
  verifyPassword,
  type SessionOptions,
  type User,
} from '@trame/graph';

/**
 * The sign-in routes (JSON, French messages, `{error: {code, message}}` on failure):
 * - `POST /auth/connexion` `{email, password}` → 200 `{user}` + session cookie; 401 INVALID_CREDENTIALS;
 * - `POST /auth/lien` `{jeton}` (a one-time `trame_lien_…`) → 200 `{user, mustSetPassword}` + cookie;
 *   401 INVALID_SIGN_IN_LINK;
 * - `POST /auth/deconnexion` → 204, the session ended and the cookie cleared;
 * - `GET /auth/options` → `{oidc: null}` (the OpenID Connect plugin answers it when configured).
 * Attempts are rate-limited per address and, for passwords, per e-mail: 429 RATE_LIMITED.
 */

/** One limit: at most `max` attempts per `windowMs`. */
export interface AttemptLimit {
  max: number;
  windowMs: number;
}

export interface SignInLimits {
  /** Password attempts on one account, from anywhere: slows guessing one person's password. */
  perEmail: AttemptLimit;
  /** Attempts (password or link) from one address: slows trying many accounts. */
  perAddress: AttemptLimit;
}

/** 10 password attempts per account and 30 attempts per address, per quarter of an hour. */
export const SIGN_IN_LIMITS: SignInLimits = {
  perEmail: { max: 10, windowMs: 15 * 60_000 },
  perAddress: { max: 30, windowMs: 15 * 60_000 },
};

class SignInError extends Error {
  readonly statusCode: number;
  readonly code: 'RATE_LIMITED' | 'BAD_REQUEST';
  constructor(answer: { statusCode: number; code: SignInError['code']; message: string }) {
    super(answer.message);
    this.statusCode = answer.statusCode;
    this.code = answer.code;
  }
}

function minutes(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? 'une minute' : `${n} minutes`;
}

function field(body: unknown, name: string, label: string): string {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string' || value === '')
    throw new SignInError({ statusCode: 400, code: 'BAD_REQUEST', message: `le champ ${name} (${label}) est absent` });
  return value;
}

const publicUser = (user: User) => ({ id: user.id, name: user.name, email: user.email });

async function openSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  user: User,
  session: SessionOptions,
  onSessionEnded: (token: string) => void,
) {
  // A new session each time, never the one presented (session fixation); the old one ends.
  if (request.sessionToken) {
    await revokeSession(app.graph, request.sessionToken);
    onSessionEnded(request.sessionToken);
  }
  const opened = await createSession(app.graph, user.id, { ...session, userAgent: request.headers['user-agent'] ?? null });
  app.sessionCookie.set(reply, opened.token, opened.absoluteExpiresAt);
}

/**
 * Registers the sign-in routes; `session` passes the lifetime and clock on (tests);
 * `onSessionEnded` hears of each session ended here (its cookie's secret), once ended: the
 * live bus closes its subscriptions (api/src/live/revocation.ts).
 */
export async function registerSignIn(
  app: FastifyInstance,
  session: SessionOptions,
  limits: SignInLimits = SIGN_IN_LIMITS,
  onSessionEnded: (token: string) => void = () => {},
): Promise<void> {
  await app.register(async (scope) => {
    // One limiter per key (the plugin's own route hook runs one limit per request, and we need two).
    await scope.register(fastifyRateLimit, { global: false });
    const limiter = (limit: AttemptLimit, key: (request: FastifyRequest) => string) => {
      const check = scope.createRateLimit({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: key });
      return async (request: FastifyRequest) => {
        const outcome = await check(request);
        if (!outcome.isAllowed && outcome.isExceeded) {
          throw new SignInError({
            statusCode: 429,
            code: 'RATE_LIMITED',
            message: `trop de tentatives de connexion : réessayez dans ${minutes(outcome.ttl)}`,
          });
        }
      };
    };
    const perAddress = limiter(limits.perAddress, (request) => `address:${request.ip}`);
    const perEmail = limiter(limits.perEmail, (request) => {
      const email = (request.body as { email?: unknown } | null)?.email;
      return `email:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    });

    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      if (error instanceof SignInError) {
        request.log.info({ code: error.code }, error.message);
        return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message } });
      }
      if (isDomainError(error) && (error.code === 'INVALID_CREDENTIALS' || error.code === 'INVALID_SIGN_IN_LINK')) {
        request.log.info({ code: error.code }, error.message);
        return reply.code(401).send({ error: { code: error.code, message: error.message } });
      }
      if ((error.statusCode ?? 500) < 500) {
        return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: 'la requête est mal formée (JSON attendu)' } });
      }
      request.log.error({ err: error }, 'unexpected error on a sign-in route');
      return reply
        .code(500)
        .send({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Erreur interne : la connexion n’a pas abouti.' } });
    });

    scope.post('/auth/connexion', { preHandler: [perAddress, perEmail] }, async (request, reply) => {
      const email = field(request.body, 'email', 'adresse e-mail');
      const password = field(request.body, 'password', 'mot de passe');
      const user = await verifyPassword(app.graph, email, password, session);
      await openSession(app, request, reply, user, session, onSessionEnded);
      return { user: publicUser(user) };
    });

    scope.post('/auth/lien', { preHandler: [perAddress] }, async (request, reply) => {
      const token = field(request.body, 'jeton', 'lien de connexion');
      const user = await consumeSignInLink(app.graph, token, session);
      await openSession(app, request, reply, user, session, onSessionEnded);
      return { user: publicUser(user), mustSetPassword: !(await hasPassword(app.graph, user.id)) };
    });

    scope.post('/auth/deconnexion', async (request, reply) => {
      const token = app.sessionCookie.read(request);
      if (token) {
        await revokeSession(app.graph, token);
        onSessionEnded(token);
      }
      app.sessionCookie.clear(reply);
      return reply.code(204).send();
    });
  });

  // Replaced by the OpenID Connect plugin when a provider is configured.
  if (!app.hasRoute({ method: 'GET', url: '/auth/options' })) app.get('/auth/options', async () => ({ oidc: null }));
}
