import type { Driver } from 'neo4j-driver';
import { Graph, createDriver, type Neo4jConfig } from '@trame/graph';
import { startEmbeddedNeo4j, type EmbeddedNeo4jOptions } from '@trame/neo4j-embedded';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j } from '@trame/neo4j-embedded/supervisor';
import { migrate } from '@trame/migrations';
import { neo4jPassword, type TrameConfig } from './config.ts';

/** The embedded Neo4j as the app sees it, supervised or not. */
export interface EmbeddedHandle {
  /** The JVM's pid while one runs. */
  readonly pid: number | null;
  /** Resolves if the supervisor gives up restarting it; pending forever without supervision. */
  readonly gaveUp: Promise<Error>;
  stop(): Promise<void>;
}

export interface OpenedGraph {
  graph: Graph;
  config: Neo4jConfig;
  /** The embedded Neo4j this process started, when NEO4J_URI was not set. */
  embedded: EmbeddedHandle | null;
  close(): Promise<void>;
}

/** The embedded Neo4j's options, from the configuration. */
export function embeddedOptions(config: TrameConfig, log: (line: string) => void): EmbeddedNeo4jOptions {
  return {
    home: config.embedded.home,
    port: config.embedded.port,
    password: neo4jPassword(config),
    heap: config.embedded.heap,
    launcherDir: config.embedded.launcherDir,
    javaHome: config.embedded.javaHome,
    log,
  };
}

/**
 * Connects to the Neo4j named by NEO4J_URI (a server, a cluster, Aura), or starts the embedded
 * Neo4j Community on 127.0.0.1 with its data in TRAME_DATA_DIR — under a supervisor that restarts
 * it when `supervise` is set (`npm start`), plainly otherwise (migrate, seed). Either way the app
 * then talks Bolt through neo4j-driver, and the migrations are applied.
 */
export async function openGraph(options: {
  config: TrameConfig;
  log: (line: string) => void;
  supervise?: boolean;
}): Promise<OpenedGraph> {
  const { config: trame, log } = options;
  let config: Neo4jConfig;
  let embedded: EmbeddedHandle | null = null;
  if (trame.neo4j.uri) {
    config = {
      uri: trame.neo4j.uri,
      user: trame.neo4j.user,
      password: neo4jPassword(trame),
      database: trame.neo4j.database,
      connectionTimeoutMs: trame.neo4j.connectionTimeoutMs,
    };
  } else {
    log(`NEO4J_URI n’est pas défini : démarrage du Neo4j intégré (données dans ${trame.embedded.home})`);
    const started: SupervisedNeo4j | (Awaited<ReturnType<typeof startEmbeddedNeo4j>> & { gaveUp?: undefined }) = options.supervise
      ? await superviseEmbeddedNeo4j({ ...embeddedOptions(trame, log), maxQuickFailures: trame.embedded.restartLimit })
      : await startEmbeddedNeo4j(embeddedOptions(trame, log));
    embedded = {
      get pid() {
        return started.pid;
      },
      gaveUp: started.gaveUp ?? new Promise<Error>(() => {}),
      stop: () => started.stop(),
    };
    if (embedded.pid !== null) log(`Neo4j intégré démarré (pid ${embedded.pid})`);
    config = {
      uri: started.uri,
      user: 'neo4j',
      password: neo4jPassword(trame),
      database: 'neo4j',
      connectionTimeoutMs: trame.neo4j.connectionTimeoutMs,
    };
  }
  const graph = await connectGraph(config, {
    prepare: (driver) => migrate(driver, { database: config.database, log }),
    embedded,
  });
  return {
    graph,
    config,
    embedded,
    close: async () => {
      // Side by side: closing the driver must not hold the JVM's stop (a frozen Neo4j).
      await Promise.all([graph.close(), embedded?.stop()]);
    },
  };
}

/**
 * A Graph on a Neo4j that answers: the driver is checked, then `prepare` runs (the server's
 * migrations). On failure the driver is closed, the embedded Neo4j given is stopped, and the
 * error thrown. Used by the server (openGraph) and the command line.
 */
export async function connectGraph(
  config: Neo4jConfig,
  options: { prepare?: (driver: Driver) => Promise<unknown>; embedded?: { stop(): Promise<void> } | null } = {},
): Promise<Graph> {
  const driver = createDriver(config);
  try {
    await driver.verifyConnectivity({ database: config.database });
    await options.prepare?.(driver);
  } catch (error) {
    await driver.close();
    await options.embedded?.stop();
    throw error;
  }
  return new Graph(driver, config.database);
}
