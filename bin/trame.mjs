#!/usr/bin/env node
// `trame`, the operator's command line (cli/main.ts). The sources are TypeScript, run through the
// project's tsx like `npm start`; so this works in a clone after `npm install`, no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
