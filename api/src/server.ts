import { loadDemoMap } from '@trame/graph';
import { buildApp } from './app.ts';
import { openGraph } from './bootstrap.ts';
import { boundHeapGrowth } from './heap.ts';
import { describeCreatedAccounts, ensureDemoAccounts, ensureFirstAdministrator } from './first-start.ts';
import { publicUrl, type TrameConfig } from './config.ts';

/** How long `stop()` waits for in-flight requests before stopping the database under them. */
const CLOSE_GRACE_MS = 2_000;

export interface RunningServer {
  /** http://host:port */
  url: string;
  /** The embedded Neo4j's JVM pid while one runs; null with NEO4J_URI or while it restarts. */
  neo4jPid(): number | null;
  /** Resolves if the embedded Neo4j's supervisor gives up; pending otherwise. */
  neo4jGaveUp: Promise<Error>;
  /** Closes the app (in-flight requests end), the driver, then stops the embedded Neo4j. */
  stop(): Promise<void>;
}

/**
 * Starts Trame: the graph (the supervised embedded Neo4j unless NEO4J_URI is set), migrations,
 * the first administrator on a database without users (first-start.ts: its one-time sign-in
 * link is logged once), the demo map and its two accounts on the first start of the embedded
 * default (or with TRAME_SEED_DEMO=true), then listens on HOST:PORT.
 */
export async function startServer(config: TrameConfig, options: { log?: (line: string) => void } = {}): Promise<RunningServer> {
  const started = Date.now();
  boundHeapGrowth(config.server.heapGrowingPercent);
  const log = options.log ?? ((line: string) => console.log(`[trame] ${line}`));
  const opened = await openGraph({ config, log, supervise: true });
  try {
    // The first administrator before the demo's accounts: "no user yet" means a brand-new database.
    const admin = await ensureFirstAdministrator(opened.graph, {
      email: config.admin.email,
      password: config.admin.password,
      publicUrl: publicUrl(config),
    });
    const created = admin ? [admin] : [];
    const seedDemo = config.server.seedDemo ?? opened.embedded !== null;
    if (seedDemo) {
      const steps = await loadDemoMap(opened.graph);
      if (steps > 0) {
        log(`carte de démonstration chargée (${steps} changements datés)`);
        created.push(...(await ensureDemoAccounts(opened.graph, { publicUrl: publicUrl(config) })));
      }
    }
    for (const line of describeCreatedAccounts(created)) log(line);
    const app = await buildApp({
      graph: opened.graph,
      graphiql: config.server.graphiql,
      oidc: config.oidc,
      logger: { level: config.server.logLevel },
      publicUrl: config.server.publicUrl,
      security: {
        corsOrigins: config.server.corsOrigins,
        listenHost: config.server.host,
      },
      requestTimeoutMs: config.server.requestTimeoutMs,
      maxConcurrentOperations: config.server.maxConcurrentOperations,
      redisUrl: config.server.redisUrl,
    });
    const { port, host } = config.server;
    await app.listen({ port, host });
    const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
    log(`prêt sur ${url} (GraphQL sur /graphql) en ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s`);
    return {
      url,
      neo4jPid: () => opened.embedded?.pid ?? null,
      neo4jGaveUp: opened.embedded?.gaveUp ?? new Promise<Error>(() => {}),
      stop: async () => {
        // In-flight requests get a moment to finish (they fail within ~2 s if Neo4j is down),
        // but never hold the shutdown: Ctrl-C must end within 10 s in every state.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([app.close(), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
        clearTimeout(timer);
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
