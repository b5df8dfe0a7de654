// `npm start`: build the web app when needed, then start Trame and stop it cleanly on Ctrl-C.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit } from '../api/src/config.ts';
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

const config = loadConfigOrExit('[trame]');

if (!config.server.skipWebBuild && webIsStale()) {
  console.log('[trame] construction de l’application web…');
  // The root build: code generation first (its outputs are not committed), then the web app.
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

/** Ctrl-C ends the process within this, whatever state Neo4j is in. */
const SHUTDOWN_DEADLINE_MS = 9_000;
/**
 * A terminal's Ctrl-C reaches this process twice: from the terminal (the whole process group)
 * and forwarded by tsx. A signal this soon after the first is that echo, not a second Ctrl-C.
 */
const SIGNAL_ECHO_MS = 1_000;

try {
  const server = await startServer(config);
  let stoppingSince: number | null = null;
  const forceExit = (why: string) => {
    const pid = server.neo4jPid();
    console.error(`[trame] ${why} : arrêt forcé${pid ? ` du Neo4j intégré (pid ${pid}) et` : ''} de l’application.`);
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(1);
  };
  const shutdown = (reason: string, code: number) => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince < SIGNAL_ECHO_MS) return;
      return forceExit(`${reason} de nouveau`);
    }
    const started = Date.now();
    stoppingSince = started;
    console.log(`[trame] ${reason} : arrêt…`);
    setTimeout(() => forceExit(`pas arrêté en ${SHUTDOWN_DEADLINE_MS / 1000} s`), SHUTDOWN_DEADLINE_MS).unref();
    server
      .stop()
      .then(() => {
        console.log(`[trame] arrêté en ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s`);
        process.exit(code);
      })
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT', 0));
  process.on('SIGTERM', () => shutdown('SIGTERM', 0));
  void server.neo4jGaveUp.then((error) => {
    console.error(`[trame] ${error.message}`);
    shutdown('le Neo4j intégré n’a pas pu être maintenu en marche', 1);
  });
} catch (error) {
  const name = (error as Error).name;
  if (name === 'MissingToolError' || name === 'MigrationChecksumError') {
    console.error(`[trame] ${(error as Error).message}`);
  } else {
    console.error('[trame] échec du démarrage :', error);
  }
  process.exit(1);
}
