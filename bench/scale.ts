// `npm run bench:scale`: Trame at scale (issue 11 part 6), as ratios against baselines measured in
// the same run. L and XL each live in their own embedded Neo4j data folder (.data/bench-scale/L,
// .data/bench-scale/XL), generated and bulk-loaded on the first run only (XL: a million recorded
// changes, far longer than a bench run should take), reused afterwards.
//
// Parts (BENCH_SCALE_PARTS, comma-separated, default all):
//   map         the map read of a project of the same size in L and in XL (a project's cost must
//               not grow with the database), server side and over HTTP, with the raw Cypher beside
//   review      the territory review of the largest territory, at XL and at L
//   throughput  map reads per second at 10 and 50 concurrent clients, Trame's API in its own
//               process over HTTP ÷ the raw-Cypher baseline behind a bare fastify route in its own
//               process, p99 latencies, and the API's resident memory
//   signed      the map read over a listening port signed in (a session cookie, a personal token)
//               ÷ the raw-Cypher baseline over a listening port, one client at a time
// Every request to Trame is signed in as the pilot of the project read (the throughput part with
// the session cookie, as the web app sends it with its CSRF header).
// Results: bench/results/scale.{md,json}; a run of some parts keeps the others' last figures.
//
// Environment: BENCH_SCALE_PARTS=map,review,throughput,signed  BENCH_SCALE_DIR=.data/bench-scale
//              BENCH_SCALE_RELOAD=1 (load again)  BENCH_SCALE_RUNS=15  BENCH_SCALE_WARMUP=3
//              BENCH_SCALE_REVIEW_RUNS=3  BENCH_SCALE_PER_CLIENT=20 (requests per client and load run)  BENCH_SCALE_ROUNDS=2
//              BENCH_SCALE_CLIENTS=10,50  BENCH_SCALE_HEAP=2g  BENCH_SCALE_PAGE_CACHE=1g
//              BENCH_SCALE_SIZES=L,XL (S,M: a quick check of the bench itself)
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@trame/api';
import {
  buildProjectMap,
  createApiToken,
  createSession,
  createUser,
  grantRole,
  listTerritoryEntities,
  milestoneInstant,
  readProjectState,
  readTerritoryReview,
  type Graph,
  type ReadMoment,
} from '@trame/graph';
import { rawProjectMap } from './baselines/raw.ts';
import { SIZES } from './generate.ts';
import { log, measureTogether, seconds, type Stat } from './lib.ts';
import { openDataset, projectLike, type OpenDataset, type StoredDataset, type StoredProject } from './scale-data.ts';
import { renderScaleMarkdown, type ScaleResult, type ScaleRatio } from './scale-report.ts';
import { runLoad, startServerProcess, watchRss, type LoadRequest, type LoadResult, type ServerProcess } from './throughput.ts';

const env = process.env;
const ALL_PARTS = ['map', 'review', 'throughput', 'signed'] as const;
type Part = (typeof ALL_PARTS)[number];
const PARTS = new Set(
  (env.BENCH_SCALE_PARTS ?? ALL_PARTS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Part => (ALL_PARTS as readonly string[]).includes(s)),
);
const ROOT = resolve(fileURLToPath(new URL('../', import.meta.url)), env.BENCH_SCALE_DIR ?? '.data/bench-scale');
const RUNS = Number(env.BENCH_SCALE_RUNS ?? 15);
const WARMUP = Number(env.BENCH_SCALE_WARMUP ?? 3);
const REVIEW_RUNS = Number(env.BENCH_SCALE_REVIEW_RUNS ?? 3);
const PER_CLIENT = Number(env.BENCH_SCALE_PER_CLIENT ?? 20);
const ROUNDS = Number(env.BENCH_SCALE_ROUNDS ?? 2);
const CLIENTS = (env.BENCH_SCALE_CLIENTS ?? '10,50').split(',').map(Number);
const HEAP = env.BENCH_SCALE_HEAP ?? '2g';
const PAGE_CACHE = env.BENCH_SCALE_PAGE_CACHE ?? '1g';
const PASSWORD = 'trame-bench-password';
const RESULTS_JSON = new URL('./results/scale.json', import.meta.url);
const RESULTS_MD = new URL('./results/scale.md', import.meta.url);
const runStarted = performance.now();

