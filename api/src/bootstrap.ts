import { resolve } from 'node:path';
import { Graph, createDriver, neo4jConfigFromEnv, type Neo4jConfig } from '@trame/graph';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '@trame/graph/embedded';
import { migrate } from '@trame/migrations';

export const DEFAULT_LOCAL_PASSWORD = 'trame-local-password';

export interface OpenedGraph {
  graph: Graph;
  config: Neo4jConfig;
  /** The embedded Neo4j this process started, when NEO4J_URI was not set. */
  embedded: EmbeddedNeo4j | null;
  close(): Promise<void>;
}

/**
 * Connects to the Neo4j named by NEO4J_URI (a server, a cluster, Aura), or starts the embedded
 * Neo4j Community on 127.0.0.1 with its data in TRAME_DATA_DIR (default .data/neo4j). Either
 * way the app then talks Bolt through neo4j-driver, and the migrations are applied.
 */
export async function openGraph(options: { log: (line: string) => void; env?: NodeJS.ProcessEnv }): Promise<OpenedGraph> {
  const env = options.env ?? process.env;
  let config = neo4jConfigFromEnv(env);
  let embedded: EmbeddedNeo4j | null = null;
  if (!config) {
    const password = env.NEO4J_PASSWORD ?? DEFAULT_LOCAL_PASSWORD;
    const home = resolve(env.TRAME_DATA_DIR ?? '.data/neo4j');
    options.log(`NEO4J_URI not set: starting the embedded Neo4j (data in ${home})`);
    embedded = await startEmbeddedNeo4j({
      home,
      port: Number(env.TRAME_NEO4J_PORT ?? 7687),
      password,
      heap: env.TRAME_NEO4J_HEAP ?? '512m',
      log: options.log,
    });
    config = { uri: embedded.uri, user: 'neo4j', password, database: 'neo4j' };
  }
  const driver = createDriver(config);
  try {
    await driver.verifyConnectivity({ database: config.database });
    await migrate(driver, { database: config.database, log: options.log });
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw error;
  }
  const graph = new Graph(driver, config.database);
  return {
    graph,
    config,
    embedded,
    close: async () => {
      await graph.close();
      await embedded?.stop();
    },
  };
}
