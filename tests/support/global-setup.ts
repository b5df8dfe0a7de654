import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDriver } from '@trame/graph';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '@trame/graph/embedded';
import { migrate } from '@trame/migrations';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string };
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a Neo4j of its own for the test run (another port, a temporary data folder: the
 * user's data is never touched), migrates it, and hands its address to the tests. Set
 * TRAME_TEST_NEO4J_URI to run against an existing, disposable Neo4j instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedNeo4j | null = null;
  let home: string | null = null;
  const password = process.env.TRAME_TEST_NEO4J_PASSWORD ?? 'trame-test-password';
  let uri = process.env.TRAME_TEST_NEO4J_URI;
  if (!uri) {
    home = mkdtempSync(join(tmpdir(), 'trame-test-neo4j-'));
    embedded = await startEmbeddedNeo4j({ home, port: await freePort(), password, heap: '768m' });
    uri = embedded.uri;
  }
  const config = { uri, user: 'neo4j', password, database: 'neo4j' };
  const driver = createDriver(config);
  await migrate(driver, { database: config.database });
  await driver.close();
  project.provide('neo4j', config);
  return async () => {
    await embedded?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  };
}
