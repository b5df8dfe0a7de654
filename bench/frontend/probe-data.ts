import { createApiToken, createDriver, createUser, grantRole, Graph } from '@trame/graph';
import { startDisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { migrate } from '@trame/migrations';
import { bulkLoad } from '../../graph/src/store/bulk.ts';
import { frontEndSpec, generateDataset } from '../generate.ts';

/**
 * The probes' common start (probe.ts, probe-ab.ts, probe-read.ts): a disposable Neo4j holding
 * the front-end bench's dataset of `target` elements (bench/generate.ts), its largest project,
 * and an administrator's API token. `close()` stops both.
 */
export async function startProbeData(target: number): Promise<{
  graph: Graph;
  projectId: string;
  bearer: string;
  close(): Promise<void>;
}> {
  const neo4j = await startDisposableNeo4j({ password: 'probe-bench', heap: '2g', log: () => {} });
  const config = { uri: neo4j.uri, user: 'neo4j', password: neo4j.password, database: 'neo4j' };
  const driver = createDriver(config);
  const graph = new Graph(driver, config.database);
  const close = async () => {
    await graph.close();
    await neo4j.dispose();
  };
  try {
    await migrate(driver, { database: config.database });
    const ds = generateDataset(frontEndSpec(target), 11 + target, `fe${target}`);
    await bulkLoad(graph, ds.ops);
    const admin = await createUser(graph, { email: `probe-${Date.now()}@trame.test`, name: 'Probe' });
    await grantRole(graph, { userId: admin.id, role: 'ADMINISTRATEUR', by: 'system' });
    const bearer = (await createApiToken(graph, { userId: admin.id, name: 'probe' })).token;
    return { graph, projectId: ds.largestProject.id, bearer, close };
  } catch (error) {
    await close();
    throw error;
  }
}
