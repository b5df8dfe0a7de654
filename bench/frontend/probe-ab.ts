// Diagnostic: two builds of the web app (PROBE_DIRS=a,b), the wall at one size, visited
// alternately: navigation → first elements added, the read's start and end, drawn.
//   PROBE_DIRS=/tmp/dist-before,web/dist npx tsx bench/frontend/probe-ab.ts 500
import { buildApp } from '@trame/api';
import { resolve } from 'node:path';
import { PAGE_HOOKS } from './marks.ts';
import { launchChromium } from '../../tests/support/chromium.ts';
import { startProbeData } from './probe-data.ts';

const target = Number(process.argv[2] ?? 500);
const dirs = (process.env.PROBE_DIRS ?? '').split(',');
const runs = Number(process.env.PROBE_RUNS ?? 6);
const { graph, projectId, bearer, close } = await startProbeData(target);
try {
  const bases: string[] = [];
  for (const dir of dirs) {
    const app = await buildApp({ graph, webDir: `${resolve(dir)}/`, graphiql: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    bases.push(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
  }
  const browser = await launchChromium();
  const INIT = `(() => { ${PAGE_HOOKS}; let current; Object.defineProperty(window, '__trameCy', { configurable: true, get: () => current, set: (cy) => { current = cy; window.__benchWatch(cy); } }); })();`;
  const rows: Record<string, number[][]> = {};
  for (let r = -1; r < runs; r += 1) {
    for (let k = 0; k < bases.length; k += 1) {
      const i = (k + Math.max(r, 0)) % bases.length;
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
      await context.setExtraHTTPHeaders({ authorization: `Bearer ${bearer}` });
      await context.addInitScript({ content: INIT });
      await graph.write((tx) => tx.run('MATCH (l:Layout {projectId: $id}) DETACH DELETE l', { id: projectId }));
      const page = await context.newPage();
      await page.goto(`${bases[i]}/projets/${projectId}/mur`, { waitUntil: 'commit' });
      await page.waitForFunction('window.__bench != null && window.__bench.drawn != null', undefined, {
        timeout: 120_000,
        polling: 50,
      });
      const m = (await page.evaluate('window.__bench')) as Record<string, number>;
      const reqs = (await page.evaluate(
        "performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, Math.round(e.startTime), Math.round(e.responseEnd)])",
      )) as [string, number, number][];
      const g = reqs.find((x) => x[0] === '/graphql')!;
      await context.close();
      console.log(`${dirs[i]} run ${r}: added ${Math.round(m.added!)}, read ${g[1]}→${g[2]}, drawn ${Math.round(m.drawn!)}`);
      if (r < 0) continue;
      (rows[dirs[i]!] ??= []).push([
        Math.round(m.added!),
        g[1],
        g[2],
        Math.round(m.layoutStop! - m.added!),
        Math.round(m.drawn!),
      ]);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [dir, list] of Object.entries(rows)) {
    console.log(dir, 'added, read start, read end, layout, drawn:', JSON.stringify(list));
    console.log(dir, 'medians:', [0, 1, 2, 3, 4].map((j) => med(list.map((x) => x[j]!))).join(', '));
  }
  await browser.close();
} finally {
  await close();
}
