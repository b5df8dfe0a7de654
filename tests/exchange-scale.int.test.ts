/**
 * The round trips on a generated L project (bench/generate.ts, the L size's largest project with
 * its territory's actors and its whole history, bulk-loaded): export XLSX → import into an empty
 * project → export gives the same tables; backup of its territory → restore into a database
 * without it → the same backup, byte for byte after canonical ordering.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  exportSnapshot,
  importWorkbook,
  readImportFile,
  readProjectSnapshot,
  restoreBackup,
  takeBackup,
} from '@trame/graph';
import { projectTables, type Table } from '@trame/graph/exchange';
import type { BulkOp } from '../graph/src/store/bulk.ts';
import { planBulk, writeBulk } from '../graph/src/store/bulk.ts';
import { SIZES, generateDataset } from '../bench/generate.ts';
import { at, build } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { useTestGraph } from './support/app.ts';

const t = useTestGraph();

/** The ops of one project of the dataset: its territory, the territory's actors, the project's entities. */
function projectOps(ops: readonly BulkOp[], projectId: string, territoryId: string): BulkOp[] {
  const keep = new Set<string>([territoryId, projectId]);
  for (const op of ops) {
    if (op.op !== 'CREATE') continue;
    const input = op.input as Record<string, unknown>;
    if ((op.type === 'Actor' && input.territoryId === territoryId) || input.projectId === projectId) keep.add(op.id);
  }
  return ops.filter((op) => keep.has(op.id));
}

/** The tables without their id columns, rows sorted (ids differ from one project to the other). */
function withoutIds(tables: Table[]): unknown[] {
  return tables.map((table) => {
    const header = table.rows[0] as string[];
    const keep = header.map((h, i) => (/^Id\b/.test(String(h)) ? -1 : i)).filter((i) => i >= 0);
    const rows = table.rows.map((row) => keep.map((i) => row[i] ?? null));
    return {
      name: table.name,
      rows: [
        rows[0],
        ...rows
          .slice(1)
          .map((r) => JSON.stringify(r))
          .sort(),
      ],
    };
  });
}

/** The L size's largest project, with its territory's actors and whole history, bulk-loaded under fresh ids. */
async function loadLProject() {
  const prefix = uniqueId('l').replace(/[^a-z0-9]/g, '');
  const data = generateDataset(SIZES.L, 11, prefix);
  const source = data.largestProject;
  await writeBulk(t.graph, planBulk(projectOps(data.ops, source.id, source.territoryId)));
  const snapshot = await t.graph.read((tx) => readProjectSnapshot(tx, source.id, null));
  expect(snapshot.entities.length).toBeGreaterThan(1000);
  return { source, snapshot };
}

describe('round trips on a generated L project', () => {
  it('XLSX export → import into an empty project → the same tables', { timeout: 900_000 }, async () => {
    const { snapshot } = await loadLProject();
    const [file] = exportSnapshot(snapshot, 'xlsx');
    const territory = await build(
      t.graph,
      'Territory',
      { name: `Commune ${uniqueId('t')}`, code: '76', kind: 'COMMUNE' },
      { validFrom: at('2015-01-01') },
    );
    const copy = await build(t.graph, 'Project', { territoryId: territory.id, name: 'Copie' }, { validFrom: at('2015-01-01') });
    const report = await t.graph.write((tx) =>
      importWorkbook(tx, { author: 'round-trip' }, copy.id, readImportFile(file!.bytes, file!.fileName), {
        validFrom: at('2026-06-01'),
      }),
    );
    expect(report.problems).toEqual([]);
    // Every entity, ecosystems and systemic leaps included: an actor of the project that only an
    // ecosystem involves (its engagement ended) comes back through the ecosystem's members.
    expect(report.counts.created).toBe(snapshot.entities.length);
    const again = await t.graph.read((tx) => readProjectSnapshot(tx, copy.id, null));
    expect(withoutIds(projectTables(again))).toEqual(withoutIds(projectTables(snapshot)));
  });

  it('backup of its territory → removed → restored → the same document, byte for byte', { timeout: 900_000 }, async () => {
    const { source, snapshot } = await loadLProject();
    const before = await t.graph.read((tx) => takeBackup(tx, { territoryId: source.territoryId, takenAt: at('2026-01-01') }));
    expect(before.versions.length).toBeGreaterThan(snapshot.entities.length);
    // Removed in batches (one transaction for the whole territory would outgrow Neo4j's transaction memory).
    for (const cypher of [
      'MATCH (c:Change {territoryId: $id}) WITH c LIMIT 5000 DETACH DELETE c RETURN count(*) AS n',
      'MATCH (:Entity {territoryId: $id})-[:HAS_VERSION]->(v:Version) WITH v LIMIT 5000 DETACH DELETE v RETURN count(*) AS n',
      'MATCH (:Entity {territoryId: $id})-[:HAS_LAYOUT]->(l:Layout) WITH l LIMIT 5000 DETACH DELETE l RETURN count(*) AS n',
      'MATCH (e:Entity {territoryId: $id}) WITH e LIMIT 5000 DETACH DELETE e RETURN count(*) AS n',
    ]) {
      let removed = 1;
      while (removed > 0) {
        removed = await t.graph.write(async (tx) =>
          Number((await tx.run(cypher, { id: source.territoryId })).records[0]!.get('n')),
        );
      }
    }
    await t.graph.write((tx) => restoreBackup(tx, JSON.parse(canonicalJson(before))));
    const after = await t.graph.read((tx) => takeBackup(tx, { territoryId: source.territoryId, takenAt: at('2026-01-01') }));
    expect(canonicalJson(after)).toBe(canonicalJson(before));
  });
});
