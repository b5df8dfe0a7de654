// `npm run migrate`: apply pending migrations to the configured Neo4j (or the embedded one).
import { openGraph } from '../api/src/bootstrap.ts';

const opened = await openGraph({ log: (line) => console.log(`[migrate] ${line}`) });
await opened.close();
console.log('[migrate] up to date');