const MAP_QUERY = /* GraphQL */ `
  query Map($id: ID!, $asOf: DateTime) {
    projectMap(projectId: $id, asOf: $asOf) {
      asOf perimeterOrder
      nodes { id kind label parent entityVersion data }
      edges { id kind source target label entityVersion data }
      ecosystems { id name memberIds perimeterId }
    }
  }`;

type Json = Record<string, unknown>;
async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Json> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  if (response.status !== 200 || json.errors)
    throw new Error(`POST ${url} ${response.status}: ${JSON.stringify(json).slice(0, 400)}`);
  return json;
}
async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
}
const loads = () => loadavg().map((n) => Math.round(n * 100) / 100) as [number, number, number];

/**
 * Signs a new user in as the pilot of `projectId`, with a session (the web app's cookie and its
 * CSRF header) and a personal token (a script's bearer): the request headers of each.
 */
async function signIn(
  graph: Graph,
  projectId: string,
): Promise<{ cookie: Record<string, string>; bearer: Record<string, string> }> {
  const user = await createUser(graph, {
    email: `bench-${Date.now()}-${Math.floor(Math.random() * 1e6)}@trame.test`,
    name: 'Bench',
  });
  await grantRole(graph, { userId: user.id, role: 'PILOTE', projectId, by: 'system' });
  const session = await createSession(graph, user.id);
  const token = await createApiToken(graph, { userId: user.id, name: 'bench' });
  return {
    cookie: { cookie: `trame_session=${session.token}`, 'x-trame-csrf': '1' },
    bearer: { authorization: `Bearer ${token.token}` },
  };
}

const trameMap = (graph: Graph, projectId: string, at: ReadMoment) => () =>
  graph.read(async (tx) => buildProjectMap(await readProjectState(tx, projectId, at)));
const latestMilestone = (p: StoredProject) => milestoneInstant(p.milestones[p.milestones.length - 1]!.date);
const projectOf = (data: StoredDataset, id: string) => data.projects.find((p) => p.id === id)!;

async function versionsOf(graph: Graph, projectId: string): Promise<number> {
  return graph.read(async (tx) =>
    Number(
      (await tx.run('MATCH (v:Version) WHERE v.projectId = $projectId RETURN count(v) AS n', { projectId })).records[0]!.get('n'),
    ),
  );
}
/** Size of a Neo4j data folder on disk (store files and transaction logs), in MiB. */
function storeMiB(home: string): number {
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) bytes += statSync(path).size;
    }
  };
  walk(join(home, 'data'));
  return Math.round(bytes / 2 ** 20);
}

const previous: Partial<ScaleResult> = existsSync(RESULTS_JSON)
  ? (JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as ScaleResult)
  : {};
const result: ScaleResult = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
  },
  settings: {
    heap: HEAP,
    pageCache: PAGE_CACHE,
    runs: RUNS,
    warmup: WARMUP,
    reviewRuns: REVIEW_RUNS,
    perClient: PER_CLIENT,
    rounds: ROUNDS,
    clients: CLIENTS,
  },
  datasets: previous.datasets ?? {},
  parts: previous.parts ?? {},
};

