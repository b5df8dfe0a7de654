/**
 * The demo's round trip into an EMPTY database: the demo territory's backup (from the shared
 * test database) restored into a Neo4j of this file's own, migrated and empty, whose backup is
 * the same document byte for byte. A second Neo4j is slow to start on a loaded machine: the
 * hook waits up to ten minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, canonicalJson, createDriver, restoreBackup, takeBackup } from '@trame/graph';
import { migrate } from '@trame/migrations';
import { startDisposableNeo4j, type DisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { useTestGraph } from './support/app.ts';

const t = useTestGraph();
const TAKEN_AT = new Date('2026-02-01T12:00:00Z');
let empty: { neo4j: DisposableNeo4j; graph: Graph } | null = null;

beforeAll(async () => {
  const password = 'trame-backup-test';
  const neo4j = await startDisposableNeo4j({ password, heap: '512m' });
  const config = { uri: neo4j.uri, user: 'neo4j', password, database: 'neo4j' };
  const driver = createDriver(config);
  await migrate(driver, { database: config.database });
  empty = { neo4j, graph: new Graph(driver, config.database) };
}, 600_000);

afterAll(async () => {
  await empty?.graph.close();
  await empty?.neo4j.dispose();
}, 120_000);

describe('the demo: backup → restore into an empty database → backup', () => {
  it.each(['ter-malaunay', 'ter-loos-en-gohelle', 'ter-le-mene'])(
    '%s gives the same document byte for byte',
    async (territoryId) => {
      const first = canonicalJson(await t.graph.read((tx) => takeBackup(tx, { territoryId, takenAt: TAKEN_AT })));
      const stats = await empty!.graph.write((tx) => restoreBackup(tx, JSON.parse(first)));
      expect(stats.entities).toBeGreaterThan(5);
      const second = canonicalJson(await empty!.graph.read((tx) => takeBackup(tx, { territoryId, takenAt: TAKEN_AT })));
      expect(second).toBe(first);
    },
    120_000,
  );
});
