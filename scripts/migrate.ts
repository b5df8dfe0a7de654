// `npm run migrate`: apply pending migrations to the configured Neo4j (or the embedded one).
import { openGraph } from '../api/src/bootstrap.ts';
import { loadConfigOrExit } from '../api/src/config.ts';

const config = loadConfigOrExit('[migrate]');
const opened = await openGraph({ config, log: (line) => console.log(`[migrate] ${line}`) });
await opened.close();
console.log('[migrate] up to date');
