// Diagnostic (not part of the bench's figure): the wall's opening at a size, as one timeline per
// load in ms since navigation — the document, each request's start, its requestStart (`req`: when
// it left on a connection) and its end, the bench's marks (created, added, layoutStop, drawn) and
// any performance.mark the app sets (add some while investigating). Shows whether the read waits
// for a connection, for the server, or the app for its code.
//   PROBE_DIR=web/dist PROBE_RUNS=4 npx tsx bench/frontend/probe-boot.ts 500
import { buildApp } from '@trame/api';
import { resolve } from 'node:path';
import { PAGE_HOOKS } from './marks.ts';
import { launchChromium } from '../../tests/support/chromium.ts';
import { startProbeData } from './probe-data.ts';
const target = Number(process.argv[2] ?? 500);
const runs = Number(process.env.PROBE_RUNS ?? 4);
const { graph, projectId, bearer, close } = await startProbeData(target);
try {
  const app = await buildApp({ graph, webDir: `${resolve(process.env.PROBE_DIR ?? 'web/dist')}/`, graphiql: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await launchChromium();
  const INIT = `(() => { ${PAGE_HOOKS}; let current; Object.defineProperty(window, '__trameCy', { configurable: true, get: () => current, set: (cy) => { current = cy; window.__benchWatch(cy); } }); })();`;
  for (let r = 0; r < runs; r += 1) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
    await context.setExtraHTTPHeaders({ authorization: `Bearer ${bearer}` });
    await context.addInitScript({ content: INIT });
    await graph.write((tx) => tx.run('MATCH (l:Layout {projectId: $id}) DETACH DELETE l', { id: projectId }));
    const page = await context.newPage();
    await page.goto(`${base}/projets/${projectId}/mur`, { waitUntil: 'commit' });
    await page.waitForFunction('window.__bench != null && window.__bench.drawn != null', undefined, {
      timeout: 120_000,
      polling: 50,
    });
    const out = await page.evaluate(`(() => {
      const r = (x) => Math.round(x);
      const nav = performance.getEntriesByType('navigation')[0];
      const ev = [['doc req', nav.requestStart], ['doc resp', nav.responseStart], ['doc end', nav.responseEnd], ['domInteractive', nav.domInteractive]];
      for (const m of performance.getEntriesByType('mark')) ev.push([m.name, m.startTime]);
      for (const e of performance.getEntriesByType('resource')) { const n = new URL(e.name).pathname.replace('/assets/', '').slice(0, 14); ev.push([n + ' start', e.startTime], [n + ' req', e.requestStart], [n + ' end', e.responseEnd]); }
      const b = window.__bench; ev.push(['created', b.created], ['added', b.added], ['layoutStop', b.layoutStop], ['drawn', b.drawn]);
      return ev.filter((x) => x[1] > 0).sort((a, b) => a[1] - b[1]).map(([k, v]) => r(v) + ' ' + k).join(' | ');
    })()`);
    console.log(`run ${r}: ${out}`);
    await context.close();
  }
  await browser.close();
  await app.close();
} finally {
  await close();
}
