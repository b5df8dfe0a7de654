/**
 * Exports read from the database (graph/src/exchange/from-database.ts): the XLSX round trip
 * (export → import into an empty project → export gives the same tables), and GraphML / GEXF
 * read back by graphology's own readers.
 */
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  exportSnapshot,
  importWorkbook,
  readImportFile,
  readProjectSnapshot,
  readTerritorySnapshot,
  type EntityRecord,
} from '@trame/graph';
import { projectNetwork, projectTables, writeXlsx, type ProjectSnapshot, type Table } from '@trame/graph/exchange';
import { buildMalaunaySnapshot } from '../graph/src/exchange/fixtures/snapshot.ts';
import { at, build } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { useTestGraph } from './support/app.ts';

const t = useTestGraph();

async function emptyProject(): Promise<{ territory: EntityRecord; project: EntityRecord }> {
  const from = at('2018-01-01');
  const territory = await build(
    t.graph,
    'Territory',
    { name: `Commune ${uniqueId('t')}`, code: '76', kind: 'COMMUNE' },
    { validFrom: from },
  );
  const project = await build(t.graph, 'Project', { territoryId: territory.id, name: 'Marché de Malaunay' }, { validFrom: from });
  return { territory, project };
}

const importBytes = (projectId: string, bytes: Uint8Array, name = 'export.xlsx') =>
  t.graph.write((tx) =>
    importWorkbook(tx, { author: 'export-test' }, projectId, readImportFile(bytes, name), { validFrom: at('2026-01-15') }),
  );
const snapshotOf = (projectId: string, moment: Date | null = null) =>
  t.graph.read((tx) => readProjectSnapshot(tx, projectId, moment));

/** The tables without their id columns (ids differ from one project to the other). */
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

