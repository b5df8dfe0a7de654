import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { Graph, createDriver } from '@trame/graph';

/**
 * A Graph on the test run's Neo4j. Close it in afterAll. Its connection timeout is 10 s, not
 * production's fail-fast second: with a hundred test files, Chromium and Neo4j on two shared
 * cores, opening a Bolt connection can take longer, and a test of reads must not turn into a
 * SERVICE_UNAVAILABLE (the outage tests build their own drivers).
 */
export function testGraph(): Graph {
  const config = inject('neo4j');
  return new Graph(createDriver({ ...config, connectionTimeoutMs: 30_000 }), config.database);
}

/** A short id unique to this run, so test files can share the database and run in parallel. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
