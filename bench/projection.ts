// The projection view's figure (issue 14 part 7): time from navigation to a laid-out, drawn
// map on the wall (/projets/<id>/mur) ÷ a bare page giving Cytoscape the same elements, the
// wall's stylesheet and the same fcose layout, at 500, 2,000 and 5,000 elements; and both with
// Cytoscape's WebGL renderer. A disposable Neo4j, the front-end datasets of bench/run.ts, the
// harness of bench/frontend.ts. Writes bench/results/projection.{json,md}.
//
//   npm run bench:projection      BENCH_FE_RUNS=3  BENCH_SKIP_WEB_BUILD=1  BENCH_FE_SIZES=500,2000,5000
//   BENCH_PROFILE_DIR=/tmp/prof   also writes a CPU profile of each page (.cpuprofile; slows the pages, so not for figures)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createApiToken, createDriver, createUser, grantRole, Graph } from '@trame/graph';
import { startDisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { migrate } from '@trame/migrations';
import { bulkLoad } from '../graph/src/store/bulk.ts';
import { runFrontEnd } from './frontend.ts';
import { frontEndSpec, generateDataset } from './generate.ts';
import { log } from './lib.ts';

const env = process.env;
const SIZES = (env.BENCH_FE_SIZES ?? '500,2000,5000').split(',').map(Number);
const RUNS = Number(env.BENCH_FE_RUNS ?? 3);
const CASES = ['projection', 'bare-projection', 'projection-webgl', 'bare-projection-webgl'];
const TARGET = 1.2;

const started = performance.now();
// The machine is shared: the load average at the start and the end says how far to trust the figures.
const loadAtStart = loadavg()[0]!;
const neo4j = await startDisposableNeo4j({ password: 'bench-projection', heap: env.BENCH_NEO4J_HEAP ?? '2g', log: () => {} });
const config = { uri: neo4j.uri, user: 'neo4j', password: neo4j.password, database: 'neo4j' };
const driver = createDriver(config);
const graph = new Graph(driver, config.database);
try {
  await migrate(driver, { database: config.database });
  const projects: { target: number; projectId: string }[] = [];
  for (const target of SIZES) {
    const ds = generateDataset(frontEndSpec(target), 11 + target, `fe${target}`);
    await bulkLoad(graph, ds.ops);
    projects.push({ target, projectId: ds.largestProject.id });
    log(`front end ${target}: project ${ds.largestProject.id} loaded`);
  }
  const admin = await createUser(graph, { email: `bench-${Date.now()}@trame.test`, name: 'Bench' });
  await grantRole(graph, { userId: admin.id, role: 'ADMINISTRATEUR', by: 'system' });
  const bearer = (await createApiToken(graph, { userId: admin.id, name: 'bench' })).token;
  const result = await runFrontEnd(graph, projects, {
    runs: Object.fromEntries(SIZES.map((s) => [s, RUNS])),
    warmups: Object.fromEntries(SIZES.map((s) => [s, s >= 5000 ? 0 : 1])),
    projectionUpTo: Math.max(...SIZES),
    buildWeb: env.BENCH_SKIP_WEB_BUILD !== '1',
    only: CASES,
    bearer,
  });
  if (result.skipped) throw new Error(result.skipped);
  const median = (name: string, target: number) =>
    result.cases.find((c) => c.name === name && c.target === target)?.drawn.medianMs;
  const rows = SIZES.map((target) => {
    const c = result.cases.find((x) => x.target === target);
    const ratio = (a: string, b: string) => {
      const [x, y] = [median(a, target), median(b, target)];
      return x && y ? x / y : Number.NaN;
    };
    return {
      target,
      elements: c?.elements ?? 0,
      nodes: c?.nodes ?? 0,
      projectionMs: median('projection', target),
      bareMs: median('bare-projection', target),
      projectionWebglMs: median('projection-webgl', target),
      bareWebglMs: median('bare-projection-webgl', target),
      canvas: ratio('projection', 'bare-projection'),
      webgl: ratio('projection-webgl', 'bare-projection-webgl'),
      webglVsCanvas: ratio('projection-webgl', 'projection'),
    };
  });
  const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en-GB'));
  const r2 = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(2));
  const md = [
    '# Projection view ÷ bare Cytoscape',
    '',
    `${new Date().toISOString().slice(0, 16)}Z · ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB · Chromium ${result.chromium} · viewport ${result.viewport.width}×${result.viewport.height} · WebGL: ${result.webglRenderer} · ${RUNS} runs per case (median) · ${Math.round((performance.now() - started) / 1000)} s · load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
    '',
    "Navigation → first frame drawn after the fcose layout, the wall (/projets/<id>/mur, no saved layout: it lays out like the bare page, both seeded by the project's id, so both compute the same positions) against a bare page with the same elements, the wall's stylesheet and container size. Target: ≤ 1.2.",
    '',
    `The container is measured on each project in the app before its runs (the wall's own chrome — the focus menu sized by the perimeters' names — changes it from one project to another), and the bare page gets that size: ${SIZES.map((s) => `${s}: ${(result.containers?.[s]?.projection ?? []).join('×')}`).join(', ')} px. Each case's marks (created, added, layoutStop, drawn, and the page's requests) are in projection.json.`,
    '',
    "Not the same picture: the bare page draws the wall's stylesheet at label scale 1, where a name smaller than 24 px on screen is not drawn (`min-zoomed-font-size`): at the fit's zoom on these maps it draws no names at all. The wall's first frame shows at least half the names at 24 px or more (its purpose), so its time after the layout includes arranging and drawing them; its time before the first element includes the app's code and the map's GraphQL read, where the bare page fetches a ready JSON file.",
    '',
    '| elements (nodes) | wall, canvas (ms) | bare, canvas (ms) | ratio | met | wall, WebGL (ms) | bare, WebGL (ms) | ratio | wall WebGL ÷ wall canvas |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.elements} (${r.nodes}) | ${fmt(r.projectionMs)} | ${fmt(r.bareMs)} | ${r2(r.canvas)} | ${r.canvas <= TARGET ? '**yes**' : 'no'} | ${fmt(r.projectionWebglMs)} | ${fmt(r.bareWebglMs)} | ${r2(r.webgl)} | ${r2(r.webglVsCanvas)} |`,
    ),
    '',
  ].join('\n');
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/projection.json', import.meta.url), `${JSON.stringify({ rows, result }, null, 2)}\n`);
  writeFileSync(new URL('./results/projection.md', import.meta.url), md);
  log(md);
} finally {
  await graph.close();
  await neo4j.dispose();
}
