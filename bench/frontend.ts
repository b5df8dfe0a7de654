/**
 * Front-end bench: time from navigation to a laid-out, drawn map, in the editor (/projets/<id>)
 * and the projection view (/projets/<id>/mur, the wall of issue 14), against a bare page giving
 * Cytoscape the same elements, stylesheet and fcose layout; and both with Cytoscape's WebGL
 * renderer (`?webgl=1`).
 *
 * Headless Debian chromium through playwright-core. A fresh browser context per navigation;
 * the project's saved layout is deleted before each app navigation, and the editor's save of its
 * first layout is answered by the bench, so the app lays out with fcose like the bare page does
 * (the first opening of a map).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@trame/api';
import { buildProjectMap, readProjectState, type Graph } from '@trame/graph';
import { toElements } from '../web/src/map/elements.ts';
import type { ProjectMapData } from '../web/src/map/types.ts';
import { log, stat, type Stat } from './lib.ts';
import { PAGE_HOOKS, type BenchMarks } from './frontend/marks.ts';
import { CHROMIUM_FLAGS, launchChromium } from '../tests/support/chromium.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const VIEWPORT = { width: 1600, height: 900 };

export interface FrontEndProject {
  /** Target size (elements). */
  target: number;
  projectId: string;
}

export interface FrontEndCase {
  name: string;
  target: number;
  elements: number;
  nodes: number;
  /** Navigation → first frame drawn after the layout stopped. */
  drawn: Stat;
  /** Navigation → first elements added (page, scripts; for the app its data and React). */
  added: Stat;
  /** First elements added → layout stopped: adding, styling and fcose. */
  layout: Stat;
  /** Layout stopped → first frame drawn. */
  draw: Stat;
  /** Mean ms per frame while panning, when measured. */
  frame: Stat | null;
  webgl: boolean | null;
  /** Every run's marks (ms since navigation start). */
  marks: Marks[];
}

export interface FrontEndResult {
  chromium: string;
  flags: readonly string[];
  viewport: typeof VIEWPORT;
  runs: Record<number, number>;
  cases: FrontEndCase[];
  webglAvailable: boolean;
  /** The WebGL implementation chromium uses (SwiftShader: software, no GPU). */
  webglRenderer: string;
  /** Size of the map's container in the editor and the projection view (px), by target size (each project's own). */
  containers?: Record<number, { editor: [number, number]; projection: [number, number] }>;
  skipped?: string;
}

/**
 * In the app, the map's Cytoscape instance appears as window.__trameCy: hooking its setter
 * installs the same marks as the bare page (bench/frontend/marks.ts). Plain JavaScript text: a
 * function compiled by tsx would carry helpers the page does not have.
 */
const APP_INIT_SCRIPT = `(() => {
  ${PAGE_HOOKS}
  let current;
  Object.defineProperty(window, '__trameCy', {
    configurable: true,
    get: () => current,
    set: (cy) => { current = cy; window.__benchWatch(cy); },
  });
})();`;

type Marks = BenchMarks;

async function bundleBarePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./frontend/bare.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Cytoscape elements exactly as the editor builds them from the API's projectMap. */
async function editorElements(graph: Graph, projectId: string, hideConfidential: boolean) {
  const map = await graph.read(async (tx) => buildProjectMap(await readProjectState(tx, projectId, null), { hideConfidential }));
  // Through JSON, as the browser receives it (dates become ISO strings).
  const data = JSON.parse(JSON.stringify({ ...map, asOf: map.at })) as ProjectMapData;
  // The editor's French dates on the leaps (web/src/i18n), so labels have the same widths.
  const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return toElements(data, { grouping: 'perimeter', formatDate: (iso) => dateFormat.format(new Date(iso)) });
}

