import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, createDriver, loadDemoMap, readProjectState } from '@trame/graph';
import { startDisposableNeo4j, type DisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { MIGRATIONS_DIR, MigrationChecksumError, loadMigrations, migrate, splitStatements } from '@trame/migrations';

// Migrations need a database of their own (Neo4j Community has one user database): this file
// starts a second, disposable Neo4j.
let neo4j: DisposableNeo4j;
let driver: Driver;
const database = 'neo4j';

beforeAll(async () => {
  neo4j = await startDisposableNeo4j({ password: 'trame-migration-test', heap: '512m' });
  driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password: neo4j.password, database });
}, 240_000);
afterAll(async () => {
  await driver?.close();
  await neo4j?.dispose();
});

async function ledger(): Promise<{ id: string; checksum: string }[]> {
  const { records } = await driver.executeQuery(
    'MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum ORDER BY id',
    {},
    { database },
  );
  return records.map((r) => ({ id: r.get('id') as string, checksum: r.get('checksum') as string }));
}

describe('migrations', () => {
  it('splits files into statements and ignores comments', () => {
    expect(splitStatements('// a comment\nCREATE INDEX a IF NOT EXISTS\n  FOR (n:N) ON (n.x);\n\nRETURN 1;')).toEqual([
      'CREATE INDEX a IF NOT EXISTS\n  FOR (n:N) ON (n.x)',
      'RETURN 1',
    ]);
  });

  it('upgrades N−1 → data → N without touching the data, and records each file once', async () => {
    const files = await loadMigrations();
    expect(files.length).toBeGreaterThanOrEqual(2);
    // N is 0004, the data rewrite this test checks (span levels); the schema-only files after it
    // (0005 access constraints) are applied at the end.
    const target = files.findIndex((f) => f.id.startsWith('0004_'));
    expect(target).toBeGreaterThanOrEqual(1);
    const previous = files[target - 1]!.id;
    const first = await migrate(driver, { database, upTo: previous });
    expect(first.applied.at(-1)).toBe(previous);
    expect(first.pending).toEqual(files.slice(target).map((f) => f.id));

    const graph = new Graph(driver, database);
    await loadDemoMap(graph);
    // Data as the code before span levels wrote it (0004 backfills them).
    await driver.executeQuery('MATCH (v:Version) REMOVE v.spanLevel', {}, { database });

    const second = await migrate(driver, { database, upTo: files[target]!.id });
    expect(second.applied).toEqual([files[target]!.id]);
    expect((await ledger()).map((m) => m.id)).toEqual(files.slice(0, target + 1).map((f) => f.id));

    // Every closed version has its level, and past reads find exactly what a plain scan finds.
    const { records: missing } = await driver.executeQuery(
      "MATCH (v:Version) WHERE v.validTo < datetime('9999-12-31T00:00:00Z') AND v.spanLevel IS NULL RETURN count(v) AS n",
      {},
      { database },
    );
    expect(Number(missing[0]!.get('n'))).toBe(0);
    for (const date of ['2020-01-01', '2021-06-15', '2023-03-01', '2025-09-30']) {
      const at = new Date(`${date}T12:00:00Z`);
      const state = await graph.read((tx) => readProjectState(tx, 'prj-marche', at));
      const { records: plain } = await driver.executeQuery(
        `MATCH (v:Version {projectId: 'prj-marche'}) WHERE v.validFrom <= datetime($at) AND v.validTo > datetime($at) AND v.type <> 'Project'
         RETURN v.entityId AS id ORDER BY id`,
        { at: at.toISOString() },
        { database },
      );
      const read = state.entities
        .filter((e) => e.projectId === 'prj-marche')
        .map((e) => e.id)
        .sort();
      expect(read, date).toEqual(plain.map((r) => r.get('id') as string));
    }

    expect((await migrate(driver, { database })).applied).toEqual(files.slice(target + 1).map((f) => f.id));
    expect((await ledger()).map((m) => m.id)).toEqual(files.map((f) => f.id));
    const { records } = await driver.executeQuery(
      "SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE' RETURN name",
      {},
      { database },
    );
    expect(records).toHaveLength(0);
    expect((await migrate(driver, { database })).applied).toEqual([]);
  }, 240_000); // loads the whole demo map into a second Neo4j

  it('stops when an applied file was changed afterwards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const name = readdirSync(dir).sort()[0]!;
    writeFileSync(
      join(dir, name),
      `// edited after it was applied\nCREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n`,
    );
    await expect(migrate(driver, { database, dir })).rejects.toThrow(MigrationChecksumError);
    await expect(migrate(driver, { database, dir })).rejects.toThrow(/was changed after it was applied/);
  });
});
