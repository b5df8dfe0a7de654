// `npm run seed`: load the demo map, once per database (a marker remembers it).
import { loadDemoMap } from '@trame/graph';
import { openGraph } from '../api/src/bootstrap.ts';
import { loadConfigOrExit } from '../api/src/config.ts';

const config = loadConfigOrExit('[seed]');
const opened = await openGraph({ config, log: (line) => console.log(`[seed] ${line}`) });
try {
  const steps = await loadDemoMap(opened.graph);
  console.log(steps > 0 ? `[seed] demo map loaded (${steps} dated changes)` : '[seed] the demo map is already loaded');
} finally {
  await opened.close();
}
