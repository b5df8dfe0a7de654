/**
 * Live bench (issue 14 part 4, ADR 0010): a wall page (a wall link on the demo's « Marché de
 * producteurs et AMAP », headless Debian chromium) follows engagement edits sent over HTTP.
 *
 * - Latency: for each of BENCH_LIVE_EDITS edits (50), from the edit's acknowledgement (the
 *   mutation's HTTP answer) to the wall's canvas holding the change (Cytoscape's `data` event
 *   for the new level, then the next animation frame), as a ratio to the same edit's own HTTP
 *   round trip. Median and p95 (target: ≤ 2).
 * - Memory: the wall page's JS heap (CDP, after a forced garbage collection) once warmed up by
 *   BENCH_LIVE_WARMUP_EDITS (1,000) live edits, then after BENCH_LIVE_MEMORY_EDITS (1,000) more
 *   (target: growth ≤ 10 %). The warm-up's own growth is reported too: it is V8's compiled code
 *   for the live path (optimised as it gets hot), which levels off after some 750 edits — heap
 *   snapshots hold no more JavaScript objects after 1,000 edits than before (bench/heap-diff.ts).
 *
 * `npm run bench:live` (builds nothing: run `npm run build -w web` first). Results in
 * bench/results/live.{json,md}. BENCH_NEO4J_URI (+ BENCH_NEO4J_PASSWORD): use a running,
 * disposable Neo4j instead of starting one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@trame/api';
import { createApiToken, createDriver, createUser, createWallLink, grantRole, Graph, loadDemoMap } from '@trame/graph';
import { migrate } from '@trame/migrations';
import { startDisposableNeo4j, type DisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { launchChromium } from '../tests/support/chromium.ts';
import { log, stat, type Stat } from './lib.ts';

const env = process.env;
const EDITS = Number(env.BENCH_LIVE_EDITS ?? 50);
const MEMORY_EDITS = Number(env.BENCH_LIVE_MEMORY_EDITS ?? 1000);
const WARMUP_EDITS = Number(env.BENCH_LIVE_WARMUP_EDITS ?? 1000);
const PROJECT_ID = 'prj-marche';
const LEVELS = ['PARTICIPANT', 'COOPERANT'] as const;
const PASSWORD = env.BENCH_NEO4J_PASSWORD ?? 'trame-bench-password';

interface LiveResult {
  date: string;
  project: string;
  elements: number;
  edits: number;
  roundTrip: Stat;
  latency: Stat;
  /** latency ÷ round trip, edit by edit (as a Stat of ratios, not ms). */
  ratio: Stat;
  serverToPage: Stat;
  pageToCanvas: Stat;
  /** MiB; growth as a fraction (0.1 = 10 %); `warmupGrowth` from the page just opened to the warmed-up baseline. */
  memory: {
    warmupEdits: number;
    coldMiB: number;
    warmupGrowth: number;
    edits: number;
    beforeMiB: number;
    afterMiB: number;
    growth: number;
    curve: { edits: number; mib: number }[];
  };
  /** Each timed edit (ms), to tell a slow path from a loaded machine. */
  perEdit: { roundTrip: number; latency: number; toPage: number; onPage: number }[];
  /** The machine's load average (1 min) when the timed edits began and ended: it is shared. */
  load: { before: number; after: number };
}