log(`scale bench: parts ${[...PARTS].join(', ')}; data in ${ROOT}; Neo4j heap ${HEAP}, page cache ${PAGE_CACHE}`);
mkdirSync(ROOT, { recursive: true });
const opened: OpenDataset[] = [];
const apps: FastifyInstance[] = [];
const processes: ServerProcess[] = [];
try {
  // Load (or reuse) L and XL, one after the other: the XL load wants the machine to itself.
  const open = async (name: keyof typeof SIZES, seed: number, prefix: string) => {
    const loadAverage = loads();
    const ds = await openDataset({
      root: ROOT,
      spec: SIZES[name],
      seed,
      prefix,
      password: PASSWORD,
      heap: HEAP,
      pageCache: PAGE_CACHE,
      reload: env.BENCH_SCALE_RELOAD === '1',
    });
    opened.push(ds);
    const stored = result.datasets[name];
    result.datasets[name] = {
      spec: ds.data.spec,
      counts: ds.data.counts,
      load: ds.data.load,
      loadedAt: ds.data.loadedAt,
      // The load average of the run that loaded it, kept while the data is reused.
      loadAverage: ds.loadedNow ? { before: loadAverage, after: loads() } : (stored?.loadAverage ?? null),
      startSeconds: ds.startSeconds,
      storeMiB: storeMiB(ds.home),
    };
    return ds;
  };
  // Seeds as `npm run bench` gives L (42 + its rank in S, M, L): the same L in both benches.
  // BENCH_SCALE_SIZES=S,M: a quick check of the bench itself on small data (figures not comparable);
  // one size alone (BENCH_SCALE_SIZES=L): every part but the map comparison, on that size.
  const sizes = (env.BENCH_SCALE_SIZES ?? 'L,XL').split(',').map((x) => x.trim().toUpperCase()) as (keyof typeof SIZES)[];
  const seedOf = { S: 42, M: 43, L: 44, XL: 45 } as const;
  const small = await open(sizes[0]!, seedOf[sizes[0]!], sizes[0]!.toLowerCase());
  const large = sizes[1] ? await open(sizes[1], seedOf[sizes[1]], sizes[1].toLowerCase()) : null;
  /** Where the throughput and the signed-in reads are measured: the largest size loaded. */
  const top = large ?? small;
  const [nS, nL] = [small.data.name, large?.data.name ?? ''];
  const sProject = projectOf(small.data, small.data.largestProjectId);
  const lProject = large ? projectLike(large.data, sProject) : null;
  /** The project read under load: in the larger size, the one of the smaller's largest project's size. */
  const topProject = lProject ?? sProject;
  if (lProject)
    log(
      `same size: ${nS} ${sProject.id} (${sProject.positions} positions, ${sProject.objectives} objectives, ${sProject.actors} actors) ~ ${nL} ${lProject.id} (${lProject.positions}, ${lProject.objectives}, ${lProject.actors})`,
    );

  // ---------------------------------------------------------------------------------------------
  if (PARTS.has('map') && large && lProject) {
    const before = loads();
    const started = performance.now();
    const appS = await buildApp({ graph: small.graph, webDir: null, graphiql: false });
    const appL = await buildApp({ graph: large.graph, webDir: null, graphiql: false });
    apps.push(appS, appL);
    const [urlS, urlL] = [await listen(appS), await listen(appL)];
    const cookieS = (await signIn(small.graph, sProject.id)).cookie;
    const cookieL = (await signIn(large.graph, lProject.id)).cookie;
    const http = (url: string, id: string, headers: Record<string, string>) => () =>
      postJson(url, { query: MAP_QUERY, variables: { id, asOf: null } }, headers);
    const sizeOf = async (graph: Graph, p: StoredProject) => {
      const map = await trameMap(graph, p.id, null)();
      return { id: p.id, nodes: map.nodes.length, edges: map.edges.length, versions: await versionsOf(graph, p.id) };
    };
    const projects = { [nS]: await sizeOf(small.graph, sProject), [nL]: await sizeOf(large.graph, lProject) };
    log(`map: ${JSON.stringify(projects)}`);
    log(`measuring: map read of a project of the same size, ${nS} and ${nL}`);
    const stats = await measureTogether(
      {
        [`${nS} server`]: trameMap(small.graph, sProject.id, null),
        [`${nL} server`]: trameMap(large.graph, lProject.id, null),
        [`${nS} http`]: http(urlS, sProject.id, cookieS),
        [`${nL} http`]: http(urlL, lProject.id, cookieL),
        [`${nS} server, asOf latest milestone`]: trameMap(small.graph, sProject.id, latestMilestone(sProject)),
        [`${nL} server, asOf latest milestone`]: trameMap(large.graph, lProject.id, latestMilestone(lProject)),
        [`${nS} raw`]: () => rawProjectMap(small.driver, 'neo4j', sProject.id),
        [`${nL} raw`]: () => rawProjectMap(large.driver, 'neo4j', lProject.id),
      },
      { runs: RUNS, warmup: WARMUP, onRun: (run) => (run + 1) % 5 === 0 && log(`map: run ${run + 1}`) },
    );
    const r = (what: string) => stats[`${nL} ${what}`]!.medianMs / stats[`${nS} ${what}`]!.medianMs;
    const ratios: ScaleRatio[] = [
      { name: `map read, ${nL} ÷ ${nS}, same-size project (server side)`, value: r('server'), max: 1.2 },
      { name: `map read, ${nL} ÷ ${nS}, same-size project (HTTP, listening port, signed in)`, value: r('http'), max: 1.2 },
      {
        name: `asOf latest milestone, ${nL} ÷ ${nS}, same-size project (server side)`,
        value: r('server, asOf latest milestone'),
      },
      { name: `raw Cypher map, ${nL} ÷ ${nS}, same-size project`, value: r('raw') },
    ];
    result.parts.map = {
      date: new Date().toISOString(),
      seconds: seconds(performance.now() - started),
      loadAverage: { before, after: loads() },
      projects,
      stats,
      ratios,
    };
    writeResults();
  } else if (PARTS.has('map')) log('map: needs two sizes (BENCH_SCALE_SIZES=L,XL); skipped');

  // ---------------------------------------------------------------------------------------------
  if (PARTS.has('review')) {
    const before = loads();
    const started = performance.now();
    const reviewCases = (ds: OpenDataset) => {
      const name = ds.data.name;
      const topOf = projectOf(ds.data, ds.data.largestProjectId);
      const since = milestoneInstant(topOf.milestones[Math.max(0, topOf.milestones.length - 3)]!.date);
      const territoryId = ds.data.largestTerritoryId;
      const size = { territoryId, projects: 0, actors: 0, objectives: 0, since: since.toISOString() };
      return {
        name,
        size,
        cases: {
          [`${name} review (server)`]: async () => {
            const review = await ds.graph.read((tx) => readTerritoryReview(tx, territoryId, null, since));
            Object.assign(size, {
              projects: review.projects.length,
              actors: review.actors.length,
              objectives: review.objectives.length,
            });
          },
          [`${name} maps of its projects (server)`]: () =>
            ds.graph.read(async (tx) => {
              for (const project of await listTerritoryEntities(tx, territoryId, ['Project'], new Date()))
                buildProjectMap(await readProjectState(tx, project.id, null));
            }),
        } as Record<string, () => Promise<unknown>>,
      };
    };
    const measured = [large, small].filter((d): d is OpenDataset => d !== null).map(reviewCases);
    log(
      `measuring: territory review at ${measured.map((m) => `${m.name} (${m.size.territoryId})`).join(' and ')}, ${REVIEW_RUNS} runs`,
    );
    const stats = await measureTogether(Object.assign({}, ...measured.map((m) => m.cases)), {
      runs: REVIEW_RUNS,
      warmup: 1,
      onRun: (run) => log(`review: run ${run + 1}`),
    });
    const r = (a: string, b: string) => stats[a]!.medianMs / stats[b]!.medianMs;
    const ratios: ScaleRatio[] = measured.map((m) => ({
      name: `territory review ÷ map reads of its projects, ${m.name} (server side)`,
      value: r(`${m.name} review (server)`, `${m.name} maps of its projects (server)`),
    }));
    if (large)
      ratios.push({
        name: `territory review, ${nL} ÷ ${nS} (larger territory)`,
        value: r(`${nL} review (server)`, `${nS} review (server)`),
      });
    result.parts.review = {
      date: new Date().toISOString(),
      seconds: seconds(performance.now() - started),
      loadAverage: { before, after: loads() },
      territories: Object.fromEntries(measured.map((m) => [m.name, m.size])),
      stats,
      ratios,
    };
    writeResults();
  }

  // ---------------------------------------------------------------------------------------------
  // The API and the raw baseline in their own processes, on the largest size (throughput, signed-in reads).
  const servers =
    PARTS.has('throughput') || PARTS.has('signed')
      ? await (async () => {
          // Both with the same connection timeout, longer than Trame's fail-fast second: on a busy
          // shared machine a connection can take longer to open, and that is not what is measured.
          const neo4jEnv = {
            NEO4J_URI: top.uri,
            NEO4J_USER: 'neo4j',
            NEO4J_PASSWORD: PASSWORD,
            NEO4J_DATABASE: 'neo4j',
            NEO4J_CONNECTION_TIMEOUT_MS: '30000',
            // 50 clients queue behind the operations limit: on a busy shared machine a read can wait
            // longer than the production 30 s cut, and the cut is not what is measured.
            TRAME_REQUEST_TIMEOUT_MS: '600000',
          };
          log(`starting the API and the raw baseline in their own processes, on ${top.data.name}`);
          const api = await startServerProcess('./api-process.ts', 'BENCH_API_READY', neo4jEnv);
          processes.push(api);
          const raw = await startServerProcess('./baselines/raw-server.ts', 'BENCH_RAW_READY', neo4jEnv);
          processes.push(raw);
          return {
            api,
            raw,
            apiAfterStartMiB: watchRss(api.pid).stop().maxSampledMiB,
            headers: await signIn(top.graph, topProject.id),
          };
        })()
      : null;

  if (PARTS.has('throughput') && servers) {
    const before = loads();
    const started = performance.now();
    const { api, raw } = servers;
    const apiAfterStart = servers.apiAfterStartMiB;
    const requests: Record<'trame' | 'raw', LoadRequest> = {
      trame: {
        url: `${api.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...servers.headers.cookie },
        body: JSON.stringify({ query: MAP_QUERY, variables: { id: topProject.id, asOf: null } }),
        failsIf: '"errors"',
      },
      raw: {
        url: `${raw.url}/map`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ projectId: topProject.id }),
        failsIf: '"statusCode"',
      },
    };
    // Same content through both (ids of nodes and edges).
    const ids = (m: { nodes: { id: string }[]; edges: { id: string }[] }) =>
      JSON.stringify([m.nodes.map((n) => n.id).sort(), m.edges.map((e) => e.id).sort()]);
    const trameBody = (await postJson(requests.trame.url, JSON.parse(requests.trame.body), servers.headers.cookie)) as {
      data: { projectMap: { nodes: { id: string }[]; edges: { id: string }[] } };
    };
    const rawBody = (await postJson(requests.raw.url, JSON.parse(requests.raw.body))) as unknown as {
      nodes: { id: string }[];
      edges: { id: string }[];
    };
    const sameContent = ids(trameBody.data.projectMap) === ids(rawBody);
    const responseKiB = {
      trame: Math.round(JSON.stringify(trameBody).length / 1024),
      raw: Math.round(JSON.stringify(rawBody).length / 1024),
    };
    log(
      `throughput: project ${topProject.id}; same nodes and edges through both: ${sameContent}; responses ${JSON.stringify(responseKiB)} KiB`,
    );
    const rss = watchRss(api.pid);
    log('throughput: warm-up');
    await runLoad(requests.trame, 10, 2);
    await runLoad(requests.raw, 10, 2);
    const runs: Record<string, LoadResult[]> = {};
    for (const clients of CLIENTS) {
      for (let round = 0; round < ROUNDS; round += 1) {
        // ABBA: the side that goes second in one round goes first in the next.
        const order = round % 2 === 0 ? (['trame', 'raw'] as const) : (['raw', 'trame'] as const);
        for (const side of order) {
          const run = await runLoad(requests[side], clients, PER_CLIENT);
          (runs[`${side} ${clients}`] ??= []).push(run);
          log(
            `throughput: ${side}, ${clients} clients, round ${round + 1}: ${run.perSecond.toFixed(1)}/s, p99 ${run.latencyMs.p99} ms, failed ${run.failed + run.errors + run.timeouts}`,
          );
        }
      }
    }
    const apiRss = rss.stop();
    const summary = Object.fromEntries(
      Object.entries(runs).map(([key, list]) => {
        const ok = list.reduce((s, x) => s + x.ok, 0);
        const secondsSum = list.reduce((s, x) => s + x.durationSeconds, 0);
        return [
          key,
          {
            perSecond: ok / secondsSum,
            ok,
            failed: list.reduce((s, x) => s + x.failed + x.errors + x.timeouts, 0),
            // The worst round's p99: the conservative figure on a shared machine.
            p99Ms: Math.max(...list.map((x) => x.latencyMs.p99)),
            p50Ms: list.map((x) => x.latencyMs.p50).sort((a, b) => a - b)[Math.floor(list.length / 2)]!,
            rounds: list,
          },
        ];
      }),
    );
    const ratios: ScaleRatio[] = [];
    for (const clients of CLIENTS) {
      const t = summary[`trame ${clients}`]!;
      const b = summary[`raw ${clients}`]!;
      ratios.push({
        name: `map reads per second, Trame ÷ raw Cypher, ${clients} clients (HTTP)`,
        value: t.perSecond / b.perSecond,
        min: 0.8,
      });
      ratios.push({ name: `p99 latency, Trame ÷ raw Cypher, ${clients} clients (HTTP)`, value: t.p99Ms / b.p99Ms });
    }
    ratios.push({
      name: `API process peak resident memory, ${top.data.name}, under load (MiB)`,
      value: apiRss.peakMiB ?? Number.NaN,
      max: 400,
      unit: 'MiB',
    });
    result.parts.throughput = {
      date: new Date().toISOString(),
      seconds: seconds(performance.now() - started),
      loadAverage: { before, after: loads() },
      dataset: top.data.name,
      projectId: topProject.id,
      sameContent,
      responseKiB,
      summary,
      memory: { apiAfterStartMiB: apiAfterStart, apiMaxSampledMiB: apiRss.maxSampledMiB, apiPeakMiB: apiRss.peakMiB },
      ratios,
    };
    writeResults();
  }
  // ---------------------------------------------------------------------------------------------
  if (PARTS.has('signed') && servers) {
    const before = loads();
    const started = performance.now();
    const { api, raw, headers } = servers;
    const body = { query: MAP_QUERY, variables: { id: topProject.id, asOf: null } };
    log('measuring: signed-in map read over HTTP (session cookie, personal token) and the raw baseline');
    const stats = await measureTogether(
      {
        'trame, session cookie': () => postJson(`${api.url}/graphql`, body, headers.cookie),
        'trame, personal token (bearer)': () => postJson(`${api.url}/graphql`, body, headers.bearer),
        'raw Cypher (bare fastify)': () => postJson(`${raw.url}/map`, { projectId: topProject.id }),
      },
      { runs: RUNS, warmup: WARMUP, onRun: (run) => (run + 1) % 5 === 0 && log(`signed: run ${run + 1}`) },
    );
    const r = (a: string, b: string) => stats[a]!.medianMs / stats[b]!.medianMs;
    result.parts.signed = {
      date: new Date().toISOString(),
      seconds: seconds(performance.now() - started),
      loadAverage: { before, after: loads() },
      dataset: top.data.name,
      projectId: topProject.id,
      stats,
      ratios: [
        {
          name: 'map read signed in with a session cookie ÷ raw Cypher (HTTP, listening port)',
          value: r('trame, session cookie', 'raw Cypher (bare fastify)'),
          max: 1.0,
        },
        {
          name: 'map read signed in with a personal token ÷ raw Cypher (HTTP, listening port)',
          value: r('trame, personal token (bearer)', 'raw Cypher (bare fastify)'),
          max: 1.0,
        },
      ],
    };
    writeResults();
  }
  log(`done in ${seconds(performance.now() - runStarted)} s`);
  console.log(readFileSync(RESULTS_MD, 'utf8'));
} finally {
  for (const p of processes) await p.stop().catch(() => undefined);
  for (const a of apps) await a.close().catch(() => undefined);
  for (const ds of opened) await ds.close().catch(() => undefined);
}

function writeResults(): void {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  result.date = new Date().toISOString();
  writeFileSync(RESULTS_JSON, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(RESULTS_MD, renderScaleMarkdown(result));
}

export type { Stat };
