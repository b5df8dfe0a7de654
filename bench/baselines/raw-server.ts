// The raw-Cypher baseline behind a bare fastify route, as its own process (`node --import tsx
// bench/baselines/raw-server.ts`), for the throughput bench: `POST /map {projectId}` answers the
// project's current map from one hand-written Cypher statement (rawProjectMap), with the same
// driver settings as Trame (createDriver), so both sides get the same connection pool.
import Fastify from 'fastify';
import { createDriver } from '@trame/graph';
import { rawProjectMap } from './raw.ts';

const env = process.env;
const database = env.NEO4J_DATABASE ?? 'neo4j';
const driver = createDriver({
  uri: env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  user: env.NEO4J_USER ?? 'neo4j',
  password: env.NEO4J_PASSWORD ?? '',
  database,
  ...(env.NEO4J_CONNECTION_TIMEOUT_MS ? { connectionTimeoutMs: Number(env.NEO4J_CONNECTION_TIMEOUT_MS) } : {}),
});
const app = Fastify({ logger: false });
app.post<{ Body: { projectId: string } }>('/map', async (request) => rawProjectMap(driver, database, request.body.projectId));
app.addHook('onClose', async () => driver.close());
await app.listen({ host: env.HOST ?? '127.0.0.1', port: Number(env.PORT ?? 0) });
console.log('BENCH_RAW_READY');
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
