import neo4j from 'neo4j-driver';
import { connectGraph, embeddedOptions } from '@trame/api/bootstrap';
import { neo4jPassword, type TrameConfig } from '@trame/api/config';
import type { Graph, Neo4jConfig } from '@trame/graph';
// The one file of the command line that knows the embedded Neo4j.
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '@trame/neo4j-embedded';

export interface CliGraph {
  graph: Graph;
  /** Where the command is connected, for the operator (no password). */
  where: string;
  /** The embedded Neo4j was started for this command (no server answered on its port). */
  startedForCommand: boolean;
  close(): Promise<void>;
}

/**
 * Connects to the same Neo4j as the server, from the same configuration (api/src/config.ts,
 * README « Configuration »): NEO4J_URI… when set. Otherwise the embedded Neo4j: the one a running
 * `npm start` serves on TRAME_NEO4J_PORT if it answers, or else one started on the data folder
 * (TRAME_DATA_DIR) for the length of the command. Migrations are not applied: commands read what
 * is there.
 */
export async function connect(options: { log: (line: string) => void; config: TrameConfig }): Promise<CliGraph> {
  const { config, log } = options;
  const timeouts = { connectionTimeoutMs: config.neo4j.connectionTimeoutMs };
  if (config.neo4j.uri) {
    const remote: Neo4jConfig = {
      uri: config.neo4j.uri,
      user: config.neo4j.user,
      password: neo4jPassword(config),
      database: config.neo4j.database,
      ...timeouts,
    };
    return open(remote, remote.uri, null);
  }
  const local: Neo4jConfig = {
    uri: `bolt://127.0.0.1:${config.embedded.port}`,
    user: 'neo4j',
    password: neo4jPassword(config),
    database: 'neo4j',
    ...timeouts,
  };
  if (await answers(local)) return open(local, `${local.uri} (Neo4j intégré déjà démarré)`, null);

  log(`Démarrage du Neo4j intégré (données dans ${config.embedded.home})…`);
  const embedded = await startEmbeddedNeo4j(embeddedOptions(config, () => {}));
  return open({ ...local, uri: embedded.uri }, `${embedded.uri} (Neo4j intégré, démarré pour la commande)`, embedded);
}

async function answers(config: Neo4jConfig): Promise<boolean> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    connectionTimeout: 2_000,
    maxConnectionLifetime: 5_000,
  });
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
  const graph = await connectGraph(config, { embedded });
  return {
    graph,
    where,
    startedForCommand: embedded !== null,
    close: async () => {
      await Promise.all([graph.close(), embedded?.stop()]);
    },
  };
}
