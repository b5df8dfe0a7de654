import { startDisposableNeo4j } from '@trame/neo4j-embedded/disposable';
const neo = await startDisposableNeo4j({ password: 'trame-test-password', heap: '768m' });
console.log('URI', neo.uri);
process.on('SIGTERM', async () => { await neo.dispose(); process.exit(0); });
setInterval(() => {}, 1 << 30);
