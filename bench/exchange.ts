/**
 * Exchange formats at scale (issue 15, « Bench »), three ratios, each candidate and baseline
 * measured together (interleaved where runs repeat):
 *
 * 1. import: a workbook of about 2,000 rows of every kind (the XLSX export of a generated
 *    project: actors, engagements, perimeters, objectives, positions, influences, cooperations,
 *    convergences, conflicts, externalities, milestones) read, planned and written into an empty
 *    project of a new territory by `importWorkbook`, ÷ the bulk loader writing the same graph
 *    (the generated creations, planBulk + writeBulk). Target ≤ 3.
 * 2. GEXF: the export of the L dataset's largest territory with its history (every version as
 *    spells), read and written, ÷ reading that territory's projects' maps one after the other as
 *    the map page does (readProjectState + buildProjectMap). Target ≤ 3.
 * 3. restore: the L dataset's backup (takeBackup of the whole database) restored into an empty
 *    database, ÷ the bulk load of L (generated with the same seed) into another. Target ≤ 1.5.
 *
 *   npm run bench:exchange
 *   BENCH_SCALE_DIR=…  (default /work/main/.data/bench-scale, else .data/bench-scale): where the
 *     scale bench keeps L; it is copied, never opened in place.
 *   BENCH_EXCHANGE_PARTS=import,gexf,restore   BENCH_EXCHANGE_RUNS=3
 *
 * Results: bench/results/exchange.json and exchange.md.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  Graph,
  buildProjectMap,
  createDriver,
  createEntity,
  exportSnapshot,
  importWorkbook,
  readImportFile,
  readProjectSnapshot,
  readProjectState,
  readTerritorySnapshot,
  restoreBackupDocument,
  takeBackup,
} from '@trame/graph';
import { writeXlsx } from '@trame/graph/exchange';
import { startEmbeddedNeo4j } from '@trame/neo4j-embedded';
import { freePort, startDisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { migrate } from '@trame/migrations';
import { planBulk, writeBulk } from '../graph/src/store/bulk.ts';
import { SIZES, generateDataset, type SizeSpec } from './generate.ts';
import { log, seconds } from './lib.ts';
import type { StoredDataset } from './scale-data.ts';

const RUNS = Number(process.env.BENCH_EXCHANGE_RUNS ?? 3);
const PARTS = (process.env.BENCH_EXCHANGE_PARTS ?? 'import,gexf,restore').split(',');
const PASSWORD = 'trame-bench-password';
const ROOT = join(import.meta.dirname, '..');
const SCALE_DIR =
  process.env.BENCH_SCALE_DIR ??
  (existsSync('/work/main/.data/bench-scale/L/bench-dataset.json')
    ? '/work/main/.data/bench-scale'
    : join(ROOT, '.data/bench-scale'));
const WORK_DIR = join(ROOT, '.data/bench-exchange');

/** About 2,000 rows of every kind in one project, creations only (a workbook states the present). */
const WORKBOOK_SPEC: SizeSpec = {
  name: 'workbook',
  territories: 1,
  projects: 1,
  actors: 250,
  objectives: 250,
  relations: 1_200,
  changes: 0,
  updates: 0,
  ends: false,
  minPerimeters: 6,
  from: new Date('2020-01-01T00:00:00Z'),
  to: new Date('2024-01-01T00:00:00Z'),
};