let neo4j: DisposableNeo4j | null = null;
let uri = env.BENCH_NEO4J_URI;
if (!uri) {
  log('starting a disposable Neo4j');
  neo4j = await startDisposableNeo4j({ password: PASSWORD, heap: '1g', log: () => {} });
  uri = neo4j.uri;
}
const driver = createDriver({ uri, user: 'neo4j', password: neo4j?.password ?? PASSWORD, database: 'neo4j' });
const graph = new Graph(driver, 'neo4j');
let app: FastifyInstance | null = null;
const browser = await launchChromium();
try {
  await migrate(driver, { database: 'neo4j' });
  await loadDemoMap(graph);
  const user = await createUser(graph, { email: `bench-${Date.now()}@trame.test`, name: 'Banc en direct', password: null });
  await grantRole(graph, { userId: user.id, role: 'ADMINISTRATEUR', projectId: null, territoryId: null, by: 'system' });
  const { token } = await createApiToken(graph, { userId: user.id, name: 'bench' });
  const wall = await createWallLink(graph, { projectId: PROJECT_ID, name: 'Banc', createdBy: user.id });
  app = await buildApp({ graph });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const map = await gql<{
    projectMap: { nodes: { id: string; kind: string; data: Record<string, unknown> }[]; edges: unknown[] };
  }>('query($id: ID!) { projectMap(projectId: $id, hideConfidential: true) { nodes { id kind data } edges { id } } }', {
    id: PROJECT_ID,
  });
  const elements = map.projectMap.nodes.length + map.projectMap.edges.length;
  const versions = new Map<string, number>(
    map.projectMap.nodes
      .filter((n) => n.kind === 'ACTOR')
      .map((n) => [String(n.data.engagementId), Number(n.data.engagementVersion)]),
  );

  /** One edit: sets the actor's level; returns its HTTP round trip and the instant of its answer. */
  const edit = async (actor: { id: string; engagementId: string }, level: string) => {
    const sent = Date.now();
    const t0 = performance.now();
    const result = await gql<{ updateEngagement: { version: number } }>(
      'mutation($id: ID!, $v: Int!, $level: EngagementLevel!) { updateEngagement(id: $id, version: $v, patch: { level: $level }) { version } }',
      { id: actor.engagementId, v: versions.get(actor.engagementId), level },
    );
    const roundTrip = performance.now() - t0;
    versions.set(actor.engagementId, result.updateEngagement.version);
    return { sent, roundTrip, acked: Date.now() };
  };

  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${base}/mur#${wall.token}`);
  await page.waitForFunction(() => (window as unknown as { __trameLive?: { connected: boolean } }).__trameLive?.connected, null, {
    timeout: 60_000,
  });
  // In the page: arm a watcher for an element's level; it records the frame after Cytoscape holds it.
  // (A string: tsx's helpers would not exist in the page.)
  await page.evaluate(`
    window.__benchArm = (id, level) => {
      window.__benchDone = new Promise((resolve, reject) => {
        const cy = window.__trameCy;
        setTimeout(() => reject(new Error('the wall did not show ' + level + ' on ' + id + ' within 30 s')), 30000);
        const check = () => {
          if (cy.getElementById(id).data('engagement') !== level) return;
          cy.off('data', check);
          requestAnimationFrame(() => resolve(Date.now()));
        };
        cy.on('data', check);
      });
    };
  `);
  const all = map.projectMap.nodes.filter((n) => n.kind === 'ACTOR');
  const targets = all.slice(0, 3).map((n) => ({ id: n.id, engagementId: String(n.data.engagementId) }));
  /** Each target's level now: every edit moves it to the other level (an edit to the same level records nothing). */
  const levels = new Map(all.map((n) => [n.id, String(n.data.engagement)]));
  const nextLevel = (actorId: string) => {
    const level = levels.get(actorId) === LEVELS[0] ? LEVELS[1] : LEVELS[0];
    levels.set(actorId, level);
    return level;
  };

  log(`wall open on ${PROJECT_ID} (${elements} elements); ${EDITS} timed edits`);
  // BENCH_LIVE_PROFILE=file.cpuprofile: the wall page's CPU profile over the timed edits (open it
  // in Chromium's DevTools); the heaviest functions (self time) go to the log.
  const profile = env.BENCH_LIVE_PROFILE ? await page.context().newCDPSession(page) : null;
  if (profile) {
    await profile.send('Profiler.enable');
    await profile.send('Profiler.setSamplingInterval', { interval: 200 });
    await profile.send('Profiler.start');
  }
  const loadBefore = loadavg()[0]!;
  const roundTrips: number[] = [];
  const latencies: number[] = [];
  const ratios: number[] = [];
  /** Where the time goes: acknowledgement → event in the page; event in the page → canvas. */
  const toPage: number[] = [];
  const onPage: number[] = [];
  for (let i = 0; i < EDITS; i += 1) {
    const actor = targets[i % targets.length]!;
    const level = nextLevel(actor.id);
    await page.evaluate(([id, lv]) => (window as unknown as { __benchArm(a: string, b: string): void }).__benchArm(id, lv), [
      actor.id,
      level,
    ] as const);
    const { roundTrip, acked } = await edit(actor, level);
    const shown = await page.evaluate(() => (window as unknown as { __benchDone: Promise<number> }).__benchDone);
    const latency = Math.max(0, shown - acked);
    const received = await page.evaluate(
      () => (window as unknown as { __trameLive: { receivedAt: number } }).__trameLive.receivedAt,
    );
    toPage.push(Math.max(0, received - acked));
    onPage.push(Math.max(0, shown - received));
    roundTrips.push(roundTrip);
    latencies.push(latency);
    ratios.push(latency / roundTrip);
  }
  if (profile) {
    const { profile: cpu } = (await profile.send('Profiler.stop')) as {
      profile: {
        nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
        samples: number[];
        timeDeltas: number[];
      };
    };
    writeFileSync(env.BENCH_LIVE_PROFILE!, JSON.stringify(cpu));
    const self = new Map<string, number>();
    const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
    cpu.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (cpu.timeDeltas[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    log(
      `wall page CPU over ${EDITS} edits (self ms):\n${top.map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)}  ${k}`).join('\n')}`,
    );
  }
  const loadAfter = loadavg()[0]!;
  const roundTrip = stat('edit HTTP round trip', roundTrips);
  const latency = stat('acknowledgement → wall canvas', latencies);
  const ratio = stat('latency ÷ round trip', ratios);
  const serverToPage = stat('acknowledgement → event in the page', toPage);
  const pageToCanvas = stat('event in the page → canvas', onPage);
  log(
    `latency median ${latency.medianMs.toFixed(0)} ms (p95 ${latency.p95Ms.toFixed(0)}), round trip median ${roundTrip.medianMs.toFixed(0)} ms; ratio median ${ratio.medianMs.toFixed(2)} p95 ${ratio.p95Ms.toFixed(2)}`,
  );

  const cdp = await page.context().newCDPSession(page);
  /**
   * The heap after garbage collection: the least of three readings, each after two collections
   * and a short pause, the same way before and after. One reading swung by ±1.5 MiB on a 10 MiB
   * heap from one 250-edit mark to the next, up and down (compiled code, buffers freed at the next
   * collection), which is not what the bound is about (memory kept by the edits).
   */
  const heap = async () => {
    const readings: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(200);
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      readings.push(usedSize / 1024 / 1024);
    }
    return Math.min(...readings);
  };
  /**
   * BENCH_LIVE_HEAP_SNAPSHOTS=dir: the page's heap snapshots just opened, after the warm-up and
   * after the memory edits (dir/cold.heapsnapshot, dir/before.heapsnapshot, dir/after.heapsnapshot; open them in DevTools' Memory panel and
   * compare, or `npx tsx bench/heap-diff.ts dir/before.heapsnapshot dir/after.heapsnapshot`).
   */
  const snapshot = async (name: string) => {
    const dir = env.BENCH_LIVE_HEAP_SNAPSHOTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const chunks: string[] = [];
    const onChunk = (event: { chunk: string }) => void chunks.push(event.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    writeFileSync(`${dir}/${name}.heapsnapshot`, chunks.join(''));
    log(`heap snapshot: ${dir}/${name}.heapsnapshot`);
  };
  const coldMiB = await heap();
  await snapshot('cold');
  /** The heap along the way, counted from the cold page: a leak grows steadily, a warm-up levels off. */
  const curve: { edits: number; mib: number }[] = [{ edits: 0, mib: coldMiB }];
  let last = { id: '', level: '' };
  let done = 0;
  const edits = async (count: number) => {
    for (let i = 0; i < count; i += 1) {
      const actor = targets[done % targets.length]!;
      const level = nextLevel(actor.id);
      await edit(actor, level);
      last = { id: actor.id, level };
      done += 1;
      if (done % 250 === 0 && i + 1 < count) {
        const mib = await heap();
        curve.push({ edits: done, mib });
        log(`${done} edits: wall heap ${mib.toFixed(1)} MiB`);
      }
    }
  };
  log(`wall heap ${coldMiB.toFixed(1)} MiB; ${WARMUP_EDITS} live edits to warm up`);
  await edits(WARMUP_EDITS);
  const beforeMiB = await heap();
  if (WARMUP_EDITS > 0) curve.push({ edits: done, mib: beforeMiB });
  await snapshot('before');
  log(`wall heap ${beforeMiB.toFixed(1)} MiB; ${MEMORY_EDITS} more live edits`);
  await edits(MEMORY_EDITS);
  // The wall has applied the last one.
  if (last.id)
    await page.waitForFunction(
      ([id, level]) =>
        (window as unknown as { __trameCy: { getElementById(i: string): { data(k: string): unknown } } }).__trameCy
          .getElementById(id)
          .data('engagement') === level,
      [last.id, last.level] as const,
      { timeout: 60_000 },
    );
  const afterMiB = await heap();
  await snapshot('after');
  curve.push({ edits: done, mib: afterMiB });
  const growth = afterMiB / beforeMiB - 1;
  const warmupGrowth = beforeMiB / coldMiB - 1;
  log(`wall heap after ${MEMORY_EDITS} live edits: ${afterMiB.toFixed(1)} MiB (${(growth * 100).toFixed(1)} %)`);

  const result: LiveResult = {
    date: new Date().toISOString(),
    project: PROJECT_ID,
    elements,
    edits: EDITS,
    roundTrip,
    latency,
    ratio,
    serverToPage,
    pageToCanvas,
    memory: { warmupEdits: WARMUP_EDITS, coldMiB, warmupGrowth, edits: MEMORY_EDITS, beforeMiB, afterMiB, growth, curve },
    perEdit: roundTrips.map((rt, i) => ({
      roundTrip: Math.round(rt * 10) / 10,
      latency: latencies[i]!,
      toPage: toPage[i]!,
      onPage: onPage[i]!,
    })),
    load: { before: loadBefore, after: loadAfter },
  };
  /** The edits whose ratio is above 2: how long their round trip was, and where their time went. */
  const over = result.perEdit.filter((e) => e.latency > 2 * e.roundTrip);
  const overText =
    over.length === 0
      ? 'none'
      : `${over.length} (round trip ${over.map((e) => e.roundTrip.toFixed(0)).join(', ')} ms; acknowledgement → event ${over.map((e) => e.toPage).join(', ')} ms; event → canvas ${over.map((e) => e.onPage).join(', ')} ms)`;
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
  const ms = (s: Stat) => `${s.medianMs.toFixed(0)} ms | ${s.p95Ms.toFixed(0)} ms`;
  const md = `# Live bench (bench/live.ts)

${result.date}: a wall link's page (headless chromium, 1920×1080) on the demo project \`${PROJECT_ID}\` (${elements} elements, confidential items left out), one API process, in-process bus. Engagement edits sent over HTTP with a personal token, one at a time.

| ${EDITS} edits | median | p95 |
|---|---|---|
| edit's HTTP round trip | ${ms(roundTrip)} |
| acknowledgement → change on the wall's canvas | ${ms(latency)} |
| … of which: acknowledgement → event in the page (server read, SSE) | ${ms(serverToPage)} |
| … of which: event in the page → canvas drawn (cache, React, Cytoscape, next frame) | ${ms(pageToCanvas)} |
| ratio, edit by edit (target ≤ 2) | ${ratio.medianMs.toFixed(2)} | ${ratio.p95Ms.toFixed(2)} |

Load average (1 min) when the timed edits began and ended: ${loadBefore.toFixed(1)}, ${loadAfter.toFixed(1)} (2 cores). Edits above a ratio of 2: ${overText}.

Wall page's JS heap after forced garbage collections (the least of three readings), once warmed up by ${WARMUP_EDITS} live edits: ${beforeMiB.toFixed(1)} MiB, then ${afterMiB.toFixed(1)} MiB after ${MEMORY_EDITS} more: ${pct(growth)} (target ≤ 10 %). The warm-up itself, from the page just opened (${coldMiB.toFixed(1)} MiB): ${pct(warmupGrowth)} — V8's compiled code for the live path as it gets hot, and Chromium's own performance-timing entries (capped by the browser); heap snapshots hold no more JavaScript objects — it levels off. Along the way: ${curve.map((p) => `${p.edits}: ${p.mib.toFixed(2)} MiB`).join(', ')}.

The machine is shared (2 cores, other test runs at the same time): figures vary from run to run.
`;
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/live.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(new URL('./results/live.md', import.meta.url), md);
  log('wrote bench/results/live.{json,md}');
} finally {
  await browser.close();
  await app?.close();
  await graph.close();
  await neo4j?.dispose();
}
