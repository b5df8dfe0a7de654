import type { FrontEndResult } from './frontend.ts';
import type { LoadFigures, Stat } from './lib.ts';

export interface Ratio {
  group: string;
  name: string;
  value: number;
  /** Upper bound the ratio should stay under, or null when only reported. */
  target: number | null;
  unit?: string;
}

export interface BenchResult {
  date: string;
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; platform: string };
  versions: Record<string, string>;
  settings: Record<string, unknown>;
  sizes: {
    name: string;
    spec: Record<string, unknown>;
    counts: { creates: number; updates: number; ends: number; ops: number };
    load: LoadFigures;
    largestProject: string;
    largestTerritory: { id: string; projects: number };
  }[];
  domainLoad: { msPerOperation: number; sampleOperations: number; estimatedSecondsForL: number };
  top: {
    size: string;
    projectId: string;
    territoryId: string;
    mapNodes: number;
    mapEdges: number;
    dates: Record<string, string>;
    review: { actors: number; objectives: number; projects: number };
  };
  contentCheck: { nodes: number; edges: number; raw: boolean; peer: boolean };
  reviewDiagnostics: {
    readStatesMs: number;
    analyseMs: number;
    /** analyseMactor alone, on the inputs of the analysis. */
    mactorMs: number;
  };
  measures: Record<string, Record<string, Stat>>;
  profiles: Record<string, { dbHits: number; versionsScanned: number; index: string; timeMs: number }>;
  memory: {
    benchProcess: { rssMiB: number | null; peakMiB: number | null; heapUsedMiB: number };
    apiProcess: { afterStartMiB: number | null; afterWorkMiB: number | null; peakMiB: number | null; mapHttpMs: number | null };
    neo4jJvmRssMiB: number | null;
  };
  frontEnd: FrontEndResult | null;
  ratios: Ratio[];
}

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const f1 = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) ? n.toFixed(1) : '—');
const f0 = (n: number | null | undefined) =>
  n !== null && n !== undefined && Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—';

function met(ratio: Ratio): string {
  if (ratio.target === null) return '—';
  if (!Number.isFinite(ratio.value)) return 'not measured';
  return ratio.value <= ratio.target ? '**yes**' : '**no**';
}

const LABELS: Record<string, string> = {
  mapRead: 'Current map of the largest project',
  mapReadParts: 'Map read, where the time goes (diagnostics)',
  history: 'asOf and diff (largest project)',
  growth: 'Growth: map read by size and by history length (server side)',
  edit: 'Edit mutation (updatePosition: version check, new version, change record)',
  import: '500-row actor import (importActors) against one raw statement and the domain commands',
  review: 'Territory review of the largest territory',
};