interface Ratio {
  part: string;
  figure: string;
  candidate: number[];
  baseline: number[];
  ratio: number;
  bound: number;
  notes: string;
  load: string;
  /** When this part was measured (ISO): a run of some parts keeps the others' earlier figures. */
  at?: string;
  /** The commit measured. */
  commit?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const loadText = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

async function disposable(heap = '2g') {
  const neo = await startDisposableNeo4j({ password: PASSWORD, heap });
  const config = { uri: neo.uri, user: 'neo4j', password: PASSWORD, database: 'neo4j', connectionTimeoutMs: 30_000 };
  const driver = createDriver(config);
  await migrate(driver, { database: config.database });
  const graph = new Graph(driver, config.database);
  return {
    graph,
    close: async () => {
      await graph.close();
      await neo.dispose();
    },
  };
}

async function importPart(): Promise<Ratio> {
  const before = loadText();
  const db = await disposable();
  try {
    // The workbook: the XLSX export of a generated project.
    const source = generateDataset(WORKBOOK_SPEC, 7, 'wbsrc');
    await writeBulk(db.graph, planBulk(source.ops));
    const snapshot = await db.graph.read((tx) => readProjectSnapshot(tx, source.largestProject.id, null));
    const bytes = writeXlsx(snapshot, { matrices: false });
    const rows = readImportFile(bytes, 'carte.xlsx').rows.length;
    log(`import: workbook of ${rows} rows, ${Math.round(bytes.byteLength / 1024)} KiB`);

    const candidate: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      // Baseline: the bulk loader writing the same graph (a fresh copy under other ids).
      const copy = generateDataset(WORKBOOK_SPEC, 7, `wbb${run}`);
      const t0 = performance.now();
      await writeBulk(db.graph, planBulk(copy.ops));
      const bulkMs = performance.now() - t0;

      // Candidate: the workbook into an empty project of a new territory.
      const territory = await db.graph.write((tx) =>
        createEntity(
          tx,
          { author: 'bench' },
          'Territory',
          { name: `Import ${run}`, code: '76', kind: 'COMMUNE' },
          { validFrom: new Date('2019-01-01') },
        ),
      );
      const project = await db.graph.write((tx) =>
        createEntity(
          tx,
          { author: 'bench' },
          'Project',
          { territoryId: territory.id, name: `Projet ${run}` },
          { validFrom: new Date('2019-01-01') },
        ),
      );
      const t1 = performance.now();
      const input = readImportFile(bytes, 'carte.xlsx');
      const report = await db.graph.write((tx) =>
        importWorkbook(tx, { author: 'bench', now: new Date('2025-01-01') }, project.id, input, {
          validFrom: new Date('2024-06-01'),
        }),
      );
      const importMs = performance.now() - t1;
      if (!report.accepted || report.counts.created < rows * 0.9)
        throw new Error(`import refused: ${report.problems[0]?.message}`);
      log(`import run ${run}: import ${seconds(importMs)} s, bulk ${seconds(bulkMs)} s${run === 0 ? ' (warm-up)' : ''}`);
      if (run === 0) continue;
      candidate.push(importMs);
      baseline.push(bulkMs);
    }
    return {
      part: 'import',
      figure: `workbook of ${rows} rows of every kind (XLSX, ${Math.round(bytes.byteLength / 1024)} KiB) imported ÷ the bulk loader writing the same graph`,
      candidate,
      baseline,
      ratio: median(candidate) / median(baseline),
      bound: 3,
      notes: `${source.ops.length} creations; median of ${RUNS} runs after a warm-up, interleaved`,
      load: `${before} before, ${loadText()} after`,
    };
  } finally {
    await db.close();
  }
}

