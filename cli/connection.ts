import { resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { Graph, createDriver, neo4jConfigFromEnv, type Neo4jConfig } from '@trame/graph';
// The one file of the command line that knows the embedded Neo4j (it may move to its own workspace).
import { DEFAULT_NEO4J_PASSWORD, startEmbeddedNeo4j, type EmbeddedNeo4j } from '@trame/graph/embedded';

export interface CliGraph {
  graph: Graph;
  /** Where the command is connected, for the operator (no password). */
  where: string;
  close(): Promise<void>;
}

/**
 * Connects to the same Neo4j as the server (README, « Configuration »): NEO4J_URI, NEO4J_USER,
 * NEO4J_PASSWORD, NEO4J_DATABASE when NEO4J_URI is set. Otherwise the embedded Neo4j: the one a
 * running `npm start` serves on TRAME_NEO4J_PORT (default 7687) if it answers, or else one started
 * on the data folder (TRAME_DATA_DIR, default .data/neo4j) for the length of the command.
 * Migrations are not applied: commands read what is there.
 */
export async function connect(options: { log: (line: string) => void; env?: NodeJS.ProcessEnv }): Promise<CliGraph> {
  const env = options.env ?? process.env;
  const fromEnv = neo4jConfigFromEnv(env);
  if (fromEnv) return open(fromEnv, fromEnv.uri, null);

  const password = env.NEO4J_PASSWORD ?? DEFAULT_NEO4J_PASSWORD;
  const port = Number(env.TRAME_NEO4J_PORT ?? 7687);
  const local: Neo4jConfig = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, database: 'neo4j' };
  if (await answers(local)) return open(local, `${local.uri} (Neo4j intégré déjà démarré)`, null);

  const home = resolve(env.TRAME_DATA_DIR ?? '.data/neo4j');
  options.log(`Démarrage du Neo4j intégré (données dans ${home})…`);
  const embedded = await startEmbeddedNeo4j({ home, port, password, heap: env.TRAME_NEO4J_HEAP ?? '512m', log: () => {} });
  return open({ ...local, uri: embedded.uri }, `${embedded.uri} (Neo4j intégré, démarré pour la commande)`, embedded);
}

async function answers(config: Neo4jConfig): Promise<boolean> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { connectionTimeout: 2_000, maxConnectionLifetime: 5_000 });
  try {
    await driver.verifyConnectivity({ database: config.database });
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

async function open(config: Neo4jConfig, where: string, embedded: EmbeddedNeo4j | null): Promise<CliGraph> {
  const driver = createDriver(config);
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw error;
  }
  const graph = new Graph(driver, config.database);
  return {
    graph,
    where,
    close: async () => {
      await graph.close();
      await embedded?.stop();
    },
  };
}
