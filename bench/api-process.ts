// The API as its own process (`node --import tsx bench/api-process.ts`), for the resident-memory
// target: the bench starts it against its Neo4j (NEO4J_URI) on PORT and reads its RSS.
import { loadConfig } from '../api/src/config.ts';
import { startServer } from '../api/src/server.ts';

await startServer(loadConfig({ ...process.env, TRAME_SEED_DEMO: 'false', TRAME_GRAPHIQL: 'false', LOG_LEVEL: 'error' }));
console.log('BENCH_API_READY');
