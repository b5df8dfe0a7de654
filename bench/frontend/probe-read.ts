// Diagnostic: the wall's first read (PROJECT_VIEW) at a size, timed by part.
//   npx tsx bench/frontend/probe-read.ts 2000
import { buildApp } from '@trame/api';
import { buildProjectMap, readProjectState } from '@trame/graph';
import { PROJECT_VIEW } from '../../web/src/api/entityDocuments.ts';
import { startProbeData } from './probe-data.ts';

const target = Number(process.argv[2] ?? 2000);
const { graph, projectId, bearer, close } = await startProbeData(target);
try {
  const app = await buildApp({ graph, graphiql: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const ms = (t: number) => Math.round(performance.now() - t);
  for (let i = 0; i < Number(process.env.PROBE_RUNS ?? 8); i += 1) {
    let t = performance.now();
    const state = await graph.read((tx) => readProjectState(tx, projectId, null));
    const read = ms(t);
    t = performance.now();
    const map = buildProjectMap(state, { hideConfidential: true });
    const built = ms(t);
    t = performance.now();
    const json = JSON.stringify(map);
    const str = ms(t);
    t = performance.now();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: PROJECT_VIEW, variables: { id: projectId, asOf: null, hideConfidential: true } }),
    });
    const text = await res.text();
    console.log(
      `readProjectState ${read} ms, buildProjectMap ${built} ms, JSON ${str} ms (${json.length}); graphql ${ms(t)} ms (${text.length})`,
    );
  }
  await app.close();
} finally {
  await close();
}
