/**
 * Ctrl-C of `npm start` (scripts/start.ts, as a child process with its own ports and data folder)
 * while the embedded Neo4j is down and being restarted: every process is gone within 10 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@trame/neo4j-embedded/disposable';
import { isAlive, processesIn, timedGet, waitFor } from './support/outage.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('npm start stopped while Neo4j restarts', () => {
  const home = mkdtempSync(join(tmpdir(), 'trame-shutdown-'));
  let child: ChildProcess | null = null;
  const lines: string[] = [];

  afterAll(() => {
    child?.kill('SIGKILL');
    for (const pid of processesIn(home)) process.kill(pid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('exits within 10 s on SIGINT, killing the JVM being started', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        TRAME_NEO4J_PORT: String(await freePort()),
        TRAME_DATA_DIR: home,
        NEO4J_PASSWORD: 'trame-shutdown-password',
        TRAME_SKIP_WEB_BUILD: 'true',
        TRAME_SEED_DEMO: 'false',
        TRAME_GRAPHIQL: 'false',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      child!.once('exit', (code) => resolve({ code, at: Date.now() })),
    );
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
    }
    const line = (pattern: RegExp) => () => lines.find((l) => pattern.test(l));

    await waitFor('the app to be ready', line(/\[trame\] prêt sur /), 180_000, 250);
    const pid = Number(/pid (\d+)/.exec((await waitFor('the JVM pid', line(/Neo4j intégré démarré \(pid \d+\)/), 1_000))!)![1]);
    process.kill(pid, 'SIGKILL');
    await waitFor('the supervisor to restart it', line(/restarting it in/), 10_000, 100);
    expect((await timedGet(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    // Into the restart: the back-off (1 s) is over and the new JVM is starting.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(lines.some((l) => /Embedded Neo4j restarted/.test(l))).toBe(false);
    const starting = processesIn(home).filter((p) => p !== child!.pid);
    expect(starting.length).toBeGreaterThan(0);

    const signalled = Date.now();
    child.kill('SIGINT');
    const { code, at } = await exited;
    const took = at - signalled;
    child = null;
    expect(code).toBe(0);
    expect(took).toBeLessThan(10_000);
    expect(isAlive(pid)).toBe(false);
    await waitFor('no JVM left', () => (processesIn(home).length === 0 ? true : undefined), 1_000, 100);
    console.log(
      `SIGINT during the restart: exited in ${took} ms (code ${code}); the starting JVM (${starting.join(', ')}) is gone`,
    );
  }, 240_000);
});