export function renderMarkdown(result: BenchResult): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const top = result.top;
  push(
    `# Trame benchmark — ${result.date.slice(0, 10)}`,
    '',
    `Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGiB} GiB, ${result.machine.platform}. ` +
      `Run took ${Math.round(result.durationSeconds / 6) / 10} min. These machines are shared and noisy: the ratios are judged, the absolute times are for reference.`,
    '',
    `Versions: ${Object.entries(result.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    `Method: every figure is the median of ${String(result.settings.runs)} runs after ${String(result.settings.warmup)} warm-ups (territory review: ${String(result.settings.reviewRuns)} runs, import: ${String(result.settings.importRuns)}), ` +
      'candidates interleaved run by run in a rotating order, warm, on the same data in the same Neo4j (embedded, heap ' +
      `${String(result.settings.neo4jHeap)}, page cache ${String(result.settings.neo4jPageCache)}). "server side" = the domain functions in a read transaction; "HTTP, inject" = the GraphQL request through fastify \`inject\`; ` +
      '"HTTP, listening port" = a real request on a listening port; the API runs in the bench process.',
    '',
    `Largest project: \`${top.projectId}\` (${top.size}), ${top.mapNodes} nodes and ${top.mapEdges} edges on its map; the raw Cypher baseline returns ${result.contentCheck.raw ? 'the same' : '**different**'} map content and the @neo4j/graphql peer ${result.contentCheck.peer ? 'the same' : '**different**'} (checked node by node). ` +
      `Early date ${top.dates.early!.slice(0, 10)}, mid ${top.dates.mid!.slice(0, 10)}, latest milestone ${top.dates.late!.slice(0, 10)}; diff from the milestone of ${top.dates.diffFrom} to that of ${top.dates.diffTo}; review since ${top.dates.since}.`,
    '',
    '## Targets',
    '',
    '| target | measured | bound | met |',
    '|---|---|---|---|',
    ...result.ratios
      .filter((r) => r.target !== null)
      .map((r) => `| ${r.group}: ${r.name} | ${r.unit ? f0(r.value) : f2(r.value)} | ≤ ${r.target} | ${met(r)} |`),
    '',
    '## Other ratios',
    '',
    '| ratio | value |',
    '|---|---|',
    ...result.ratios.filter((r) => r.target === null).map((r) => `| ${r.group}: ${r.name} | ${f2(r.value)} |`),
    '',
    '## Sizes and load times',
    '',
    'Generated territories (seeded), loaded with the bulk loader (`graph/src/store/bulk.ts`: the same graph as the domain functions, proven by `tests/bulk.int.test.ts`).',
    '',
    '| dataset | territories | projects | actors | objectives | relations | recorded changes (creations + updates + ends) | entities | versions | references | load (s) | of which planning (s) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...result.sizes.map(
      (s) =>
        `| ${s.name} | ${String(s.spec.territories)} | ${String(s.spec.projects)} | ${f0(s.spec.actors as number)} | ${f0(s.spec.objectives as number)} | ${f0(s.spec.relations as number)} | ${f0(s.load.changes)} (${f0(s.counts.creates)} + ${f0(s.counts.updates)} + ${f0(s.counts.ends)}) | ${f0(s.load.entities)} | ${f0(s.load.versions)} | ${f0(s.load.refs)} | ${f1(s.load.seconds)} | ${f1(s.load.planSeconds)} |`,
    ),
    '',
    `Through the domain functions the same operations take ${f1(result.domainLoad.msPerOperation)} ms each (measured on ${result.domainLoad.sampleOperations} operations), about ${f0(result.domainLoad.estimatedSecondsForL / 60)} min for L.`,
    '',
  );
  for (const [key, stats] of Object.entries(result.measures)) {
    push(`## ${LABELS[key] ?? key}`, '', '| candidate | median ms | p95 ms | runs |', '|---|---|---|---|');
    for (const s of Object.values(stats)) push(`| ${s.name} | ${f1(s.medianMs)} | ${f1(s.p95Ms)} | ${s.runs} |`);
    push('');
  }
  if (key(result.top.review)) {
    const d = result.reviewDiagnostics;
    push(
      `Review: ${result.top.review.projects} projects, ${result.top.review.actors} actors, ${result.top.review.objectives} objectives analysed together. ` +
        `Diagnostics (one run): reading the ${result.top.review.projects} current states ${f0(d.readStatesMs)} ms, \`analyse\` ${f0(d.analyseMs)} ms, of which MACTOR (\`analyseMactor\`) ${f0(d.mactorMs)} ms.`,
      '',
    );
  }
  push(
    "## State query profile (PROFILE of readProjectState's Cypher)",
    '',
    '| read | versions from the index | db hits | ms | index |',
    '|---|---|---|---|---|',
  );
  for (const [name, p] of Object.entries(result.profiles))
    push(`| ${name} | ${f0(p.versionsScanned)} | ${f0(p.dbHits)} | ${f0(p.timeMs)} | \`${p.index}\` |`);
  push('');
  const mem = result.memory;
  push(
    '## Memory',
    '',
    `API in its own process (\`bench/api-process.ts\`, the same server as \`npm start\`): ${f0(mem.apiProcess.afterStartMiB)} MiB resident after start, ${f0(mem.apiProcess.afterWorkMiB)} MiB after 20 map reads, 5 diffs, 1 territory review and 5 asOf reads of ${top.size}, peak ${f0(mem.apiProcess.peakMiB)} MiB ` +
      `(map read over HTTP to that process: ${f1(mem.apiProcess.mapHttpMs)} ms median). ` +
      `Bench process (API in-process, plus the generator's data): ${f0(mem.benchProcess.rssMiB)} MiB resident, peak ${f0(mem.benchProcess.peakMiB)} MiB. Neo4j JVM: ${f0(mem.neo4jJvmRssMiB)} MiB.`,
    '',
  );
  const fe = result.frontEnd;
  if (fe) {
    push('## Front end', '');
    if (fe.skipped) {
      push(`Not measured: ${fe.skipped}`, '');
    } else {
      push(
        `Headless ${fe.chromium} (${fe.flags.join(' ')}), viewport ${fe.viewport.width}×${fe.viewport.height}; WebGL2 ${fe.webglAvailable ? `through ${fe.webglRenderer}` : 'unavailable'}. ` +
          "Time from navigation to the first frame drawn after the fcose layout stopped; a fresh browser context per navigation; the saved layout is deleted before each app navigation and the editor's save of its first layout is answered by the bench (first opening of a map). " +
          "The bare page gets the editor's own elements (projectMap → toElements, in the editor's order), stylesheet, fcose options, container size and the aspect stretch it applies after fcose (web/src/map/arrange.ts), so both pages draw the same positions; Math.random is seeded when the elements are added, in both pages. " +
          'Phases: "data" = navigation → elements added (page, scripts, for the app its GraphQL request and React); "layout" = elements added → layout stopped (fcose); "draw" = layout stopped → frame drawn; "pan" = ms per frame while panning (bare pages).',
        '',
        '| elements | page | nodes | median ms | p95 ms | data | layout | draw | pan ms/frame | renderer | runs |',
        '|---|---|---|---|---|---|---|---|---|---|---|',
        ...fe.cases.map(
          (c) =>
            `| ${c.elements} | ${c.name} | ${c.nodes} | ${f0(c.drawn.medianMs)} | ${f0(c.drawn.p95Ms)} | ${f0(c.added.medianMs)} | ${f0(c.layout.medianMs)} | ${f0(c.draw.medianMs)} | ${c.frame ? f0(c.frame.medianMs) : '—'} | ${c.webgl ? 'WebGL' : 'canvas'} | ${c.drawn.runs} |`,
        ),
        '',
      );
    }
  }
  push(...diagnosis(result));
  return lines.join('\n');
}

