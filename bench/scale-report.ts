import type { LoadFigures, Stat } from './lib.ts';
import type { LoadResult } from './throughput.ts';

/** A figure of the scale bench: a ratio (or a quantity with `unit`), with its bound when it has one. */
export interface ScaleRatio {
  name: string;
  value: number;
  /** Upper bound (the value must stay at or under it). */
  max?: number;
  /** Lower bound (the value must stay at or above it). */
  min?: number;
  unit?: string;
}

type LoadAverage = { before: [number, number, number]; after: [number, number, number] };

interface PartBase {
  date: string;
  seconds: number;
  /** `uptime`'s 1, 5 and 15-minute load averages when the part started and ended (a shared machine). */
  loadAverage: LoadAverage;
  ratios: ScaleRatio[];
}

export interface ThroughputSummary {
  perSecond: number;
  ok: number;
  failed: number;
  p99Ms: number;
  p50Ms: number;
  rounds: LoadResult[];
}

export interface ScaleResult {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; platform: string; node: string };
  settings: Record<string, unknown>;
  datasets: Record<
    string,
    {
      spec: Record<string, unknown>;
      counts: { creates: number; updates: number; ends: number; ops: number };
      load: LoadFigures;
      loadedAt: string;
      loadAverage: LoadAverage | null;
      startSeconds: number;
      storeMiB: number | null;
    }
  >;
  parts: {
    map?: PartBase & {
      projects: Record<string, { id: string; nodes: number; edges: number; versions: number }>;
      stats: Record<string, Stat>;
    };
    review?: PartBase & {
      territories: Record<string, { territoryId: string; projects: number; actors: number; objectives: number; since: string }>;
      stats: Record<string, Stat>;
    };
    signed?: PartBase & { dataset: string; projectId: string; stats: Record<string, Stat> };
    throughput?: PartBase & {
      dataset: string;
      projectId: string;
      sameContent: boolean;
      responseKiB: { trame: number; raw: number };
      summary: Record<string, ThroughputSummary>;
      memory: { apiAfterStartMiB: number | null; apiMaxSampledMiB: number | null; apiPeakMiB: number | null };
    };
  };
}

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const f1 = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) ? n.toFixed(1) : '—');
const f0 = (n: number | null | undefined) =>
  n !== null && n !== undefined && Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—';
const loadText = (l: LoadAverage | null) =>
  l ? `load average ${l.before.join(' / ')} before, ${l.after.join(' / ')} after (1 / 5 / 15 min)` : 'load average not recorded';

function bound(r: ScaleRatio): string {
  if (r.max !== undefined) return `≤ ${r.max}`;
  if (r.min !== undefined) return `≥ ${r.min}`;
  return '—';
}
function met(r: ScaleRatio): string {
  if (r.max === undefined && r.min === undefined) return '—';
  if (!Number.isFinite(r.value)) return 'not measured';
  const ok = (r.max === undefined || r.value <= r.max) && (r.min === undefined || r.value >= r.min);
  return ok ? '**yes**' : '**no**';
}
const value = (r: ScaleRatio) => (r.unit ? `${f0(r.value)} ${r.unit}` : f2(r.value));

function statTable(stats: Record<string, Stat>): string[] {
  return [
    '| candidate | median ms | p95 ms | runs |',
    '|---|---|---|---|',
    ...Object.values(stats).map((s) => `| ${s.name} | ${f1(s.medianMs)} | ${f1(s.p95Ms)} | ${s.runs} |`),
  ];
}