/** A copy of the scale bench's L folder, started: the original is never opened. */
async function openLCopy() {
  const from = join(SCALE_DIR, 'L');
  const manifest = JSON.parse(readFileSync(join(from, 'bench-dataset.json'), 'utf8')) as StoredDataset;
  const home = join(WORK_DIR, 'L');
  rmSync(home, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  cpSync(from, home, { recursive: true });
  const neo4j = await startEmbeddedNeo4j({
    home,
    port: await freePort(),
    password: PASSWORD,
    heap: '2g',
    pageCache: '1g',
    startTimeoutMs: 900_000,
    log: () => {},
  });
  const config = { uri: neo4j.uri, user: 'neo4j', password: PASSWORD, database: 'neo4j', connectionTimeoutMs: 30_000 };
  const driver = createDriver(config);
  await migrate(driver, { database: config.database });
  const graph = new Graph(driver, config.database);
  return {
    manifest,
    graph,
    close: async () => {
      await graph.close();
      await neo4j.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

async function gexfPart(l: Awaited<ReturnType<typeof openLCopy>>): Promise<Ratio> {
  const before = loadText();
  const territory = l.manifest.territories.find((t) => t.id === l.manifest.largestTerritoryId)!;
  const candidate: number[] = [];
  const baseline: number[] = [];
  let size = 0;
  let versions = 0;
  for (let run = 0; run <= RUNS + 1; run++) {
    const order = run % 2 === 0 ? ['gexf', 'maps'] : ['maps', 'gexf'];
    for (const which of order) {
      const t0 = performance.now();
      if (which === 'gexf') {
        const snapshot = await l.graph.read((tx) => readTerritorySnapshot(tx, territory.id, null));
        const [file] = exportSnapshot(snapshot, 'gexf');
        size = file!.bytes.byteLength;
        versions = snapshot.entities.reduce((n, e) => n + (e.history?.length ?? 0), 0);
      } else {
        for (const projectId of territory.projectIds) {
          await l.graph.read(async (tx) => buildProjectMap(await readProjectState(tx, projectId, null)));
        }
      }
      const ms = performance.now() - t0;
      if (run > 1) (which === 'gexf' ? candidate : baseline).push(ms);
      log(`gexf run ${run}: ${which} ${seconds(ms)} s${run <= 1 ? ' (warm-up)' : ''}`);
    }
  }
  return {
    part: 'gexf',
    figure: `GEXF of L's largest territory (${territory.projectIds.length} projects) with its history ÷ reading its projects' maps`,
    candidate,
    baseline,
    ratio: median(candidate) / median(baseline),
    bound: 3,
    notes: `GEXF ${Math.round(size / 1024)} KiB${versions ? `, ${versions} versions as spells` : ''}; median of ${RUNS} runs after 2 warm-ups, order alternated`,
    load: `${before} before, ${loadText()} after`,
  };
}

async function restorePart(l: Awaited<ReturnType<typeof openLCopy>>): Promise<Ratio> {
  const before = loadText();
  const doc = await l.graph.read((tx) => takeBackup(tx, {}));
  log(`restore: backup of L, ${doc.entities.length} entities, ${doc.versions.length} versions, ${doc.changes.length} changes`);
  await l.close();

  const target = await disposable('3g');
  let restoreMs: number;
  try {
    const t0 = performance.now();
    await restoreBackupDocument(target.graph, doc);
    restoreMs = performance.now() - t0;
    log(`restore of L: ${seconds(restoreMs)} s`);
  } finally {
    await target.close();
  }

  const bulk = await disposable('3g');
  let bulkMs: number;
  try {
    const m = l.manifest;
    const data = generateDataset(SIZES.L, m.seed, m.prefix);
    const t0 = performance.now();
    await writeBulk(bulk.graph, planBulk(data.ops));
    bulkMs = performance.now() - t0;
    log(`bulk load of L: ${seconds(bulkMs)} s`);
  } finally {
    await bulk.close();
  }
  return {
    part: 'restore',
    figure: "restore of L's backup into an empty database ÷ the bulk load of L (planning and writing)",
    candidate: [restoreMs],
    baseline: [bulkMs],
    ratio: restoreMs / bulkMs,
    bound: 1.5,
    notes: `${doc.entities.length} entities, ${doc.versions.length} versions, ${doc.changes.length} changes; one run each (a load takes minutes), one after the other`,
    load: `${before} before, ${loadText()} after`,
  };
}

async function main(): Promise<void> {
  const results: Ratio[] = [];
  const dir = join(import.meta.dirname, 'results');
  const jsonPath = join(dir, 'exchange.json');
  // Parts not measured in this run keep their earlier figures (each with its own date).
  const earlier: Ratio[] = existsSync(jsonPath)
    ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as { results: Ratio[] }).results.filter((r) => !PARTS.includes(r.part))
    : [];
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  })();
  const save = () => {
    const all = [...earlier, ...results].sort(
      (a, b) => ['import', 'gexf', 'restore'].indexOf(a.part) - ['import', 'gexf', 'restore'].indexOf(b.part),
    );
    writeFileSync(jsonPath, `${JSON.stringify({ at: new Date().toISOString(), results: all }, null, 2)}\n`);
    const lines = [
      `# Trame benchmark of the exchange formats — ${new Date().toISOString().slice(0, 10)}`,
      '',
      '`npm run bench:exchange` (bench/exchange.ts), issue 15. Machine: 2 cores shared with other work; the ratios are judged (candidate and baseline measured in the same run), the absolute figures are for reference.',
      '',
      '| part | figure | candidate (s) | baseline (s) | ratio | bound | met | notes | load average (1 / 5 / 15 min) | measured |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...all.map(
        (r) =>
          `| ${r.part} | ${r.figure} | ${seconds(median(r.candidate))} | ${seconds(median(r.baseline))} | ${r.ratio.toFixed(2)} | ≤ ${r.bound} | ${r.ratio <= r.bound ? '**yes**' : '**no**'} | ${r.notes} | ${r.load} | ${r.at ? `${r.at.slice(0, 16).replace('T', ' ')} UTC` : ''}${r.commit ? `, ${r.commit}` : ''} |`,
      ),
      '',
    ];
    writeFileSync(join(dir, 'exchange.md'), lines.join('\n'));
  };
  const done = (r: Ratio) => {
    results.push({ ...r, at: new Date().toISOString(), ...(commit ? { commit } : {}) });
    save();
  };
  if (PARTS.includes('import')) {
    done(await importPart());
  }
  if (PARTS.includes('gexf') || PARTS.includes('restore')) {
    const l = await openLCopy();
    let closed = false;
    try {
      if (PARTS.includes('gexf')) {
        done(await gexfPart(l));
      }
      if (PARTS.includes('restore')) {
        closed = true;
        done(await restorePart(l));
      }
    } finally {
      if (!closed) await l.close();
    }
  }
  for (const r of results) log(`${r.part}: ${r.ratio.toFixed(2)} (bound ${r.bound})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
