/**
 * The supervisor gives up after quick failures in a row: the JVM is killed and its port taken by
 * another process, so every restart fails at once. Real JVM, own data folder and port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './disposable.ts';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j } from './supervisor.ts';

describe('the embedded Neo4j supervisor', () => {
  const home = mkdtempSync(join(tmpdir(), 'trame-supervisor-'));
  let supervised: SupervisedNeo4j | null = null;
  let squatter: net.Server | null = null;

  afterAll(async () => {
    await supervised?.stop();
    await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)));
    rmSync(home, { recursive: true, force: true });
  });

  it('restarts with growing back-off, then gives up with a clear message', async () => {
    const lines: string[] = [];
    const port = await freePort();
    supervised = await superviseEmbeddedNeo4j({
      home,
      port,
      password: 'trame-supervisor-password',
      heap: '384m',
      log: (line) => lines.push(line),
      maxQuickFailures: 3,
      initialBackoffMs: 200,
    });
    const pid = supervised.pid!;
    expect(supervised.state).toBe('running');
    process.kill(pid, 'SIGKILL');
    // Take the port as soon as the JVM has let it go: each restart then fails at once.
    squatter = await new Promise<net.Server>((resolve, reject) => {
      const attempt = (left: number) => {
        const server = net.createServer();
        server.once('error', (error) => (left > 0 ? setTimeout(() => attempt(left - 1), 20) : reject(error)));
        server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolve(server));
      };
      attempt(100);
    });

    const reason = await supervised.gaveUp;
    expect(supervised.state).toBe('failed');
    expect(supervised.pid).toBeNull();
    expect(reason.message).toMatch(/failed 3 times in a row, each within 60 s of its start/);
    expect(reason.message).toContain(`${home}/logs/debug.log`);
    expect(reason.message).toMatch(/already in use/);
    const restarts = lines.filter((line) => /restarting it in/.test(line));
    expect(restarts.map((line) => /in ([\d.]+) s/.exec(line)?.[1])).toEqual(['0.2', '0.4']);
    await supervised.stop();
  }, 240_000);
});
