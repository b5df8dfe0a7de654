// Diagnostic (not part of the bench's figure): one wall load and one bare load at a size, with
// Chromium CPU profiles, the elements each page drew, and the wall's GraphQL read timed alone.
//   npx tsx bench/frontend/probe.ts 2000 /tmp/probe
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildApp } from '@trame/api';
import { buildProjectMap, readProjectState } from '@trame/graph';
import { PAGE_HOOKS } from './marks.ts';
import { launchChromium } from '../../tests/support/chromium.ts';
import { toElements } from '../../web/src/map/elements.ts';
import { PROJECT_VIEW } from '../../web/src/api/entityDocuments.ts';
import { startProbeData } from './probe-data.ts';

const target = Number(process.argv[2] ?? 2000);
const out = process.argv[3] ?? '/tmp/probe';
const runs = Number(process.env.PROBE_RUNS ?? 2);
const { graph, projectId, bearer, close } = await startProbeData(target);
try {
  const t0 = performance.now();
  const state = await graph.read((tx) => readProjectState(tx, projectId, null));
  const t1 = performance.now();
  const map = buildProjectMap(state, { hideConfidential: true });
  const t2 = performance.now();
  console.log(`direct: readProjectState ${Math.round(t1 - t0)} ms, buildProjectMap ${Math.round(t2 - t1)} ms`);
  const data = JSON.parse(JSON.stringify({ ...map, asOf: map.at }));
  const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const bareSet = toElements(data, { grouping: 'perimeter', formatDate: (iso) => dateFormat.format(new Date(iso)) });
  const bareJs = (
    await build({
      entryPoints: [fileURLToPath(new URL('./bare.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      minify: false,
      logLevel: 'silent',
    })
  ).outputFiles[0]!.text;
  const bareHtml = readFileSync(new URL('./bare.html', import.meta.url), 'utf8');
  const app = await buildApp({ graph, webDir: fileURLToPath(new URL('../../web/dist/', import.meta.url)), graphiql: false });
  app.get('/bench/bare.html', (_r, reply) => reply.type('text/html; charset=utf-8').send(bareHtml));
  app.get('/bench/bare.js', (_r, reply) => reply.type('text/javascript; charset=utf-8').send(bareJs));
  app.get('/bench/elements/:name', (_r, reply) => reply.send(bareSet));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // The wall's read, alone, several times.
  for (let i = 0; i < 4; i += 1) {
    const s = performance.now();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: PROJECT_VIEW, variables: { id: projectId, asOf: null, hideConfidential: true } }),
    });
    const text = await res.text();
    console.log(`graphql ProjectView: ${Math.round(performance.now() - s)} ms, ${text.length} chars, status ${res.status}`);
  }
  // The data's loading heats a 2-core machine: let it cool before the timed visits.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.PROBE_PAUSE_MS ?? 0)));
  const browser = await launchChromium();
  // Long tasks (≥ 50 ms on the main thread) with their start, in ms since navigation: where the page's time goes.
  const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`;
  const INIT = `(() => { ${LONG_TASKS} ${PAGE_HOOKS}; let current; Object.defineProperty(window, '__trameCy', { configurable: true, get: () => current, set: (cy) => { current = cy; window.__benchWatch(cy); } }); })();`;
  const visit = async (name: string, url: string, isApp: boolean, size?: { w: number; h: number }) => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
    if (isApp) {
      await context.setExtraHTTPHeaders({ authorization: `Bearer ${bearer}` });
      await context.addInitScript({ content: INIT });
    } else await context.addInitScript({ content: LONG_TASKS });
    await graph.write((tx) => tx.run('MATCH (l:Layout {projectId: $id}) DETACH DELETE l', { id: projectId }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const u = size ? `${url}&w=${size.w}&h=${size.h}` : url;
    await page.goto(u, { waitUntil: 'commit' });
    await page.waitForFunction('window.__bench != null && window.__bench.drawn != null', undefined, {
      timeout: 120_000,
      polling: 50,
    });
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`${out}/${name}.cpuprofile`, JSON.stringify(profile));
    const marks = await page.evaluate('window.__bench');
    const reqs = await page.evaluate(
      "performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, Math.round(e.startTime), Math.round(e.responseEnd)])",
    );
    const els = await page.evaluate(
      '(() => { const cy = window.__trameCy ?? window.__cyBare; return cy ? cy.elements().map((e) => ({ group: e.group(), data: e.data(), classes: e.classes() })) : null; })()',
    );
    console.log(name, JSON.stringify(marks));
    console.log(name, 'requests', JSON.stringify(reqs));
    console.log(name, 'long tasks [start, ms]', JSON.stringify(await page.evaluate('window.__longTasks')));
    writeFileSync(`${out}/${name}.elements.json`, JSON.stringify(els));
    await context.close();
    return marks as { width: number; height: number };
  };
  for (let r = 0; r < runs; r += 1) {
    const wall = await visit(`wall${r}`, `${base}/projets/${projectId}/mur`, true);
    await visit(`bare${r}`, `${base}/bench/bare.html?set=x&projection=1`, false, {
      w: Math.round(wall.width),
      h: Math.round(wall.height),
    });
  }
  writeFileSync(`${out}/bareSet.json`, JSON.stringify(bareSet));
  await browser.close();
  await app.close();
} finally {
  await close();
}
