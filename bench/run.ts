// `npm run bench`: Trame's read speed as ratios against baselines measured in the same run.
// Starts its own Neo4j (a free port, a temporary folder), loads generated projects through the
// domain functions, and writes bench/results/latest.{md,json}.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '@trame/api';
import { Graph, buildProjectMap, createDriver, readProjectState, type ReadMoment } from '@trame/graph';
import { startDisposableNeo4j } from '@trame/graph/disposable';
import { migrate } from '@trame/migrations';
import { SIZE_S, generateHistory, generateProject } from './generate.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARMUP = 5;
const HISTORY = Number(process.env.BENCH_HISTORY ?? 500);

interface Measure {
  name: string;
  medianMs: number;
  p95Ms: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Interleaves the candidates run by run, so noise on this shared machine hits them alike. */
async function measureTogether(cases: Record<string, () => Promise<unknown>>): Promise<Record<string, Measure>> {
  const names = Object.keys(cases);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    for (const name of names) {
      const started = performance.now();
      await cases[name]!();
      if (run >= WARMUP) samples[name]!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = samples[name]!.sort((a, b) => a - b);
      return [name, { name, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) }];
    }),
  );
}

const log = (line: string) => console.log(`[bench] ${line}`);
const neo4j = await startDisposableNeo4j({ password: 'trame-bench-password', heap: '1g' });
const config = { uri: neo4j.uri, user: 'neo4j', password: neo4j.password, database: 'neo4j' };
const driver = createDriver(config);
const graph = new Graph(driver, config.database);
try {
  await migrate(driver, { database: config.database });
  const created = new Date('2018-01-01T00:00:00Z');
  const historyFrom = new Date('2019-01-01T00:00:00Z');
  const historyTo = new Date('2026-01-01T00:00:00Z');
  const early = new Date('2018-06-01T00:00:00Z');
  const mid = new Date('2022-07-01T00:00:00Z');

  let started = performance.now();
  const short = await generateProject(graph, 1, SIZE_S, created);
  await generateHistory(graph, short, 11, HISTORY, historyFrom, historyTo);
  const loadShortS = (performance.now() - started) / 1000;
  log(`S project with ${HISTORY} changes loaded in ${loadShortS.toFixed(1)} s`);
  started = performance.now();
  const long = await generateProject(graph, 1, SIZE_S, created);
  await generateHistory(graph, long, 11, HISTORY * 10, historyFrom, historyTo);
  const loadLongS = (performance.now() - started) / 1000;
  log(`S project with ${HISTORY * 10} changes loaded in ${loadLongS.toFixed(1)} s`);

  const read = (projectId: string, at: ReadMoment) => () =>
    graph.read(async (tx) => buildProjectMap(await readProjectState(tx, projectId, at)));
  const server = await measureTogether({
    current: read(short.projectId, null),
    early: read(short.projectId, early),
    mid: read(short.projectId, mid),
    currentLong: read(long.projectId, null),
    earlyLong: read(long.projectId, early),
    midLong: read(long.projectId, mid),
  });

  const app = await buildApp({ graph, webDir: null, graphiql: false });
  const MAP = `query($id: ID!, $asOf: DateTime) { projectMap(projectId: $id, asOf: $asOf) { nodes { id kind label parent data } edges { id kind source target label data } } }`;
  const http = (projectId: string, asOf: Date | null) => async () => {
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query: MAP, variables: { id: projectId, asOf } } });
    if (response.statusCode !== 200 || response.body.includes('"errors"')) throw new Error(response.body.slice(0, 300));
  };
  const overHttp = await measureTogether({
    current: http(short.projectId, null),
    early: http(short.projectId, early),
    earlyLong: http(long.projectId, early),
  });
  await app.close();

  const ratios = [
    { name: 'asOf early date ÷ current read (server)', value: server.early!.medianMs / server.current!.medianMs, target: 1.5 },
    { name: 'asOf early date ÷ current read (HTTP)', value: overHttp.early!.medianMs / overHttp.current!.medianMs, target: 1.5 },
    { name: 'asOf early date, 10× history ÷ 1× (server)', value: server.earlyLong!.medianMs / server.early!.medianMs, target: 1.3 },
    { name: 'asOf early date, 10× history ÷ 1× (HTTP)', value: overHttp.earlyLong!.medianMs / overHttp.early!.medianMs, target: 1.3 },
    { name: 'current read, 10× history ÷ 1× (server)', value: server.currentLong!.medianMs / server.current!.medianMs, target: 1.3 },
    { name: 'asOf mid-history, 10× history ÷ 1× (server)', value: server.midLong!.medianMs / server.mid!.medianMs, target: null },
  ];
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    neo4j: '5.26 (embedded launcher)',
    size: { ...SIZE_S, historyShort: HISTORY, historyLong: HISTORY * 10, runs: RUNS },
    loadSeconds: { short: loadShortS, long: loadLongS },
    server,
    overHttp,
    ratios,
  };
  const fmt = (n: number) => n.toFixed(2);
  const md = [
    `# Trame benchmark — ${result.date.slice(0, 10)}`,
    '',
    `Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGiB} GiB, Node ${result.machine.node}; Neo4j ${result.neo4j}.`,
    `Project size S: ${SIZE_S.actors} actors, ${SIZE_S.objectives} objectives, ${SIZE_S.objectives * SIZE_S.positionsPerObjective} positions; history ${HISTORY} vs ${HISTORY * 10} dated changes over 2019–2025. Median of ${RUNS} interleaved runs after ${WARMUP} warm-ups.`,
    '',
    '| ratio | value | target | met |',
    '|---|---|---|---|',
    ...ratios.map((r) => `| ${r.name} | ${fmt(r.value)} | ${r.target === null ? '—' : `≤ ${r.target}`} | ${r.target === null ? '—' : r.value <= r.target ? 'yes' : 'no'} |`),
    '',
    '| read (absolute, for reference) | median ms | p95 ms |',
    '|---|---|---|',
    ...Object.values(server).map((m) => `| server: ${m.name} | ${fmt(m.medianMs)} | ${fmt(m.p95Ms)} |`),
    ...Object.values(overHttp).map((m) => `| HTTP: ${m.name} | ${fmt(m.medianMs)} | ${fmt(m.p95Ms)} |`),
    '',
  ].join('\n');
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(new URL('./results/latest.md', import.meta.url), md);
  console.log(md);
} finally {
  await graph.close();
  await neo4j.dispose();
}
