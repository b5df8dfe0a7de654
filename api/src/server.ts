import { loadDemoMap } from '@trame/graph';
import { buildApp } from './app.ts';
import { openGraph } from './bootstrap.ts';

/**
 * Starts Trame: the graph (embedded Neo4j unless NEO4J_URI is set), migrations, the demo map
 * on the first start of the embedded default (or with TRAME_SEED_DEMO=true), then listens.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  const started = Date.now();
  const log = (line: string) => console.log(`[trame] ${line}`);
  const opened = await openGraph({ log, env });
  try {
    const seedDemo = env.TRAME_SEED_DEMO ? env.TRAME_SEED_DEMO === 'true' : opened.embedded !== null;
    if (seedDemo) {
      const steps = await loadDemoMap(opened.graph);
      if (steps > 0) log(`demo map loaded (${steps} dated changes)`);
    }
    const app = await buildApp({
      graph: opened.graph,
      graphiql: env.TRAME_GRAPHIQL !== 'false',
      logger: { level: env.LOG_LEVEL ?? 'warn' },
    });
    const port = Number(env.PORT ?? 4000);
    const host = env.HOST ?? '127.0.0.1';
    await app.listen({ port, host });
    log(`ready at http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (GraphQL at /graphql) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return async () => {
      await app.close();
      await opened.close();
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
