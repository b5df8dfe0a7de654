/**
 * Integration test of the embedded Neo4j: real JVM, real Bolt, real neo4j-driver.
 * Needs Java 17+ and Maven; the first run downloads ~125 MB of jars into ~/.m2.
 */
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOLT_PASSWORD_FILE, DEFAULT_NEO4J_PASSWORD, buildLauncher, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded.ts';

const BUILD_TIMEOUT_MS = 20 * 60_000;
const START_TIMEOUT_MS = 180_000;
const RECOVERY = /Recovery required|TransactionLogsRecovery|Recovery in '/;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}

describe('embedded Neo4j', () => {
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
  };
  const running = new Set<EmbeddedNeo4j>();
  const drivers = new Set<Driver>();
  let home = '';
  let port = 0;

  async function start(password?: string): Promise<EmbeddedNeo4j> {
    const db = await startEmbeddedNeo4j({ home, port, password, log, heap: '512m', startTimeoutMs: START_TIMEOUT_MS });
    running.add(db);
    return db;
  }

  async function stop(db: EmbeddedNeo4j): Promise<void> {
    await db.stop();
    running.delete(db);
  }

  function connect(db: EmbeddedNeo4j, password = db.password): Driver {
    const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, password), { connectionTimeout: 10_000 });
    drivers.add(driver);
    return driver;
  }

  async function close(driver: Driver): Promise<void> {
    await driver.close();
    drivers.delete(driver);
  }

  beforeAll(async () => {
    await buildLauncher({ log });
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'trame-neo4j-test-'));
    port = await freePort();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.allSettled([...drivers].map((driver) => driver.close()));
    await Promise.allSettled([...running].map((db) => db.stop()));
    if (home) await fs.rm(home, { recursive: true, force: true });
  }, 60_000);

  it(
    'serves Bolt, stores data, refuses a wrong password',
    async () => {
      const db = await start();
      expect(db.uri).toBe(`bolt://127.0.0.1:${port}`);
      expect(db.user).toBe('neo4j');
      expect(isAlive(db.pid)).toBe(true);

      const driver = connect(db);
      const info = await driver.getServerInfo();
      expect(info.agent).toMatch(/^Neo4j\/5\.26\./);
      await driver.executeQuery('CREATE (:TrameProbe {key: $key, at: datetime()})', { key: 'persisted' }, { database: 'neo4j' });
      await close(driver);

      // No password given: the one generated into the data folder, never the published default.
      expect(db.password).toBe((await fs.readFile(path.join(home, BOLT_PASSWORD_FILE), 'utf8')).trim());
      for (const password of ['not-the-password', DEFAULT_NEO4J_PASSWORD]) {
        const wrong = connect(db, password);
        await expect(wrong.executeQuery('RETURN 1', {}, { database: 'neo4j' })).rejects.toMatchObject({
          code: 'Neo.ClientError.Security.Unauthorized',
        });
        await close(wrong);
      }

      await stop(db);
      expect(isAlive(db.pid)).toBe(false);
      expect(lines.some((line) => line.startsWith('TRAME_NEO4J_STOPPED'))).toBe(true);
    },
    START_TIMEOUT_MS + 60_000,
  );

  it(
    'restarts on the same folder with the data and without recovery',
    async () => {
      const debugLog = path.join(home, 'logs', 'debug.log');
      const before = await fileSize(debugLog);
      expect(before).toBeGreaterThan(0);

      const db = await start();
      const driver = connect(db);
      const { records } = await driver.executeQuery(
        'MATCH (p:TrameProbe {key: $key}) RETURN count(p) AS n',
        { key: 'persisted' },
        { database: 'neo4j' },
      );
      expect(records[0]?.get('n').toNumber()).toBe(1);
      await close(driver);
      await stop(db);

      const text = await fs.readFile(debugLog, 'utf8');
      const secondRun = text.slice(before);
      expect(secondRun).toContain('Shutdown started');
      expect(secondRun).not.toMatch(RECOVERY);
    },
    START_TIMEOUT_MS + 60_000,
  );

  it(
    'applies a changed password on the next start',
    async () => {
      const db = await start('another-password-123');
      const fresh = connect(db);
      await expect(fresh.executeQuery('RETURN 1 AS one', {}, { database: 'neo4j' })).resolves.toBeDefined();
      await close(fresh);

      // The generated one the earlier starts used no longer opens it.
      const old = connect(db, (await fs.readFile(path.join(home, BOLT_PASSWORD_FILE), 'utf8')).trim());
      await expect(old.executeQuery('RETURN 1', {}, { database: 'neo4j' })).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
      await close(old);
      await stop(db);
    },
    START_TIMEOUT_MS + 60_000,
  );

  it('fails clearly when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(startEmbeddedNeo4j({ home, port, log })).rejects.toThrow(/already in use/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 60_000);

  it('rejects a password shorter than 8 characters', async () => {
    await expect(startEmbeddedNeo4j({ home, port, password: 'short', log })).rejects.toThrow(/at least 8 characters/);
  });
});
