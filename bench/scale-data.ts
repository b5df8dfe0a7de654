/**
 * Datasets kept on disk for the scale bench (`npm run bench:scale`): each size in its own embedded
 * Neo4j data folder (`.data/bench-scale/<name>/` by default), generated and bulk-loaded once, then
 * reused while its manifest matches. XL (a million recorded changes) takes far longer to load than
 * a bench run should: the first run pays for it, the next ones start in seconds.
 *
 * The manifest (`bench-dataset.json` in the folder) is written only after a complete load, with
 * what the measures need (projects, territories, milestones) so that a reuse needs no generation.
 * A folder with a manifest for another spec, seed or format is wiped and loaded again.
 *
 * An interrupted load resumes: the generation is seeded, so the plan is the same, and every batch
 * is one transaction written in a fixed order (identities, then versions, then changes), so the
 * label counts in the database (:Entity, :Version, :Change — the folder holds nothing else of
 * those) say how many rows of each are already there.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Graph, createDriver } from '@trame/graph';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '@trame/neo4j-embedded';
import { freePort } from '@trame/neo4j-embedded/disposable';
import { migrate } from '@trame/migrations';
import type { Driver } from 'neo4j-driver';
import { planBulk, writeBulk, type BulkPlan } from '../graph/src/store/bulk.ts';
import { generateDataset, type SizeSpec } from './generate.ts';
import { log, seconds, type LoadFigures } from './lib.ts';

/** Bump when the generator or the loader changes what a seed produces: stored datasets are reloaded. */
const FORMAT = 1;
const MANIFEST = 'bench-dataset.json';
/** Written when a load starts: what is being loaded, so that a later run may resume it. */
const LOADING = 'bench-loading.json';

export interface StoredProject {
  id: string;
  territoryId: string;
  start: string;
  milestones: { id: string; date: string }[];
  /** Generated counts (creations): positions, objectives, engaged actors. */
  positions: number;
  objectives: number;
  actors: number;
}

export interface StoredDataset {
  format: number;
  name: string;
  seed: number;
  prefix: string;
  spec: Record<string, unknown>;
  loadedAt: string;
  counts: { creates: number; updates: number; ends: number; ops: number };
  /** Seconds: generation, planning (in memory), writing (Neo4j), and in all. */
  load: LoadFigures & {
    /** Whether an interrupted load was resumed (the times, planning and writing, are then of the last run only). */
    resumed?: boolean;
  };
  projects: StoredProject[];
  territories: { id: string; projectIds: string[] }[];
  largestProjectId: string;
  largestTerritoryId: string;
}

export interface OpenDataset {
  data: StoredDataset;
  /** True when this run generated and loaded it (false: reused from disk). */
  loadedNow: boolean;
  /** Seconds to start Neo4j on the folder (and migrate). */
  startSeconds: number;
  neo4j: EmbeddedNeo4j;
  driver: Driver;
  graph: Graph;
  uri: string;
  password: string;
  home: string;
  close(): Promise<void>;
}

const specJson = (spec: SizeSpec) =>
  Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

function readManifest(home: string): StoredDataset | null {
  const file = join(home, MANIFEST);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredDataset;
  } catch {
    return null;
  }
}

/**
 * Opens the dataset `spec` (seeded by `seed`, ids prefixed by `prefix`) in its folder under
 * `root`: starts an embedded Neo4j on a free port there, migrates, and generates and bulk-loads
 * the data unless a matching manifest says it is already there (`reload` forces a new load).
 */
