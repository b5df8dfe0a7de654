// `npm run bench`: Trame's speed as ratios against baselines measured in the same run, on the
// same data: the raw driver (hand-written Cypher), a generated-API peer (@neo4j/graphql), and
// bare Cytoscape. Starts its own Neo4j (a free port, a temporary folder), loads generated
// territories S, M, L in bulk, measures, and writes bench/results/latest.{md,json}.
//
// Environment: BENCH_SIZES=S,M,L  BENCH_RUNS=25  BENCH_FRONTEND=0  BENCH_REVIEW_RUNS=3
//              BENCH_IMPORT_RUNS=5  BENCH_NEO4J_HEAP=4g  BENCH_SKIP_WEB_BUILD=1
//              BENCH_CPU_THROTTLE=4 (slows the browser's CPU, to check the front end under load)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@trame/api';
import {
  ACTOR_KINDS,
  createApiToken,
  createUser,
  grantRole,
  ENGAGEMENT_LEVELS,
  END_OF_TIME,
  importActors as importActorRows,
  Graph,
  analyse,
  analyseMactor,
  buildProjectMap,
  createDriver,
  createEntity,
  diffProjectStates,
  listTerritoryEntities,
  isoDay,
  milestoneInstant,
  projectStateQuery,
  readProjectState,
  readTerritoryReview,
  resolveMilestone,
  toNeoDateTime,
  updateEntity,
  type ReadMoment,
} from '@trame/graph';
import { freePort, startDisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { migrate } from '@trame/migrations';
import { bulkLoad, loadThroughCommands } from '../graph/src/store/bulk.ts';
import { rawImportActors, rawProjectMap, rawUpdateValue, type ImportRow } from './baselines/raw.ts';
import { buildPeerApp, createPeerSchema, peerDataToMap, peerMapHttp, peerMapServer, PEER_MAP_QUERY } from './baselines/peer.ts';
import { SIZES, frontEndSpec, generateDataset, generateHistoryTwins, type Dataset, type SizeSpec } from './generate.ts';
import { runFrontEnd, type FrontEndResult } from './frontend.ts';
// The web app's own documents: the bench sends what the editor and the review page send.
import { PROJECT_DIFF } from '../web/src/api/documents.ts';
import { TERRITORY_REVIEW } from '../web/src/api/analysisDocuments.ts';
import { log, measureTogether, peakRssMiB, rssMiB, seconds, type LoadFigures, type Stat } from './lib.ts';
import { renderMarkdown, type BenchResult, type Ratio } from './report.ts';

const env = process.env;
const SIZE_NAMES = (env.BENCH_SIZES ?? 'S,M,L')
  .split(',')
  .map((s) => s.trim().toUpperCase())
  .filter((s): s is 'S' | 'M' | 'L' => s === 'S' || s === 'M' || s === 'L');
const RUNS = Number(env.BENCH_RUNS ?? 25);
const WARMUP = Number(env.BENCH_WARMUP ?? 5);
const REVIEW_RUNS = Number(env.BENCH_REVIEW_RUNS ?? 3);
const IMPORT_RUNS = Number(env.BENCH_IMPORT_RUNS ?? 5);
const FRONTEND = env.BENCH_FRONTEND !== '0';
const HEAP = env.BENCH_NEO4J_HEAP ?? '4g';
const TWIN_UPDATES = Number(env.BENCH_TWIN_UPDATES ?? 1_400);
const FRONTEND_SIZES = [500, 2_000, 5_000];
const AUTHOR = 'bench';
const PASSWORD = 'trame-bench-password';
const runStarted = performance.now();

function versionOf(pkg: string): string {
  try {
    const file = fileURLToPath(new URL(`../node_modules/${pkg}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const MAP_QUERY = /* GraphQL */ `
  query Map($id: ID!, $asOf: DateTime) {
    projectMap(projectId: $id, asOf: $asOf) {
      asOf perimeterOrder
      nodes { id kind label parent entityVersion data }
      edges { id kind source target label entityVersion data }
      ecosystems { id name memberIds perimeterId }
    }
  }`;
const IMPORT_MUTATION = /* GraphQL */ `
  mutation Import($projectId: ID!, $rows: [ActorImportRow!]!) {
    importActors(projectId: $projectId, rows: $rows) { actorsCreated engagementsCreated }
  }`;
const EDIT_MUTATION = /* GraphQL */ `
  mutation Edit($id: ID!, $version: Int!, $value: Int!) {
    updatePosition(id: $id, version: $version, patch: { value: $value }) { id version value }
  }`;

type Json = Record<string, unknown>;
/** An administrator's personal token: Trame's reads are measured signed in (the peer ignores it). */
let bearer = '';
async function injectGraphQL(app: FastifyInstance, query: string, variables: Json): Promise<Json> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: `Bearer ${bearer}` },
    payload: { query, variables },
  });
  const body = JSON.parse(response.body) as { data?: Json; errors?: unknown[] };
  if (response.statusCode !== 200 || body.errors)
    throw new Error(`GraphQL ${response.statusCode}: ${response.body.slice(0, 400)}`);
  return body.data!;
}
async function fetchGraphQL(url: string, query: string, variables: Json): Promise<Json> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Json; errors?: unknown[] };
  if (response.status !== 200 || body.errors)
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body).slice(0, 400)}`);
  return body.data!;
}
async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
}

/** What the measures need of a loaded dataset once its operations are dropped. */
interface Loaded {
  name: string;
  spec: SizeSpec;
  projectId: string;
  territoryId: string;
  territoryProjects: number;
  milestones: { id: string; date: string }[];
  positionIds: string[];
  start: Date;
  counts: Dataset['counts'] & { ops: number };
  load: LoadFigures;
}

function summarise(ds: Dataset, name: string, load: Loaded['load']): Loaded {
  return {
    name,
    spec: ds.spec,
    projectId: ds.largestProject.id,
    territoryId: ds.largestTerritory.id,
    territoryProjects: ds.largestTerritory.projectIds.length,
    milestones: ds.largestProject.milestones,
    positionIds: ds.largestProject.positionIds,
    start: ds.largestProject.start,
    counts: { ...ds.counts, ops: ds.ops.length },
    load,
  };
}

log(
  `sizes ${SIZE_NAMES.join(', ')}; ${RUNS} runs after ${WARMUP} warm-ups; front end ${FRONTEND ? 'on' : 'off'}; Neo4j heap ${HEAP}`,
);
const neo4j = await startDisposableNeo4j({ password: PASSWORD, heap: HEAP, log: () => {} });
const config = { uri: neo4j.uri, user: 'neo4j', password: neo4j.password, database: 'neo4j' };
const driver = createDriver(config);
const graph = new Graph(driver, config.database);
const apps: FastifyInstance[] = [];
try {
  await migrate(driver, { database: config.database });
  const neo4jVersion = await graph.read(async (tx) => {
    const result = await tx.run(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
    );
    const row = result.records[0];
    return row ? `${String(row.get('name'))} ${String(row.get('version'))} ${String(row.get('edition'))}` : 'unknown';
  });

  // ---------------------------------------------------------------------------------------------
  // Load
  const loaded: Loaded[] = [];
  const loadOne = async (ds: Dataset, name: string, generateMs: number): Promise<Loaded> => {
    const started = performance.now();
    const stats = await bulkLoad(graph, ds.ops);
    const total = performance.now() - started;
    const load = {
      seconds: seconds(total),
      generateSeconds: seconds(generateMs),
      planSeconds: seconds(stats.planMs),
      writeSeconds: seconds(stats.writeMs),
      entities: stats.entities,
      versions: stats.versions,
      changes: stats.changes,
      refs: stats.refs,
    };
    log(
      `${name}: ${ds.ops.length} operations (${stats.entities} entities, ${stats.versions} versions, ${stats.changes} changes, ${stats.refs} references) loaded in bulk in ${load.seconds} s`,
    );
    return summarise(ds, name, load);
  };
  for (const [i, name] of SIZE_NAMES.entries()) {
    const started = performance.now();
    const ds = generateDataset(SIZES[name], 42 + i, name.toLowerCase());
    loaded.push(await loadOne(ds, name, performance.now() - started));
  }
  // The same operations through the domain commands, on a sample: the rate the API would load at.
  const sample = generateDataset({ ...SIZES.S, name: 'domain-sample', updates: 150 }, 99, 'dom');
  const sampleOps = sample.ops.slice(0, Number(env.BENCH_DOMAIN_SAMPLE ?? 400));
  const started = performance.now();
  await loadThroughCommands(graph, sampleOps, { batch: 100 });
  const domainMsPerOp = (performance.now() - started) / sampleOps.length;
  log(`domain commands: ${domainMsPerOp.toFixed(1)} ms per operation on a ${sampleOps.length}-operation sample`);

  const [twin1, twin10] = generateHistoryTwins(7, 'tw', TWIN_UPDATES);
  const twins = [await loadOne(twin1, 'history 1×', 0), await loadOne(twin10, 'history 10×', 0)];
  const importDs = generateDataset(
    { ...SIZES.S, name: 'import', actors: 30, objectives: 5, relations: 10, updates: 0, projects: 1 },
    5,
    'imp',
  );
  const importTarget = await loadOne(importDs, 'import target', 0);
  const frontEndProjects: { target: number; projectId: string }[] = [];
  if (FRONTEND) {
    for (const target of FRONTEND_SIZES) {
      const ds = generateDataset(frontEndSpec(target), 11 + target, `fe${target}`);
      const one = await loadOne(ds, `front end ${target}`, 0);
      frontEndProjects.push({ target, projectId: one.projectId });
    }
  }
  const top = loaded[loaded.length - 1]!;
  const minute = (date: string) => milestoneInstant(date);
  const ms = top.milestones;
  const early = minute(ms[0]!.date);
  const mid = minute(ms[Math.floor(ms.length / 2)]!.date);
  const late = minute(ms[ms.length - 1]!.date);
  const diffFrom = ms[1] ?? ms[0]!;
  const diffTo = ms[ms.length - 1]!;
  const sinceMilestone = ms[Math.max(0, ms.length - 3)]!;
  log(`largest project ${top.projectId} of ${top.name}; early ${isoDay(early)}, mid ${isoDay(mid)}, late ${isoDay(late)}`);

  // ---------------------------------------------------------------------------------------------
  // Servers: Trame (inject and a listening port), the peer (inject and a listening port).
  const app = await buildApp({ graph, webDir: null, graphiql: false });
  apps.push(app);
  const admin = await createUser(graph, { email: `bench-${Date.now()}@trame.test`, name: 'Bench' });
  await grantRole(graph, { userId: admin.id, role: 'ADMINISTRATEUR', by: 'system' });
  bearer = (await createApiToken(graph, { userId: admin.id, name: 'bench' })).token;
  const trameUrl = await listen(app);
  const peerSchema = await createPeerSchema(driver);
  const peerApp = await buildPeerApp(peerSchema, config.database);
  apps.push(peerApp);
  const peerUrl = await listen(peerApp);

  const trameMap = (projectId: string, at: ReadMoment) => () =>
    graph.read(async (tx) => buildProjectMap(await readProjectState(tx, projectId, at)));
  const trameMapInject = (projectId: string, at: Date | null) => () =>
    injectGraphQL(app, MAP_QUERY, { id: projectId, asOf: at?.toISOString() ?? null });
  const trameMapHttp = (projectId: string, at: Date | null) => () =>
    fetchGraphQL(trameUrl, MAP_QUERY, { id: projectId, asOf: at?.toISOString() ?? null });
  const END_ISO = END_OF_TIME.toISOString();

  // Same content? Trame's map, the raw Cypher's and the peer's, compared node by node and edge by edge.
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value instanceof Date) return value.toISOString();
    if (value !== null && typeof value === 'object') {
      if ('year' in value && 'nanosecond' in value) return new Date(String(value)).toISOString();
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== null && v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  const sameContent = (
    a: { nodes: { id: string }[]; edges: { id: string }[] },
    b: { nodes: { id: string }[]; edges: { id: string }[] },
  ) => {
    const key = (m: typeof a) =>
      JSON.stringify(
        canonical({
          nodes: [...m.nodes].sort((x, y) => x.id.localeCompare(y.id)),
          edges: [...m.edges].sort((x, y) => x.id.localeCompare(y.id)),
        }),
      );
    return key(a) === key(b);
  };
  const reference = await trameMap(top.projectId, null)();
  const contentCheck = {
    nodes: reference.nodes.length,
    edges: reference.edges.length,
    raw: sameContent(reference, await rawProjectMap(driver, config.database, top.projectId)),
    peer: sameContent(reference, await peerMapServer(peerSchema, top.projectId, top.territoryId, config.database)),
  };
  log(
    `map of ${top.projectId}: ${contentCheck.nodes} nodes, ${contentCheck.edges} edges; same content — raw ${contentCheck.raw}, peer ${contentCheck.peer}`,
  );
  const measures: Record<string, Record<string, Stat>> = {};
  const progress = (section: string) => ({ onRun: (run: number) => (run + 1) % 10 === 0 && log(`${section}: run ${run + 1}`) });

  // 1. Current map of the largest project: Trame vs raw vs peer.
  log('measuring: map read (Trame, raw Cypher, @neo4j/graphql)');
  measures.mapRead = await measureTogether(
    {
      'trame server': trameMap(top.projectId, null),
      'trame inject': trameMapInject(top.projectId, null),
      'trame http': trameMapHttp(top.projectId, null),
      raw: () => rawProjectMap(driver, config.database, top.projectId),
      'peer server': () => peerMapServer(peerSchema, top.projectId, top.territoryId, config.database),
      'peer inject': () => peerMapHttp(peerApp, top.projectId, top.territoryId),
      'peer http': async () =>
        peerDataToMap(
          (await fetchGraphQL(peerUrl, PEER_MAP_QUERY, {
            projectId: top.projectId,
            territoryId: top.territoryId,
            end: END_ISO,
          })) as never,
          top.projectId,
        ),
    },
    { runs: RUNS, warmup: WARMUP, ...progress('map read') },
  );

  // Where the time of the map read goes (diagnostics): the state query alone, rows decoded, and
  // counted in the database (no rows shipped).
  const stateQuery = projectStateQuery(top.projectId, null);
  measures.mapReadParts = await measureTogether(
    {
      'trame server': trameMap(top.projectId, null),
      'state query only (rows decoded, no JS)': () =>
        graph.read(async (tx) => (await tx.run(stateQuery.cypher, stateQuery.params)).records.length),
      'state query, counted in the database': () =>
        graph.read(
          async (tx) => (await tx.run(`CALL () { ${stateQuery.cypher} } RETURN count(*) AS n`, stateQuery.params)).records.length,
        ),
      'trame server, asOf latest milestone': trameMap(top.projectId, late),
      raw: () => rawProjectMap(driver, config.database, top.projectId),
    },
    { runs: RUNS, warmup: WARMUP },
  );

  // 2. asOf and diff.
  log('measuring: asOf and diff');
  const diffServer = () =>
    graph.read(async (tx) => {
      const from = await resolveMilestone(tx, top.projectId, diffFrom.id);
      const to = await resolveMilestone(tx, top.projectId, diffTo.id);
      return diffProjectStates(await readProjectState(tx, top.projectId, from), await readProjectState(tx, top.projectId, to));
    });
  measures.history = await measureTogether(
    {
      'current server': trameMap(top.projectId, null),
      'early server': trameMap(top.projectId, early),
      'mid server': trameMap(top.projectId, mid),
      'late server': trameMap(top.projectId, late),
      'diff server': diffServer,
      'current inject': trameMapInject(top.projectId, null),
      'early inject': trameMapInject(top.projectId, early),
      'diff inject': () => injectGraphQL(app, PROJECT_DIFF.toString(), { id: top.projectId, from: diffFrom.id, to: diffTo.id }),
    },
    { runs: RUNS, warmup: WARMUP, ...progress('asOf/diff') },
  );

  // 3. Growth with size and with history length.
  log('measuring: growth (S, M, L; history 1× and 10×)');
  const growthCases: Record<string, () => Promise<unknown>> = {};
  for (const l of [...loaded, ...twins]) {
    const lms = l.milestones;
    growthCases[`${l.name} current`] = trameMap(l.projectId, null);
    growthCases[`${l.name} early`] = trameMap(l.projectId, minute(lms[0]!.date));
    growthCases[`${l.name} mid`] = trameMap(l.projectId, minute(lms[Math.floor(lms.length / 2)]!.date));
    growthCases[`${l.name} late`] = trameMap(l.projectId, minute(lms[lms.length - 1]!.date));
  }
  measures.growth = await measureTogether(growthCases, { runs: RUNS, warmup: WARMUP, ...progress('growth') });

  // 4. Edit mutation with its version check and history record, vs the same write in raw Cypher.
  log('measuring: edit mutation');
  const open = await graph.read(async (tx) => {
    const result = await tx.run(
      `UNWIND $ids AS id MATCH (e:Position {id: id})-[:LATEST]->(v) WHERE e.validTo = $end RETURN e.id AS id, e.version AS version, v.value AS value LIMIT 3`,
      { ids: top.positionIds, end: toNeoDateTime(END_OF_TIME) },
    );
    return result.records.map((r) => ({
      id: r.get('id') as string,
      version: Number(r.get('version')),
      value: Number(r.get('value')),
    }));
  });
  if (open.length < 3) throw new Error('not enough open positions to edit');
  const nextValue = (value: number) => (value >= 4 ? -4 : value + 1);
  const [editServer, editInject, editRaw] = open as [(typeof open)[0], (typeof open)[0], (typeof open)[0]];
  measures.edit = await measureTogether(
    {
      'trame server': async () => {
        const value = nextValue(editServer.value);
        const record = await graph.write((tx) =>
          updateEntity(tx, { author: AUTHOR }, 'Position', editServer.id, { value }, { expectedVersion: editServer.version }),
        );
        Object.assign(editServer, { version: record.version, value });
      },
      'trame inject': async () => {
        const value = nextValue(editInject.value);
        const data = await injectGraphQL(app, EDIT_MUTATION, { id: editInject.id, version: editInject.version, value });
        Object.assign(editInject, { version: (data.updatePosition as { version: number }).version, value });
      },
      raw: async () => {
        const value = nextValue(editRaw.value);
        const version = await rawUpdateValue(driver, config.database, {
          id: editRaw.id,
          expected: editRaw.version,
          field: 'value',
          before: editRaw.value,
          after: value,
          title: String(value),
          author: AUTHOR,
        });
        if (version === null) throw new Error('raw edit: stale version');
        Object.assign(editRaw, { version, value });
      },
    },
    { runs: RUNS, warmup: WARMUP },
  );

  // 5. Import of 500 rows (actors and their engagements): importActors vs one raw statement, and
  //    vs the same 1,000 creations through the domain commands in one transaction.
  log('measuring: 500-row import');
  let importRun = 0;
  const importRows = (): ImportRow[] => {
    importRun += 1;
    return Array.from({ length: 500 }, (_, i) => ({
      name: `Acteur importé ${importRun}-${i}`,
      kind: ACTOR_KINDS[i % ACTOR_KINDS.length]!,
      description: i % 3 === 0 ? `Description de l'acteur ${i}, venue d'un tableur.` : null,
      level: ENGAGEMENT_LEVELS[i % ENGAGEMENT_LEVELS.length]!,
      role: i % 2 === 0 ? 'Membre du comité de pilotage' : null,
    }));
  };
  const imported = (count: number) => {
    if (count !== 500) throw new Error(`import created ${count} engagements, not 500`);
  };
  measures.import = await measureTogether(
    {
      'trame server (importActors)': async () => {
        const report = await graph.write((tx) => importActorRows(tx, { author: AUTHOR }, importTarget.projectId, importRows()));
        imported(report.engagementsCreated);
      },
      'trame inject (importActors mutation)': async () => {
        const data = await injectGraphQL(app, IMPORT_MUTATION, { projectId: importTarget.projectId, rows: importRows() });
        imported((data.importActors as { engagementsCreated: number }).engagementsCreated);
      },
      'domain commands (1,000 createEntity, one transaction)': async () => {
        const rows = importRows();
        await graph.write(async (tx) => {
          for (const row of rows) {
            const actor = await createEntity(tx, { author: AUTHOR }, 'Actor', {
              territoryId: importTarget.territoryId,
              name: row.name,
              kind: row.kind,
              description: row.description,
            });
            await createEntity(tx, { author: AUTHOR }, 'Engagement', {
              actorId: actor.id,
              projectId: importTarget.projectId,
              level: row.level,
              role: row.role,
            });
          }
        });
      },
      'raw (one UNWIND statement)': async () =>
        imported(
          await rawImportActors(driver, config.database, importTarget.projectId, importTarget.territoryId, importRows(), AUTHOR),
        ),
    },
    { runs: IMPORT_RUNS, warmup: 1 },
  );

  // 6. Territory review of the largest territory vs the plain map reads of its projects.
  log(`measuring: territory review of ${top.territoryId} (${top.territoryProjects} projects), ${REVIEW_RUNS} runs`);
  const sinceInstant = minute(sinceMilestone.date);
  let reviewSize = { actors: 0, objectives: 0, projects: 0 };
  measures.review = await measureTogether(
    {
      'review server': async () => {
        const review = await graph.read((tx) => readTerritoryReview(tx, top.territoryId, null, sinceInstant));
        reviewSize = { actors: review.actors.length, objectives: review.objectives.length, projects: review.projects.length };
      },
      'review inject': () =>
        injectGraphQL(app, TERRITORY_REVIEW.toString(), { id: top.territoryId, asOf: null, sinceMilestone: sinceMilestone.id }),
      'maps of its projects (server)': () =>
        graph.read(async (tx) => {
          for (const project of await listTerritoryEntities(tx, top.territoryId, ['Project'], new Date())) {
            buildProjectMap(await readProjectState(tx, project.id, null));
          }
        }),
      'maps of its projects, now and at the milestone (server)': () =>
        graph.read(async (tx) => {
          for (const project of await listTerritoryEntities(tx, top.territoryId, ['Project'], new Date())) {
            buildProjectMap(await readProjectState(tx, project.id, null));
            if (project.validFrom.getTime() <= sinceInstant.getTime())
              buildProjectMap(await readProjectState(tx, project.id, sinceInstant));
          }
        }),
    },
    { runs: REVIEW_RUNS, warmup: 1, onRun: (run) => log(`review: run ${run + 1}`) },
  );

  // Where the review's time goes: the reads, the analysis, and MACTOR within it (diagnostics).
  log('review diagnostics: analysis compute');
  let t0 = performance.now();
  const reviewStates = await graph.read(async (tx) => {
    const states = [];
    for (const project of await listTerritoryEntities(tx, top.territoryId, ['Project'], new Date()))
      states.push(await readProjectState(tx, project.id, null));
    return states;
  });
  const readMs = performance.now() - t0;
  t0 = performance.now();
  const analysis = analyse(reviewStates, new Map());
  const analyseMs = performance.now() - t0;
  // MACTOR again on the inputs the analysis built (its MID and 2MAO), alone.
  t0 = performance.now();
  analyseMactor({
    actors: analysis.mactor.actors,
    objectives: analysis.mactor.objectives,
    mid: analysis.mactor.mid,
    mao2: analysis.mactor.orders[2].mao,
  });
  const mactorMs = performance.now() - t0;
  const reviewDiagnostics = { readStatesMs: readMs, analyseMs, mactorMs };
  log(
    `review diagnostics: reads ${Math.round(readMs)} ms, analyse ${Math.round(analyseMs)} ms, of which MACTOR ${Math.round(mactorMs)} ms`,
  );

  // 7. PROFILE of readProjectState at the largest size: index use and rows scanned by date.
  log('profiling the state query');
  const profiles: Record<string, { dbHits: number; versionsScanned: number; index: string; timeMs: number }> = {};
  const profileOne = async (label: string, projectId: string, at: ReadMoment) => {
    const query = projectStateQuery(projectId, at);
    const session = driver.session({ database: config.database });
    try {
      const result = await session.run(`PROFILE ${query.cypher}`, query.params);
      let dbHits = 0;
      let versionsScanned = 0;
      let index = '';
      const walk = (plan: {
        operatorType: string;
        dbHits: number;
        rows: number;
        arguments: Record<string, unknown>;
        children: unknown[];
      }) => {
        dbHits += plan.dbHits;
        const details = String(plan.arguments.Details ?? '');
        if (plan.operatorType.startsWith('NodeIndexSeek') && details.includes('v:Version')) {
          versionsScanned += plan.rows;
          index = details.replace(/^.*?INDEX /, '').slice(0, 90);
        }
        for (const child of plan.children) walk(child as never);
      };
      walk(result.summary.profile as never);
      const timeMs = Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter);
      profiles[label] = { dbHits, versionsScanned, index, timeMs };
    } finally {
      await session.close();
    }
  };
  await profileOne(`${top.name} current`, top.projectId, null);
  await profileOne(`${top.name} early`, top.projectId, early);
  await profileOne(`${top.name} mid`, top.projectId, mid);
  await profileOne(`${top.name} late`, top.projectId, late);
  for (const t of twins) {
    await profileOne(`${t.name} early`, t.projectId, minute(t.milestones[0]!.date));
    await profileOne(`${t.name} late`, t.projectId, minute(t.milestones[t.milestones.length - 1]!.date));
  }

  // 8. Memory: this process (API in-process, with the generator's leftovers), and the API alone in its own process.
  const benchRss = { rssMiB: rssMiB(), peakMiB: peakRssMiB(), heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
  log('measuring: the API in its own process (resident memory)');
  const apiProcess = await (async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./api-process.ts', import.meta.url))], {
      cwd: fileURLToPath(new URL('../', import.meta.url)),
      env: {
        ...env,
        NEO4J_URI: config.uri,
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: PASSWORD,
        NEO4J_DATABASE: 'neo4j',
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('API process did not start')), 120_000);
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('BENCH_API_READY')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.stderr!.on('data', () => {});
        child.once('exit', (code) => reject(new Error(`API process exited (${String(code)})`)));
      });
      const url = `http://127.0.0.1:${port}/graphql`;
      const afterStart = rssMiB(child.pid!);
      const mapRuns: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const t0 = performance.now();
        await fetchGraphQL(url, MAP_QUERY, { id: top.projectId, asOf: null });
        mapRuns.push(performance.now() - t0);
      }
      for (let i = 0; i < 5; i += 1)
        await fetchGraphQL(url, PROJECT_DIFF.toString(), { id: top.projectId, from: diffFrom.id, to: diffTo.id });
      await fetchGraphQL(url, TERRITORY_REVIEW.toString(), {
        id: top.territoryId,
        asOf: null,
        sinceMilestone: sinceMilestone.id,
      });
      for (let i = 0; i < 5; i += 1) await fetchGraphQL(url, MAP_QUERY, { id: top.projectId, asOf: early.toISOString() });
      return {
        afterStartMiB: afterStart,
        afterWorkMiB: rssMiB(child.pid!),
        peakMiB: peakRssMiB(child.pid!),
        mapHttpMs: mapRuns.slice(5).sort((a, b) => a - b)[7] ?? null,
      };
    } finally {
      child.kill('SIGTERM');
    }
  })();
  log(
    `API process: ${Math.round(apiProcess.afterStartMiB ?? 0)} MiB after start, ${Math.round(apiProcess.afterWorkMiB ?? 0)} MiB after the L requests, peak ${Math.round(apiProcess.peakMiB ?? 0)} MiB`,
  );
  const neo4jRss = rssMiB(neo4j.embedded.pid);

  // 9. Front end.
  let frontEnd: FrontEndResult | null = null;
  if (FRONTEND) {
    log('measuring: front end');
    frontEnd = await runFrontEnd(graph, frontEndProjects, {
      warmups: { 500: 1, 2000: 1, 5000: 0 },
      projectionUpTo: Number(env.BENCH_FE_PROJECTION_UP_TO ?? 2000),
      runs: {
        500: Number(env.BENCH_FE_RUNS_500 ?? 5),
        2000: Number(env.BENCH_FE_RUNS_2000 ?? 5),
        5000: Number(env.BENCH_FE_RUNS_5000 ?? 3),
      },
      buildWeb: env.BENCH_SKIP_WEB_BUILD !== '1',
      bearer,
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Ratios and targets
  const m = measures;
  const r = (a: Stat | undefined, b: Stat | undefined) => (a && b ? a.medianMs / b.medianMs : Number.NaN);
  const growth = m.growth!;
  const ratios: Ratio[] = [
    {
      group: 'map read',
      name: 'Trame ÷ raw Cypher (server side)',
      value: r(m.mapRead!['trame server'], m.mapRead!.raw),
      target: 1.3,
    },
    {
      group: 'map read',
      name: 'Trame ÷ raw Cypher (HTTP, inject)',
      value: r(m.mapRead!['trame inject'], m.mapRead!.raw),
      target: 1.3,
    },
    {
      group: 'map read',
      name: 'Trame ÷ raw Cypher (HTTP, listening port)',
      value: r(m.mapRead!['trame http'], m.mapRead!.raw),
      target: 1.3,
    },
    {
      group: 'map read',
      name: 'Trame ÷ @neo4j/graphql (server side)',
      value: r(m.mapRead!['trame server'], m.mapRead!['peer server']),
      target: 0.8,
    },
    {
      group: 'map read',
      name: 'Trame ÷ @neo4j/graphql (HTTP, inject)',
      value: r(m.mapRead!['trame inject'], m.mapRead!['peer inject']),
      target: 0.8,
    },
    {
      group: 'map read',
      name: 'Trame ÷ @neo4j/graphql (HTTP, listening port)',
      value: r(m.mapRead!['trame http'], m.mapRead!['peer http']),
      target: 0.8,
    },
    {
      group: 'asOf',
      name: 'asOf early date ÷ current (server side)',
      value: r(m.history!['early server'], m.history!['current server']),
      target: 1.5,
    },
    {
      group: 'asOf',
      name: 'asOf early date ÷ current (HTTP)',
      value: r(m.history!['early inject'], m.history!['current inject']),
      target: 1.5,
    },
    {
      group: 'asOf',
      name: 'asOf mid-history ÷ current (server side)',
      value: r(m.history!['mid server'], m.history!['current server']),
      target: null,
    },
    {
      group: 'asOf',
      name: 'asOf latest milestone ÷ current (server side)',
      value: r(m.history!['late server'], m.history!['current server']),
      target: null,
    },
    {
      group: 'history',
      name: 'asOf early date, 10× history ÷ 1×',
      value: r(growth['history 10× early'], growth['history 1× early']),
      target: 1.3,
    },
    {
      group: 'history',
      name: 'asOf mid-history, 10× history ÷ 1×',
      value: r(growth['history 10× mid'], growth['history 1× mid']),
      target: 1.3,
    },
    {
      group: 'history',
      name: 'asOf latest milestone, 10× history ÷ 1×',
      value: r(growth['history 10× late'], growth['history 1× late']),
      target: 1.3,
    },
    {
      group: 'history',
      name: 'current map, 10× history ÷ 1×',
      value: r(growth['history 10× current'], growth['history 1× current']),
      target: null,
    },
    {
      group: 'diff',
      name: 'diff of two milestones ÷ map read (server side)',
      value: r(m.history!['diff server'], m.history!['current server']),
      target: 2,
    },
    {
      group: 'diff',
      name: 'diff of two milestones ÷ map read (HTTP)',
      value: r(m.history!['diff inject'], m.history!['current inject']),
      target: 2,
    },
    {
      group: 'edit',
      name: 'edit mutation ÷ raw Cypher write (server side)',
      value: r(m.edit!['trame server'], m.edit!.raw),
      target: 2,
    },
    { group: 'edit', name: 'edit mutation ÷ raw Cypher write (HTTP)', value: r(m.edit!['trame inject'], m.edit!.raw), target: 2 },
    {
      group: 'import',
      name: '500-row actor import ÷ one raw statement (server side)',
      value: r(m.import!['trame server (importActors)'], m.import!['raw (one UNWIND statement)']),
      target: null,
    },
    {
      group: 'import',
      name: '500-row actor import ÷ one raw statement (HTTP)',
      value: r(m.import!['trame inject (importActors mutation)'], m.import!['raw (one UNWIND statement)']),
      target: null,
    },
    {
      group: 'import',
      name: 'the same 1,000 creations through the domain commands ÷ importActors',
      value: r(m.import!['domain commands (1,000 createEntity, one transaction)'], m.import!['trame server (importActors)']),
      target: null,
    },
    {
      group: 'review',
      name: 'territory review ÷ map reads of its projects (server side)',
      value: r(m.review!['review server'], m.review!['maps of its projects (server)']),
      target: null,
    },
    {
      group: 'review',
      name: 'territory review ÷ map reads of its projects now and at the milestone',
      value: r(m.review!['review server'], m.review!['maps of its projects, now and at the milestone (server)']),
      target: null,
    },
    {
      group: 'review',
      name: 'territory review over HTTP ÷ server side',
      value: r(m.review!['review inject'], m.review!['review server']),
      target: null,
    },
  ];
  for (let i = 1; i < loaded.length; i += 1) {
    const [a, b] = [loaded[i]!, loaded[i - 1]!];
    ratios.push({
      group: 'growth',
      name: `current map ${a.name} ÷ ${b.name}`,
      value: r(growth[`${a.name} current`], growth[`${b.name} current`]),
      target: null,
    });
    ratios.push({
      group: 'growth',
      name: `asOf early ${a.name} ÷ ${b.name}`,
      value: r(growth[`${a.name} early`], growth[`${b.name} early`]),
      target: null,
    });
    ratios.push({
      group: 'growth',
      name: `asOf latest milestone ${a.name} ÷ ${b.name}`,
      value: r(growth[`${a.name} late`], growth[`${b.name} late`]),
      target: null,
    });
  }
  if (frontEnd && !frontEnd.skipped) {
    for (const target of FRONTEND_SIZES) {
      const find = (name: string) => frontEnd!.cases.find((c) => c.name === name && c.target === target)?.drawn;
      const t = target === 2_000 ? 1.2 : null;
      ratios.push({
        group: 'front end',
        name: `editor ÷ bare Cytoscape, ${target} elements`,
        value: r(find('editor'), find('bare')),
        target: t,
      });
      ratios.push({
        group: 'front end',
        name: `projection view ÷ bare Cytoscape, ${target} elements`,
        value: r(find('projection'), find('bare-projection')),
        target: t,
      });
      ratios.push({
        group: 'front end',
        name: `bare WebGL ÷ bare canvas, ${target} elements`,
        value: r(find('bare-webgl'), find('bare')),
        target: null,
      });
    }
  }
  const apiRss = apiProcess.peakMiB ?? apiProcess.afterWorkMiB ?? Number.NaN;
  ratios.push({
    group: 'memory',
    name: `API process peak resident memory after the ${top.name} requests (MiB)`,
    value: apiRss,
    target: 400,
    unit: 'MiB',
  });

  const result: BenchResult = {
    date: new Date().toISOString(),
    durationSeconds: seconds(performance.now() - runStarted),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      platform: `${process.platform} ${process.arch}`,
    },
    versions: {
      node: process.version,
      neo4j: neo4jVersion,
      'neo4j-driver': versionOf('neo4j-driver'),
      '@neo4j/graphql': versionOf('@neo4j/graphql'),
      graphql: versionOf('graphql'),
      'graphql-yoga': versionOf('graphql-yoga'),
      fastify: versionOf('fastify'),
      cytoscape: versionOf('cytoscape'),
      'cytoscape-fcose': versionOf('cytoscape-fcose'),
      'playwright-core': versionOf('playwright-core'),
      chromium: frontEnd?.chromium ?? 'not run',
    },
    settings: {
      runs: RUNS,
      warmup: WARMUP,
      reviewRuns: REVIEW_RUNS,
      importRuns: IMPORT_RUNS,
      neo4jHeap: HEAP,
      neo4jPageCache: '128m (startDisposableNeo4j default)',
    },
    sizes: [...loaded, ...twins, importTarget].map((l) => ({
      name: l.name,
      spec: {
        territories: l.spec.territories,
        projects: l.spec.projects,
        actors: l.spec.actors,
        objectives: l.spec.objectives,
        relations: l.spec.relations,
        changes: l.spec.changes,
        updates: l.spec.updates ?? null,
        from: isoDay(l.spec.from),
        to: isoDay(l.spec.to),
      },
      counts: l.counts,
      load: l.load,
      largestProject: l.projectId,
      largestTerritory: { id: l.territoryId, projects: l.territoryProjects },
    })),
    domainLoad: {
      msPerOperation: domainMsPerOp,
      sampleOperations: sampleOps.length,
      estimatedSecondsForL: seconds(domainMsPerOp * SIZES.L.changes),
    },
    top: {
      size: top.name,
      projectId: top.projectId,
      territoryId: top.territoryId,
      mapNodes: contentCheck.nodes,
      mapEdges: contentCheck.edges,
      dates: {
        early: early.toISOString(),
        mid: mid.toISOString(),
        late: late.toISOString(),
        diffFrom: diffFrom.date,
        diffTo: diffTo.date,
        since: sinceMilestone.date,
      },
      review: reviewSize,
    },
    contentCheck,
    reviewDiagnostics,
    measures,
    profiles,
    memory: { benchProcess: benchRss, apiProcess, neo4jJvmRssMiB: neo4jRss },
    frontEnd,
    ratios,
  };
  const md = renderMarkdown(result);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(new URL('./results/latest.md', import.meta.url), md);
  console.log(md);
  log(`done in ${result.durationSeconds} s`);
} finally {
  for (const a of apps) await a.close().catch(() => undefined);
  await graph.close();
  await neo4j.dispose();
}
