import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { Graph, createDriver } from '@trame/graph';

/** A Graph on the test run's Neo4j. Close it in afterAll. */
export function testGraph(): Graph {
  const config = inject('neo4j');
  return new Graph(createDriver(config), config.database);
}

/** A short id unique to this run, so test files can share the database and run in parallel. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
