// `npm start`: build the web app when needed, then start Trame and stop it cleanly on Ctrl-C.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../api/src/server.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function webIsStale(): boolean {
  const built = 'web/dist/index.html';
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return newestMtime('web/src') > builtAt || statSync('web/index.html').mtimeMs > builtAt;
}

if (process.env.TRAME_SKIP_WEB_BUILD !== 'true' && webIsStale()) {
  console.log('[trame] building the web app…');
  // The root build: code generation first (its outputs are not committed), then the web app.
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

try {
  const stop = await startServer();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[trame] ${signal}: stopping…`);
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  const name = (error as Error).name;
  if (name === 'MissingToolError' || name === 'MigrationChecksumError') {
    console.error(`[trame] ${(error as Error).message}`);
  } else {
    console.error('[trame] start-up failed:', error);
  }
  process.exit(1);
}
