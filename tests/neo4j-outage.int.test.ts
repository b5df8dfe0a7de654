/**
 * The embedded Neo4j dies under load (issue 11 part 4): the app, started as `npm start` starts it
 * but on its own ports and data folder (never the shared test database), keeps answering at once,
 * its supervisor restarts Neo4j, and every write it acknowledged is still there afterwards. Then a
 * frozen Neo4j (SIGSTOP): requests still fail fast, and the app stops within 10 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, createDriver } from '@trame/graph';
import { freePort } from '@trame/neo4j-embedded/disposable';
import { loadConfig, type TrameConfig } from '../api/src/config.ts';
import { startServer, type RunningServer } from '../api/src/server.ts';
import { createTestAdmin } from './support/principals.ts';
import { createTerritory, isAlive, processesIn, timedGet, waitFor, type Outcome } from './support/outage.ts';

const PASSWORD = 'trame-outage-password';
const RUN = Date.now().toString(36);

describe('the embedded Neo4j killed under load', () => {
  const lines: string[] = [];
  let home = '';
  let config: TrameConfig;
  let server: RunningServer | null = null;
  /** An administrator's token on this server's database: the API refuses anonymous writes. */
  let token = '';

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'trame-outage-'));
    config = loadConfig({
      PORT: String(await freePort()),
      TRAME_NEO4J_PORT: String(await freePort()),
      TRAME_DATA_DIR: home,
      NEO4J_PASSWORD: PASSWORD,
      TRAME_SEED_DEMO: 'false',
      TRAME_GRAPHIQL: 'false',
      LOG_LEVEL: 'silent',
    });
    server = await startServer(config, { log: (line) => lines.push(line) });
    const graph = new Graph(
      createDriver({ uri: `bolt://127.0.0.1:${config.embedded.port}`, user: 'neo4j', password: PASSWORD, database: 'neo4j' }),
      'neo4j',
    );
    try {
      token = (await createTestAdmin(graph)).token;
    } finally {
      await graph.close();
    }
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    for (const pid of processesIn(home)) process.kill(pid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('answers within 2 s during the outage, restarts Neo4j, and keeps every acknowledged write', async () => {
    const app = server!;
    const outcomes: Outcome[] = [];
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const outcome = await createTerritory(app.url, `Territoire ${RUN}-${(n += 1)}`, token);
        outcomes.push(outcome);
        // Failures come back at once while the breaker is open: do not spin.
        if (!outcome.id) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const writers = [writer(), writer(), writer()];

    const codes = () => [...new Set(outcomes.map((o) => o.code ?? 'ok'))].join(', ');
    await waitFor(
      'acknowledged writes before the kill',
      () => (outcomes.filter((o) => o.id).length >= 20 ? true : undefined),
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message} (outcomes: ${codes()})`);
    });
    const killed = app.neo4jPid()!;
    const killedAt = Date.now();
    process.kill(killed, 'SIGKILL');

    // Liveness at once, readiness says no within 2 s.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await timedGet(`${app.url}/health`);
    const ready = await timedGet(`${app.url}/ready`);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(500);
    expect(ready.status).toBe(503);
    expect(ready.retryAfter).toBe('2');
    expect(ready.ms).toBeLessThan(2_000);

    const restartedPid = await waitFor(
      'the restart',
      () => {
        const pid = app.neo4jPid();
        return pid !== null && pid !== killed ? pid : undefined;
      },
      180_000,
    );
    const restartedAt = Date.now();
    await waitFor(
      'readiness after the restart',
      async () => ((await timedGet(`${app.url}/ready`)).status === 200 ? true : undefined),
      60_000,
      500,
    );
    const acknowledgedBefore = outcomes.filter((o) => o.id).length;
    await waitFor(
      'acknowledged writes after the restart',
      () => (outcomes.filter((o) => o.id).length >= acknowledgedBefore + 20 ? true : undefined),
      60_000,
    );
    writing = false;
    await Promise.all(writers);

    expect(isAlive(killed)).toBe(false);
    expect(isAlive(restartedPid)).toBe(true);
    expect(lines.some((line) => /restarting it in 1\.0 s \(quick failure 1 of 5\)/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith(`Embedded Neo4j restarted (pid ${restartedPid})`))).toBe(true);

    // Every failure is the documented one, never an internal error or a hang.
    const failures = outcomes.filter((o) => !o.id);
    expect(new Set(failures.map((o) => o.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    const duringOutage = outcomes.filter((o) => o.started >= killedAt && o.ended < restartedAt);
    expect(duringOutage.length).toBeGreaterThan(5);
    for (const outcome of duringOutage) {
      expect(outcome.code).toBe('SERVICE_UNAVAILABLE');
      expect(outcome.ended - outcome.started).toBeLessThan(2_000);
    }
    const slowest = Math.max(...failures.map((o) => o.ended - o.started));
    expect(slowest).toBeLessThan(2_000);

    // Every acknowledged write survived the SIGKILL.
    const acknowledged = outcomes.flatMap((o) => (o.id ? [o.id] : []));
    const driver = createDriver({
      uri: `bolt://127.0.0.1:${config.embedded.port}`,
      user: 'neo4j',
      password: PASSWORD,
      database: 'neo4j',
    });
    try {
      const { records } = await driver.executeQuery(
        'MATCH (t:Entity:Territory) WHERE t.id IN $ids RETURN count(t) AS n',
        { ids: acknowledged },
        { database: 'neo4j' },
      );
      expect(records[0]?.get('n')).toBe(acknowledged.length);
    } finally {
      await driver.close();
    }
    console.log(
      `outage: ${acknowledged.length} acknowledged writes, ${failures.length} SERVICE_UNAVAILABLE (slowest ${slowest} ms), ` +
        `Neo4j back after ${((restartedAt - killedAt) / 1000).toFixed(1)} s; /health ${health.ms} ms, /ready ${ready.ms} ms`,
    );
  }, 300_000);

  it('fails fast while Neo4j is frozen, and stops within 10 s, killing the JVM', async () => {
    const app = server!;
    const pid = app.neo4jPid()!;
    process.kill(pid, 'SIGSTOP');
    // Pooled connections idle for over a second are checked before use.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const outcomes = await Promise.all([1, 2, 3, 4].map((i) => createTerritory(app.url, `Gelé ${RUN}-${i}`, token)));
    for (const outcome of outcomes) {
      expect(outcome.code).toBe('SERVICE_UNAVAILABLE');
      expect(outcome.ended - outcome.started).toBeLessThan(2_000);
    }
    const ready = await timedGet(`${app.url}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);

    const started = Date.now();
    await app.stop();
    const took = Date.now() - started;
    server = null;
    expect(took).toBeLessThan(10_000);
    expect(isAlive(pid)).toBe(false);
    expect(processesIn(home)).toEqual([]);
    console.log(
      `frozen Neo4j: requests failed in ≤ ${Math.max(...outcomes.map((o) => o.ended - o.started))} ms, /ready ${ready.ms} ms, stop took ${took} ms`,
    );
  }, 60_000);
});
