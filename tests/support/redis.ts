import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@trame/neo4j-embedded/disposable';

/** Debian's redis-server (.ci/run installs the `redis-server` package). */
export const REDIS_SERVER = process.env.TRAME_TEST_REDIS_SERVER ?? '/usr/bin/redis-server';

export interface DisposableRedis {
  /** redis://127.0.0.1:<port> */
  url: string;
  stop(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.write('PING\r\n');
    });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts a Redis of its own for a test file, as the test run starts its Neo4j: a free port on
 * 127.0.0.1, no persistence, a temporary folder; resolves once it answers PING. Stop it in afterAll.
 */
export async function startDisposableRedis(): Promise<DisposableRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'trame-redis-'));
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let failed: Error | null = null;
  child.once('error', (error) => {
    failed = error;
  });
  const deadline = Date.now() + 15_000;
  while (!(await answers(port))) {
    if (failed) throw new Error(`redis-server could not start (${REDIS_SERVER}): ${(failed as Error).message}`);
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`redis-server did not answer on port ${port} (exit code ${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
