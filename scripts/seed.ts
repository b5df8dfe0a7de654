// `npm run seed`: load the demo map, once per database (a marker remembers it).
import { loadDemoMap } from '@trame/graph';
import { openGraph } from '../api/src/bootstrap.ts';
import { loadConfigOrExit, publicUrl } from '../api/src/config.ts';
import { describeCreatedAccounts, ensureDemoAccounts } from '../api/src/first-start.ts';

const config = loadConfigOrExit('[seed]');
const opened = await openGraph({ config, log: (line) => console.log(`[seed] ${line}`) });
try {
  const steps = await loadDemoMap(opened.graph);
  console.log(
    steps > 0
      ? `[seed] carte de démonstration chargée (${steps} changements datés)`
      : '[seed] la carte de démonstration est déjà chargée',
  );
  // Its pilot and DGS, with one-time sign-in links (no password baked in), printed this once.
  const accounts = await ensureDemoAccounts(opened.graph, { publicUrl: publicUrl(config) });
  for (const line of describeCreatedAccounts(accounts)) console.log(`[seed] ${line}`);
} finally {
  await opened.close();
}