describe('exports of a project from the database', () => {
  let project: EntityRecord;
  let territory: EntityRecord;
  let snapshot: ProjectSnapshot;

  beforeAll(async () => {
    ({ project, territory } = await emptyProject());
    // Every kind of entity: the writers' fixture, written and imported.
    const report = await importBytes(project.id, writeXlsx(buildMalaunaySnapshot()));
    expect(report.problems).toEqual([]);
    snapshot = await snapshotOf(project.id);
  });

  it('XLSX round trip: export → import into an empty project → export gives the same tables', async () => {
    expect(snapshot.entities.length).toBeGreaterThan(15);
    const [file] = exportSnapshot(snapshot, 'xlsx');
    expect(file!.fileName).toMatch(/^marche-de-malaunay-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { project: copy } = await emptyProject();
    const report = await importBytes(copy.id, file!.bytes, file!.fileName);
    expect(report.problems).toEqual([]);
    expect(report.counts.created).toBeGreaterThan(15);
    const again = await snapshotOf(copy.id);
    expect(withoutIds(projectTables(again))).toEqual(withoutIds(projectTables(snapshot)));
    // Re-importing the project's own export into itself matches every row by its id: nothing changes.
    const self = await importBytes(project.id, file!.bytes, file!.fileName);
    expect(self.counts.created + self.counts.updated).toBe(0);
  });

  it('CSV: one file per kind, re-importable', async () => {
    const files = exportSnapshot(snapshot, 'csv');
    expect(files.map((f) => f.fileName.replace(/^.*\d-/, ''))).toContain('Acteurs.csv');
    const actors = files.find((f) => f.fileName.endsWith('Acteurs.csv'))!;
    const perimeters = files.find((f) => f.fileName.endsWith('Périmètres.csv'))!;
    const { project: copy } = await emptyProject();
    // The actors refer to their perimeters: those first.
    expect((await importBytes(copy.id, perimeters.bytes, 'Périmètres.csv')).problems).toEqual([]);
    const report = await importBytes(copy.id, actors.bytes, 'Acteurs.csv');
    expect(report.problems).toEqual([]);
    expect(report.counts.created).toBe(snapshot.entities.filter((e) => e.type === 'Actor' || e.type === 'Engagement').length);
    expect(files.map((f) => f.bytes[0])).toEqual(files.map(() => 0xef)); // UTF-8 with a BOM, as French Excel wants
  });

  it('MACTOR matrices as sheets', () => {
    const [file] = exportSnapshot(snapshot, 'matrices');
    const input = readImportFile(file!.bytes, file!.fileName);
    expect(input.sheets.map((s) => s.kind)).toEqual(['positionMatrix', 'influenceMatrix']);
    expect(input.rows.filter((r) => r.kind === 'Position')).toHaveLength(
      snapshot.entities.filter((e) => e.type === 'Position').length,
    );
  });

  it("GraphML and GEXF are read back by graphology's readers: counts, attributes, spells from the history", async () => {
    const past = await snapshotOf(project.id, at('2022-01-01'));
    const network = projectNetwork(past);
    const [graphmlFile] = exportSnapshot(past, 'graphml');
    const [gexfFile] = exportSnapshot(past, 'gexf');
    const graphml = parseGraphml(Graph, new TextDecoder().decode(graphmlFile!.bytes));
    const gexfText = new TextDecoder().decode(gexfFile!.bytes);
    const gexf = parseGexf(Graph, gexfText);
    for (const graph of [graphml, gexf]) {
      expect(graph.order).toBe(network.order);
      expect(graph.size).toBe(network.size);
    }
    const amap = past.entities.find((e) => e.values.name === 'AMAP de Malaunay')!;
    expect(gexf.getNodeAttributes(amap.id)).toMatchObject({ label: 'AMAP de Malaunay', type: 'Acteur', kind: 'Association' });
    expect(graphml.getNodeAttributes(amap.id)).toMatchObject({ label: 'AMAP de Malaunay' });
    // The history's spells: the médiathèque's engagement began 2020-02-01 and ended 2023-06-30.
    const media = past.entities.find((e) => e.type === 'Actor' && String(e.values.name).startsWith('Médiathèque'))!;
    const document = new DOMParser().parseFromString(gexfText, 'application/xml');
    const nodes = document.getElementsByTagName('node');
    const spells = Array.from({ length: nodes.length }, (_, i) => nodes[i]!)
      .find((n) => n.getAttribute('id') === media.id)!
      .getElementsByTagName('spell');
    expect(
      Array.from({ length: spells.length }, (_, i) => [spells[i]!.getAttribute('start'), spells[i]!.getAttribute('end')]),
    ).toEqual([['2020-02-01', '2023-06-30']]);
  });

  it('cyjs with positions, Kumu JSON by label', () => {
    const cyjs = JSON.parse(new TextDecoder().decode(exportSnapshot(snapshot, 'cyjs')[0]!.bytes));
    const nodes = cyjs.elements.nodes as { position: { x: number; y: number } }[];
    expect(nodes.length).toBe(projectNetwork(snapshot).order);
    expect(nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
    const kumu = JSON.parse(new TextDecoder().decode(exportSnapshot(snapshot, 'kumu')[0]!.bytes));
    expect(kumu.elements.map((e: { label: string }) => e.label)).toContain('AMAP de Malaunay');
  });

  it('a territory: every project merged', async () => {
    const { project: second } = await emptyProject();
    void second;
    const merged = await t.graph.read((tx) => readTerritorySnapshot(tx, territory.id, null));
    expect(merged.project.name).toBe(territory.values.name);
    expect(new Set(merged.entities.map((e) => e.id))).toEqual(new Set(snapshot.entities.map((e) => e.id)));
    const [gexf] = exportSnapshot(merged, 'gexf');
    expect(parseGexf(Graph, new TextDecoder().decode(gexf!.bytes)).order).toBe(projectNetwork(snapshot).order);
  });
});

describe('the demo: XLSX export → import into an empty project → export', () => {
  it.each(['prj-marche', 'prj-archipel', 'prj-batiments', 'prj-gaz-fibre', 'prj-fifty', 'prj-exposition', 'prj-ose'])(
    '%s gives the same tables',
    async (projectId) => {
      const snapshot = await snapshotOf(projectId);
      expect(snapshot.entities.length).toBeGreaterThan(5);
      const [file] = exportSnapshot(snapshot, 'xlsx');
      // The demo's histories begin in the 2010s: the empty project begins before them.
      const from = at('2000-01-01');
      const territory = await build(
        t.graph,
        'Territory',
        { name: `Commune ${uniqueId('t')}`, code: '76', kind: 'COMMUNE' },
        { validFrom: from },
      );
      const copy = await build(
        t.graph,
        'Project',
        { territoryId: territory.id, name: snapshot.project.name },
        { validFrom: from },
      );
      const report = await importBytes(copy.id, file!.bytes, file!.fileName);
      expect(report.problems).toEqual([]);
      expect(report.counts.created).toBe(snapshot.entities.length);
      const again = await snapshotOf(copy.id);
      expect(withoutIds(projectTables(again))).toEqual(withoutIds(projectTables(snapshot)));
    },
    120_000,
  );
});