export function renderScaleMarkdown(result: ScaleResult): string {
  const { parts } = result;
  const all = [parts.map, parts.review, parts.throughput, parts.signed].filter((p) => p !== undefined);
  const lines: string[] = [
    `# Trame benchmark at scale — ${result.date.slice(0, 10)}`,
    '',
    `\`npm run bench:scale\` (bench/scale.ts), issue 11 part 6. Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGiB} GiB, ${result.machine.platform}, node ${result.machine.node}. ` +
      'The machine is shared: each part gives the load averages it ran under; the ratios are judged (candidate and baseline measured together, interleaved), the absolute figures are for reference.',
    '',
    `Settings: each dataset in its own embedded Neo4j (heap ${String(result.settings.heap)}, page cache ${String(result.settings.pageCache)}); map reads: median of ${String(result.settings.runs)} runs after ${String(result.settings.warmup)} warm-ups, candidates interleaved in a rotating order; review: ${String(result.settings.reviewRuns)} runs; throughput: autocannon, ${String(result.settings.rounds)} round(s) of ${String(result.settings.perClient)} requests per client per side and client count (reads per second = answered ÷ the run's time), in ABBA order.`,
    '',
    '## Targets',
    '',
    '| part | figure | measured | bound | met |',
    '|---|---|---|---|---|',
  ];
  for (const [name, part] of Object.entries(parts))
    for (const r of part.ratios.filter((x) => x.max !== undefined || x.min !== undefined))
      lines.push(`| ${name} | ${r.name} | ${value(r)} | ${bound(r)} | ${met(r)} |`);
  lines.push('', '## Other figures', '', '| part | figure | value |', '|---|---|---|');
  for (const [name, part] of Object.entries(parts))
    for (const r of part.ratios.filter((x) => x.max === undefined && x.min === undefined))
      lines.push(`| ${name} | ${r.name} | ${value(r)} |`);

  lines.push(
    '',
    '## Datasets',
    '',
    'Generated (bench/generate.ts, seeded) and loaded with the bulk loader (graph/src/store/bulk.ts), each in its own data folder, once: later runs reuse it.',
    '',
    '| dataset | territories | projects | actors | objectives | relations | recorded changes (creations + updates + ends) | versions | references | store | generation (s) | planning (s) | writing (s) | loaded | machine during the load |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const [name, d] of Object.entries(result.datasets)) {
    const s = d.spec;
    lines.push(
      `| ${name} | ${String(s.territories)} | ${String(s.projects)} | ${f0(s.actors as number)} | ${f0(s.objectives as number)} | ${f0(s.relations as number)} | ${f0(d.load.changes)} (${f0(d.counts.creates)} + ${f0(d.counts.updates)} + ${f0(d.counts.ends)}) | ${f0(d.load.versions)} | ${f0(d.load.refs)} | ${d.storeMiB === null ? '—' : `${f0(d.storeMiB)} MiB`} | ${f1(d.load.generateSeconds)} | ${f1(d.load.planSeconds)} | ${f1(d.load.writeSeconds)} | ${d.loadedAt.slice(0, 16).replace('T', ' ')} | ${loadText(d.loadAverage)} |`,
    );
  }
  lines.push(
    '',
    'Starting Neo4j on a loaded folder (and checking its migrations): ' +
      Object.entries(result.datasets)
        .map(([n, d]) => `${n} ${f1(d.startSeconds)} s`)
        .join(', ') +
      '.',
  );

  if (parts.map) {
    const p = parts.map;
    lines.push(
      '',
      `## Map read: a project of the same size in ${Object.keys(p.projects).join(' and in ')}`,
      '',
      `${p.date.slice(0, 16).replace('T', ' ')} UTC, ${loadText(p.loadAverage)}. The project of the larger size is the one closest in size to the smaller's largest (positions, objectives, engaged actors); XL's history is denser than L's (10 recorded changes per relation against 5), so its project has more versions.`,
      '',
      '| dataset | project | nodes | edges | versions (history) |',
      '|---|---|---|---|---|',
      ...Object.entries(p.projects).map(
        ([n, x]) => `| ${n} | \`${x.id}\` | ${f0(x.nodes)} | ${f0(x.edges)} | ${f0(x.versions)} |`,
      ),
      '',
      ...statTable(p.stats),
    );
  }
  if (parts.review) {
    const p = parts.review;
    lines.push(
      '',
      '## Territory review of the largest territory',
      '',
      `${p.date.slice(0, 16).replace('T', ' ')} UTC, ${loadText(p.loadAverage)}.`,
      '',
      '| dataset | territory | projects | actors | objectives | since |',
      '|---|---|---|---|---|---|',
      ...Object.entries(p.territories).map(
        ([n, t]) =>
          `| ${n} | \`${t.territoryId}\` | ${t.projects} | ${f0(t.actors)} | ${f0(t.objectives)} | ${t.since.slice(0, 10)} |`,
      ),
      '',
      ...statTable(p.stats),
    );
  }
  if (parts.throughput) {
    const p = parts.throughput;
    lines.push(
      '',
      `## Throughput under load (${p.dataset})`,
      '',
      `${p.date.slice(0, 16).replace('T', ' ')} UTC, ${loadText(p.loadAverage)}. The current map of \`${p.projectId}\`, read back to back by N concurrent clients (autocannon, keep-alive, one request in flight per client) through Trame's API in its own process (bench/api-process.ts, POST /graphql, ${p.responseKiB.trame} KiB answers) and through the raw-Cypher baseline behind a bare fastify route in its own process (bench/baselines/raw-server.ts, POST /map, ${p.responseKiB.raw} KiB answers), both with Trame's driver settings (but a 30 s connection timeout for both), on the ${p.dataset} Neo4j. Same nodes and edges through both: ${p.sameContent ? 'yes' : '**no**'}. Load generator, both servers and Neo4j share the machine's ${result.machine.cpus} cores.`,
      '',
      '| server | clients | reads/s | p50 ms | p99 ms (worst round) | answered | failed |',
      '|---|---|---|---|---|---|---|',
      ...Object.entries(p.summary).map(([key, s]) => {
        const [side, clients] = key.split(' ');
        return `| ${side === 'trame' ? 'Trame (GraphQL)' : 'raw Cypher (bare fastify)'} | ${clients} | ${f1(s.perSecond)} | ${f0(s.p50Ms)} | ${f0(s.p99Ms)} | ${f0(s.ok)} | ${f0(s.failed)} |`;
      }),
      '',
      `API process resident memory: ${f0(p.memory.apiAfterStartMiB)} MiB after start, at most ${f0(p.memory.apiMaxSampledMiB)} MiB sampled every 200 ms under load, peak (VmHWM) ${f0(p.memory.apiPeakMiB)} MiB.`,
    );
  }
  if (parts.signed) {
    const p = parts.signed;
    lines.push(
      '',
      `## Signed-in map read over HTTP (${p.dataset})`,
      '',
      `${p.date.slice(0, 16).replace('T', ' ')} UTC, ${loadText(p.loadAverage)}. The current map of \`${p.projectId}\`, one request at a time, to the API process as a user who pilots the project — with a session cookie (and the web app's CSRF header), then with a personal token (\`Authorization: Bearer\`) — and to the raw-Cypher baseline's bare fastify route, interleaved.`,
      '',
      ...statTable(p.stats),
    );
  }
  if (all.length === 0) lines.push('', 'No part measured yet.');
  lines.push('');
  return lines.join('\n');
}