export async function openDataset(options: {
  root: string;
  spec: SizeSpec;
  seed: number;
  prefix: string;
  password: string;
  heap: string;
  pageCache: string;
  reload?: boolean;
  /** Rows per write transaction of the bulk load. */
  batchSize?: number;
}): Promise<OpenDataset> {
  const { spec, seed, prefix } = options;
  const home = join(options.root, spec.name);
  const wanted = JSON.stringify({ format: FORMAT, seed, prefix, spec: specJson(spec) });
  let manifest = readManifest(home);
  if (
    manifest &&
    (options.reload ||
      JSON.stringify({ format: manifest.format, seed: manifest.seed, prefix: manifest.prefix, spec: manifest.spec }) !== wanted)
  )
    manifest = null;
  const loadingFile = join(home, LOADING);
  const resuming = !manifest && !options.reload && existsSync(loadingFile) && readFileSync(loadingFile, 'utf8') === wanted;
  if (!manifest && !resuming) rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });

  const started = performance.now();
  const neo4j = await startEmbeddedNeo4j({
    home,
    port: await freePort(),
    password: options.password,
    heap: options.heap,
    pageCache: options.pageCache,
    // A busy shared machine can take minutes to start a JVM.
    startTimeoutMs: 900_000,
    log: () => {},
  });
  // Trame fails fast when Neo4j does not answer within a second; a loaded shared machine can take longer.
  const config = { uri: neo4j.uri, user: 'neo4j', password: options.password, database: 'neo4j', connectionTimeoutMs: 30_000 };
  const driver = createDriver(config);
  const graph = new Graph(driver, config.database);
  const close = async () => {
    await graph.close();
    await neo4j.stop();
  };
  try {
    await migrate(driver, { database: config.database });
    const startSeconds = seconds(performance.now() - started);
    if (manifest) {
      log(`${spec.name}: reusing the dataset loaded on ${manifest.loadedAt} in ${home} (Neo4j up in ${startSeconds} s)`);
      return {
        data: manifest,
        loadedNow: false,
        startSeconds,
        neo4j,
        driver,
        graph,
        uri: neo4j.uri,
        password: options.password,
        home,
        close,
      };
    }
    writeFileSync(loadingFile, wanted);
    log(`${spec.name}: generating (seed ${seed})`);
    const t0 = performance.now();
    const ds = generateDataset(spec, seed, prefix);
    const generateMs = performance.now() - t0;
    log(`${spec.name}: ${ds.ops.length} operations generated in ${seconds(generateMs)} s; planning`);
    const t1 = performance.now();
    const plan = inWriteOrder(planBulk(ds.ops));
    const planMs = performance.now() - t1;
    const done = resuming ? await rowsWritten(graph) : { identities: 0, versions: 0, changes: 0 };
    const total = plan.identities.length + plan.versions.length + plan.changes.length;
    const already = done.identities + done.versions + done.changes;
    log(
      `${spec.name}: planned in ${seconds(planMs)} s; ${resuming ? `resuming after ${already} of ${total} rows` : `writing ${total} rows`}`,
    );
    let lastLog = performance.now();
    const t2 = performance.now();
    const written = await writeBulk(
      graph,
      {
        ...plan,
        identities: plan.identities.slice(done.identities),
        versions: plan.versions.slice(done.versions),
        changes: plan.changes.slice(done.changes),
      },
      {
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        progress: (n) => {
          if (performance.now() - lastLog > 30_000) {
            lastLog = performance.now();
            log(`${spec.name}: ${already + n} of ${total} rows written (${seconds(performance.now() - t2)} s this run)`);
          }
        },
      },
    );
    const stats = {
      ...written,
      entities: plan.identities.length,
      versions: plan.versions.length,
      changes: plan.changes.length,
      refs: plan.versions.reduce((sum, v) => sum + v.refs.length, 0),
      planMs,
    };
    const loadMs = performance.now() - t1;
    const data: StoredDataset = {
      format: FORMAT,
      name: spec.name,
      seed,
      prefix,
      spec: specJson(spec),
      loadedAt: new Date().toISOString(),
      counts: { ...ds.counts, ops: ds.ops.length },
      load: {
        seconds: seconds(loadMs),
        resumed: resuming,
        generateSeconds: seconds(generateMs),
        planSeconds: seconds(stats.planMs),
        writeSeconds: seconds(stats.writeMs),
        entities: stats.entities,
        versions: stats.versions,
        changes: stats.changes,
        refs: stats.refs,
      },
      projects: ds.projects.map((p) => ({
        id: p.id,
        territoryId: p.territoryId,
        start: p.start.toISOString(),
        milestones: p.milestones,
        positions: p.positionIds.length,
        objectives: p.objectiveIds.length,
        actors: p.actorIds.length,
      })),
      territories: ds.territories.map((t) => ({ id: t.id, projectIds: t.projectIds })),
      largestProjectId: ds.largestProject.id,
      largestTerritoryId: ds.largestTerritory.id,
    };
    writeFileSync(join(home, MANIFEST), `${JSON.stringify(data, null, 2)}\n`);
    rmSync(loadingFile, { force: true });
    log(
      `${spec.name}: loaded in ${data.load.seconds} s (planning ${data.load.planSeconds} s, writing ${data.load.writeSeconds} s): ${stats.entities} entities, ${stats.versions} versions, ${stats.changes} changes, ${stats.refs} references`,
    );
    return { data, loadedNow: true, startSeconds, neo4j, driver, graph, uri: neo4j.uri, password: options.password, home, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** The plan with its identities grouped by type as writeBulk writes them, so that a row count is a prefix. */
function inWriteOrder(plan: BulkPlan): BulkPlan {
  const rank = new Map<string, number>();
  for (const row of plan.identities) if (!rank.has(row.type)) rank.set(row.type, rank.size);
  const identities = plan.identities
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank.get(a.row.type)! - rank.get(b.row.type)! || a.i - b.i)
    .map((x) => x.row);
  return { ...plan, identities };
}

/** Rows of a load already in the database, from the label counts (the count store: no scan). */
async function rowsWritten(graph: Graph): Promise<{ identities: number; versions: number; changes: number }> {
  return graph.read(async (tx) => {
    const count = async (label: string) => Number((await tx.run(`MATCH (n:${label}) RETURN count(n) AS n`)).records[0]!.get('n'));
    return { identities: await count('Entity'), versions: await count('Version'), changes: await count('Change') };
  });
}

/**
 * The project of `data` closest in size to `like` (positions, objectives and engaged actors, each
 * compared relatively): "a project of the same size" in a larger database.
 */
export function projectLike(data: StoredDataset, like: StoredProject): StoredProject {
  const distance = (p: StoredProject) =>
    Math.abs(p.positions / like.positions - 1) +
    Math.abs(p.objectives / like.objectives - 1) +
    Math.abs(p.actors / like.actors - 1);
  return [...data.projects].sort((a, b) => distance(a) - distance(b))[0]!;
}
