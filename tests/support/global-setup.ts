import type { TestProject } from 'vitest/node';
import { Graph, createDriver, loadDemoMap } from '@trame/graph';
import { startDisposableNeo4j, type DisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { migrate } from '@trame/migrations';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string };
  }
}

/**
 * Starts a Neo4j of its own for the test run (another port, a temporary data folder: the
 * user's data is never touched), migrates it, loads the demo map, and hands its address to the tests. Set
 * TRAME_TEST_NEO4J_URI to run against an existing, disposable Neo4j instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let disposable: DisposableNeo4j | null = null;
  const password = process.env.TRAME_TEST_NEO4J_PASSWORD ?? 'trame-test-password';
  let uri = process.env.TRAME_TEST_NEO4J_URI;
  if (!uri) {
    disposable = await startDisposableNeo4j({ password, heap: '768m' });
    uri = disposable.uri;
  }
  const config = { uri, user: 'neo4j', password, database: 'neo4j' };
  const driver = createDriver(config);
  await migrate(driver, { database: config.database });
  // The demo map has fixed ids: loaded once here, read by the demo and browser tests.
  await loadDemoMap(new Graph(driver, config.database));
  await driver.close();
  project.provide('neo4j', config);
  return async () => {
    await disposable?.dispose();
  };
}