export async function runFrontEnd(
  graph: Graph,
  projects: FrontEndProject[],
  options: {
    runs: Record<number, number>;
    warmups: Record<number, number>;
    projectionUpTo: number;
    buildWeb: boolean;
    /** Only these cases (bench/projection.ts: the projection's); all by default. */
    only?: readonly string[];
    /** An API token the app's pages send (the app needs a signed-in user). */
    bearer?: string;
  },
): Promise<FrontEndResult> {
  const result: FrontEndResult = {
    chromium: '',
    flags: CHROMIUM_FLAGS,
    viewport: VIEWPORT,
    runs: options.runs,
    cases: [],
    webglAvailable: false,
    webglRenderer: '',
  };
  if (options.buildWeb) {
    log('front end: building the web app (npm run build: codegen, then the web app)');
    try {
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      const output = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr ?? '');
      result.skipped = `npm run build failed: ${output.slice(-600)}`;
      log(`front end skipped: ${result.skipped}`);
      return result;
    }
  }
  const bareJs = await bundleBarePage();
  const bareHtml = readFileSync(new URL('./frontend/bare.html', import.meta.url), 'utf8');
  const sets = new Map<string, unknown>();
  for (const project of projects) {
    sets.set(`${project.target}`, await editorElements(graph, project.projectId, false));
    sets.set(`${project.target}-projection`, await editorElements(graph, project.projectId, true));
  }

  const app: FastifyInstance = await buildApp({
    graph,
    // BENCH_WEB_DIR: another build of the web app (a before/after comparison on one machine).
    webDir: process.env.BENCH_WEB_DIR ?? fileURLToPath(new URL('../web/dist/', import.meta.url)),
    graphiql: false,
  });
  app.get('/bench/bare.html', (_req, reply) => reply.type('text/html; charset=utf-8').send(bareHtml));
  app.get('/bench/bare.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(bareJs));
  app.get<{ Params: { name: string } }>('/bench/elements/:name', (req, reply) => {
    const set = sets.get(req.params.name.replace(/\.json$/, ''));
    return set ? reply.send(set) : reply.code(404).send({ error: 'no such set' });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    result.chromium = browser.version();
    {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.goto(`${base}/bench/bare.html?set=none`).catch(() => undefined);
      result.webglAvailable = (await page.evaluate("Boolean(document.createElement('canvas').getContext('webgl2'))")) as boolean;
      result.webglRenderer = (await page.evaluate(
        "(() => { const gl = document.createElement('canvas').getContext('webgl2'); if (!gl) return 'none'; const e = gl.getExtension('WEBGL_debug_renderer_info'); return String(e ? gl.getParameter(e.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)); })()",
      )) as string;
      await context.close();
    }

    /**
     * One navigation in a fresh context, until the first frame drawn after the layout; or, with
     * `sizeOnly`, until the map's Cytoscape exists: its container's size then (the page's own
     * chrome around it is laid out by then), no layout waited for.
     */
    const visit = async (url: string, app: boolean, timeoutMs: number, interact: boolean, sizeOnly = false): Promise<Marks> => {
      // The app's Content-Security-Policy forbids evaluating strings: the bench's waits do.
      const context = await browser!.newContext({ viewport: VIEWPORT, bypassCSP: true });
      try {
        if (app && options.bearer) await context.setExtraHTTPHeaders({ authorization: `Bearer ${options.bearer}` });
        if (app) {
          await context.addInitScript({ content: APP_INIT_SCRIPT });
          // The editor saves its first layout 600 ms after it: answered here, so the next visit lays out again.
          await context.route('**/graphql', (route) =>
            route.request().postData()?.includes('saveProjectLayout')
              ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"data":{"saveProjectLayout":true}}' })
              : route.continue(),
          );
        }
        const page = await context.newPage();
        if (process.env.BENCH_CPU_THROTTLE) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.BENCH_CPU_THROTTLE) });
        }
        // BENCH_PROFILE_DIR: a CPU profile of each visit's page (.cpuprofile, for Chromium's DevTools).
        const profiler = process.env.BENCH_PROFILE_DIR && !sizeOnly ? await context.newCDPSession(page) : null;
        if (profiler) {
          await profiler.send('Profiler.enable');
          await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
          await profiler.send('Profiler.start');
        }
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        // The GraphQL operations the page asked for, in order (their times are in `requests`).
        const operations: string[] = [];
        page.on('request', (request) => {
          const address = new URL(request.url());
          if (address.pathname !== '/graphql') return;
          const text = request.postData() ?? address.searchParams.get('query') ?? '';
          operations.push(/(?:query|mutation|subscription)\s+(\w+)/.exec(text)?.[1] ?? '?');
        });
        await page.goto(url, { waitUntil: 'commit' });
        try {
          await page.waitForFunction(
            sizeOnly
              ? 'window.__bench != null && window.__trameCy != null'
              : `window.__bench != null && window.__bench.drawn != null${interact ? ' && window.__bench.frameMs != null' : ''}`,
            undefined,
            { timeout: timeoutMs, polling: 50 },
          );
        } catch (error) {
          // What the page showed, for the log: an error message, a spinner, an empty map.
          const shot = join(tmpdir(), `trame-bench-timeout-${Date.now()}.png`);
          await page.screenshot({ path: shot }).catch(() => undefined);
          const text = String(await page.evaluate('document.body ? document.body.innerText.slice(0, 300) : ""').catch(() => ''));
          throw new Error(
            `${url}: no drawn map after ${timeoutMs} ms (screenshot ${shot}; page: ${text.replace(/\s+/g, ' ')}) ${errors.join(' | ')}`,
            { cause: error },
          );
        }
        const marks = (await page.evaluate('window.__bench')) as Marks;
        if (profiler) {
          const { profile } = await profiler.send('Profiler.stop');
          mkdirSync(process.env.BENCH_PROFILE_DIR!, { recursive: true });
          const name = `${new URL(url).pathname.replace(/\W+/g, '-')}${new URL(url).search.replace(/\W+/g, '-')}-${Date.now()}`;
          writeFileSync(join(process.env.BENCH_PROFILE_DIR!, `${name.slice(0, 120)}.cpuprofile`), JSON.stringify(profile));
        }
        if (sizeOnly) {
          const [width, height] = (await page.evaluate('[window.__trameCy.width(), window.__trameCy.height()]')) as number[];
          return { ...marks, width: width!, height: height! };
        }
        marks.requests = (await page.evaluate(
          "performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, Math.round(e.startTime), Math.round(e.responseEnd)])",
        )) as [string, number, number][];
        marks.operations = operations;
        return marks;
      } finally {
        await context.close();
      }
    };
    const deleteLayout = (projectId: string) =>
      graph.write((tx) => tx.run('MATCH (l:Layout {projectId: $id}) DETACH DELETE l', { id: projectId }));

    for (const project of projects) {
      const runs = options.runs[project.target] ?? 3;
      const warmups = options.warmups[project.target] ?? 1;
      const timeout = 90_000 + project.target * 60;
      const withProjection = project.target <= options.projectionUpTo;
      // The app's map area (editor and projection view) is smaller than the window, and the
      // wall's own chrome (the name box, the focus menu sized by the perimeters' names…) makes it
      // differ from one project to another: measured on this project, in the app, so the bare
      // page gets the container the app had (fcose packs components to the container's aspect
      // ratio). Measured before any run, so both pages of every run get the same size.
      const wants = (name: string) => !options.only || options.only.includes(name);
      const measure = async (url: string) => {
        await deleteLayout(project.projectId);
        const marks = await visit(url, true, timeout, false, true);
        return [Math.round(marks.width), Math.round(marks.height)] as [number, number];
      };
      const editorSize: [number, number] =
        wants('bare') || wants('bare-webgl')
          ? await measure(`${base}/projets/${project.projectId}`)
          : [VIEWPORT.width, VIEWPORT.height];
      const projectionSize: [number, number] =
        withProjection && (wants('bare-projection') || wants('bare-projection-webgl'))
          ? await measure(`${base}/projets/${project.projectId}/mur`)
          : [VIEWPORT.width, VIEWPORT.height];
      // The bare page seeds its layout with the project's id, as the app does: the same positions.
      const seed = `&seed=${encodeURIComponent(project.projectId)}`;
      const sizes = {
        editor: `&w=${editorSize[0]}&h=${editorSize[1]}${seed}`,
        projection: `&w=${projectionSize[0]}&h=${projectionSize[1]}${seed}`,
      };
      result.containers ??= {};
      result.containers[project.target] = { editor: editorSize, projection: projectionSize };
      const all: Record<string, { url: string; app: boolean }> = {
        editor: { url: `${base}/projets/${project.projectId}`, app: true },
        ...(withProjection
          ? {
              projection: { url: `${base}/projets/${project.projectId}/mur`, app: true },
              'projection-webgl': { url: `${base}/projets/${project.projectId}/mur?webgl=1`, app: true },
            }
          : {}),
        bare: { url: `${base}/bench/bare.html?set=${project.target}&interact=1${sizes.editor}`, app: false },
        ...(withProjection
          ? {
              'bare-projection': {
                url: `${base}/bench/bare.html?set=${project.target}-projection&projection=1${sizes.projection}`,
                app: false,
              },
              'bare-projection-webgl': {
                url: `${base}/bench/bare.html?set=${project.target}-projection&projection=1&webgl=1${sizes.projection}`,
                app: false,
              },
            }
          : {}),
        'bare-webgl': { url: `${base}/bench/bare.html?set=${project.target}&webgl=1&interact=1${sizes.editor}`, app: false },
      };
      const candidates = Object.fromEntries(Object.entries(all).filter(([name]) => !options.only || options.only.includes(name)));
      const names = Object.keys(candidates);
      const samples = new Map<string, Marks[]>(names.map((n) => [n, []]));
      // Warm-up rounds (server, JIT, disk cache), then runs interleaved in a rotating order.
      for (let run = -warmups; run < runs; run += 1) {
        for (let k = 0; k < names.length; k += 1) {
          const name = names[(Math.max(run, 0) + k) % names.length]!;
          const candidate = candidates[name]!;
          if (candidate.app) await deleteLayout(project.projectId);
          let marks: Marks;
          try {
            marks = await visit(candidate.url, candidate.app, timeout, candidate.url.includes('interact=1'));
          } catch (error) {
            // One retry, logged: a shared machine can stall a page; a second failure stops the bench.
            log(`front end: ${(error as Error).message}; retrying once`);
            if (candidate.app) await deleteLayout(project.projectId);
            marks = await visit(candidate.url, candidate.app, timeout, candidate.url.includes('interact=1'));
          }
          if (run >= 0) samples.get(name)!.push(marks);
        }
      }
      const elementSet = sets.get(`${project.target}`) as unknown[];
      for (const name of names) {
        const list = samples.get(name)!;
        result.cases.push({
          name,
          target: project.target,
          elements: elementSet.length,
          nodes: list[0]?.nodes ?? 0,
          drawn: stat(
            name,
            list.map((m) => m.drawn!),
          ),
          added: stat(
            `${name} added`,
            list.map((m) => m.added!),
          ),
          layout: stat(
            `${name} layout`,
            list.map((m) => m.layoutStop! - m.added!),
          ),
          draw: stat(
            `${name} draw`,
            list.map((m) => m.drawn! - m.layoutStop!),
          ),
          frame: list.every((m) => m.frameMs !== null)
            ? stat(
                `${name} frame`,
                list.map((m) => m.frameMs!),
              )
            : null,
          webgl: list[0]?.webgl ?? null,
          marks: list,
        });
      }
      const line = names
        .map(
          (n) => `${n} ${Math.round(result.cases.find((c) => c.name === n && c.target === project.target)!.drawn.medianMs)} ms`,
        )
        .join(', ');
      log(`front end ${project.target} elements (${elementSet.length}): ${line}`);
      await deleteLayout(project.projectId);
    }
  } finally {
    await browser?.close();
    await app.close();
  }
  return result;
}