/** Why the missed targets are missed, from this run's own diagnostics. */
function diagnosis(result: BenchResult): string[] {
  const out = ['## Diagnosis (from this run)', ''];
  const parts = result.measures.mapReadParts;
  const read = result.measures.mapRead;
  if (parts && read) {
    const get = (name: string) => parts[name]?.medianMs ?? Number.NaN;
    const query = get('state query only (rows decoded, no JS)');
    const inDb = get('state query, counted in the database');
    out.push(
      `- **Map read.** Of Trame's ${f0(get('trame server'))} ms, the state query's rows take ${f0(query)} ms to arrive decoded in Node, of which the database's own work is ${f0(inDb)} ms; ` +
        `the rest of the time builds the map in JavaScript. Raw Cypher in this table: ${f0(parts.raw?.medianMs)} ms. ` +
        'Entities travel as flat lists with dates as epoch milliseconds (graph/src/reads/entity-rows.ts): decoding one map per entity and DateTime structures was most of the cost before.',
    );
  }
  const d = result.reviewDiagnostics;
  if (d && result.top.review.projects > 0) {
    out.push(
      `- **Territory review.** Of the analysis's ${f0(d.analyseMs)} ms for ${result.top.review.actors} actors × ${result.top.review.objectives} objectives, MACTOR (sparse, from the non-zero influences and positions) takes ${f0(d.mactorMs)} ms; ` +
        `reading the states takes ${f0(d.readStatesMs)} ms.`,
    );
  }
  const fe = result.frontEnd;
  if (fe && !fe.skipped) {
    const at = (name: string) => fe.cases.find((c) => c.name === name && c.target === 2000);
    const [editor, bare, webgl] = [at('editor'), at('bare'), at('bare-webgl')];
    if (editor && bare) {
      out.push(
        `- **Front end at 2,000 elements.** Editor vs bare page: data ${f0(editor.added.medianMs)} vs ${f0(bare.added.medianMs)} ms (the editor's ProjectView request carries the project's every list and its map, built from one project state read once per request), ` +
          `fcose ${f0(editor.layout.medianMs)} vs ${f0(bare.layout.medianMs)} ms, draw ${f0(editor.draw.medianMs)} vs ${f0(bare.draw.medianMs)} ms (ecosystem bubbles, fit).` +
          (webgl
            ? ` WebGL (${fe.webglRenderer}): draw ${f0(webgl.draw.medianMs)} ms and ${f0(webgl.frame?.medianMs)} ms per panned frame vs ${f0(bare.draw.medianMs)} and ${f0(bare.frame?.medianMs)} ms on canvas.`
            : ''),
      );
    }
  }
  out.push('');
  return out;
}

function key(review: { projects: number }): boolean {
  return review.projects > 0;
}
