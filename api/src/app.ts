import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Graph, SessionOptions } from '@trame/graph';
import { DEFAULT_MAX_CONCURRENT_OPERATIONS, registerGraphQL } from './graphql/yoga.ts';
import { createLiveBus } from './live/bus.ts';
import { announceRevocation, sessionKey } from './live/revocation.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerBookmarks } from './plugins/bookmarks.ts';
import { registerExchangeFiles } from './plugins/exchange-files.ts';
import { registerSignIn, SIGN_IN_LIMITS } from './plugins/sign-in.ts';
import { registerGraph } from './plugins/graph.ts';
import { allowScripts, DEFAULT_REQUEST_TIMEOUT_MS, registerSecurity, type SecurityOptions } from './plugins/security.ts';
import { registerOidc } from './plugins/oidc.ts';
import { createPagePreloads } from './plugins/page-preloads.ts';
import type { OidcConfig } from './config.ts';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const READY_TIMEOUT_MS = 1_500;
/** A file of the web build's assets/ folder named with its content's hash (vite: name-<hash>.ext). */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.(?:js|css|woff2?|svg|png)$/;

export interface AppOptions {
  graph: Graph;
  /** Close the graph's driver with the app (the server owns it; tests often share one). */
  closeGraph?: boolean;
  /**
   * Where the app is reached from outside (TRAME_PUBLIC_URL), e.g. `https://trame.ville.fr`:
   * https means `__Host-`/`Secure` session cookies; wall link addresses start with it.
   * Unset: plain-HTTP cookies, addresses taken from each request.
   */
  publicUrl?: string | null;
  /** Session lifetime and clock (tests); default SESSION_LIFETIME. */
  session?: SessionOptions;
  /** The built web app; null serves no front end. */
  webDir?: string | null;
  graphiql?: boolean;
  /** GraphQL operations executed at once; default 4 (TRAME_MAX_CONCURRENT_OPERATIONS). */
  maxConcurrentOperations?: number;
  /** The largest GraphQL answer, in JSON characters; default 64 Mi (graphql/response-size.ts). */
  maxResponseChars?: number;
  /** The live bus's Redis (TRAME_REDIS_URL); null or absent: in-process. */
  redisUrl?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Host, origins and CORS (plugins/security.ts); default: a closed app reached at localhost. */
  security?: SecurityOptions;
  /** A request (or an idle connection) not done within this is cut; default 30 s. */
  requestTimeoutMs?: number;
  /** Single sign-on (TRAME_OIDC_*); null or absent: `/auth/options` says none. */
  oidc?: OidcConfig | null;
}

/** Builds the app without listening: tests call `inject()`, `server.ts` calls `listen()`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    bodyLimit: 2 * 1024 * 1024,
    // A slow client (or a stuck request) cannot hold a socket and its memory forever.
    requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    connectionTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  });
  const publicUrl = options.publicUrl?.replace(/\/+$/, '') || null;
  await registerSecurity(app, { publicUrl, ...options.security });
  registerGraph(app, options.graph, { closeWithApp: options.closeGraph ?? false });
  registerBookmarks(app);
  registerAuth(app, {
    secure: publicUrl?.startsWith('https:') ?? false,
    ...(options.session ? { session: options.session } : {}),
  });
  registerOidc(app, { config: options.oidc ?? null, publicUrl });
  const live = createLiveBus(options.redisUrl, app.log);
  app.addHook('onClose', async () => live.close());
  await registerSignIn(app, options.session ?? {}, SIGN_IN_LIMITS, (token) =>
    announceRevocation({ live }, { sessionKeys: [sessionKey(token)] }),
  );
  registerGraphQL(app, {
    graphiql: options.graphiql ?? true,
    publicUrl,
    maxConcurrentOperations: options.maxConcurrentOperations ?? DEFAULT_MAX_CONCURRENT_OPERATIONS,
    ...(options.maxResponseChars ? { maxResponseChars: options.maxResponseChars } : {}),
    live,
  });
  registerExchangeFiles(app, { live });

  // Liveness: the process answers, whatever the database does (an orchestrator restarts a dead
  // process, not one waiting for its database).
  app.get('/health', async () => ({ status: 'ok' }));
  // Readiness: whether Neo4j answers `RETURN 1` within 1.5 s (an orchestrator routes traffic elsewhere meanwhile).
  app.get('/ready', async (_req, reply) => {
    if (await app.graph.ping(READY_TIMEOUT_MS)) return { status: 'ready' };
    return reply.code(503).header('retry-after', '2').send({ status: 'unavailable' });
  });

  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  if (webDir && existsSync(`${webDir}/index.html`)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    // The build's assets carry their content's hash in their names: cached for good (a wall that
    // reloads asks for none of its code again); anything else is checked each time.
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      setHeaders: (reply, path) => {
        if (HASHED_ASSET.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // Client-side routes (/projets/…) all load the single page; a map page's names its chunks.
    const pagePreloads = createPagePreloads(webDir);
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/graphql') && req.headers.accept?.includes('text/html')) {
        const page = pagePreloads(req.url.split('?')[0] ?? '');
        if (page !== null) {
          allowScripts(reply, page.scriptSources);
          return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page.html);
        }
        return reply.sendFile('index.html');
      }
      return reply.code(404).send({ error: 'not found' });
    });
  } else if (webDir) {
    app.get('/', (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Trame</title><p>Trame : l’interface web n’est pas construite (<code>npm run build</code>). L’API GraphQL répond sur <a href="/graphql">/graphql</a>.</p></html>',
        ),
    );
  }
  return app;
}
