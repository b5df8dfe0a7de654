/**
 * First start (issue 12, parts 6 and 9), as `npm start` does it but on its own ports and data
 * folder (never the shared test database, which has users): the embedded Neo4j gets a generated
 * Bolt password (file mode 0600, not the published default), the empty database its first
 * administrator with a one-time sign-in link printed once; a second start creates nothing, and
 * NEO4J_PASSWORD still overrides the generated password. The demo's pilot and DGS are checked on
 * the test run's database, where the demo map is loaded.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Graph,
  consumeSignInLink,
  createDriver,
  findUserByEmail,
  listGrants,
  listUsers,
  verifyPassword,
  type Neo4jConfig,
} from '@trame/graph';
import { BOLT_PASSWORD_FILE, DEFAULT_NEO4J_PASSWORD } from '@trame/neo4j-embedded';
import { freePort } from '@trame/neo4j-embedded/disposable';
import { loadConfig, type TrameConfig } from '../api/src/config.ts';
import { startServer, type RunningServer } from '../api/src/server.ts';
import { describeCreatedAccounts, ensureDemoAccounts } from '../api/src/first-start.ts';
import { useTestGraph } from './support/app.ts';
import { processesIn } from './support/outage.ts';

const LINK = /(http:\/\/localhost:\d+)\/connexion\?jeton=(trame_lien_[A-Za-z0-9_-]+)/;

describe('the first start of a brand-new Trame', () => {
  let home = '';
  let env: Record<string, string> = {};
  let server: RunningServer | null = null;
  const lines: string[] = [];

  async function start(extra: Record<string, string> = {}): Promise<TrameConfig> {
    // A start left running by a failed test first (its Neo4j holds the port and the data folder).
    await server?.stop();
    server = null;
    const config = loadConfig({ ...env, ...extra });
    server = await startServer(config, { log: (line) => lines.push(line) });
    return config;
  }

  async function withGraph<T>(password: string, port: number, use: (graph: Graph) => Promise<T>): Promise<T> {
    const config: Neo4jConfig = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, database: 'neo4j' };
    const graph = new Graph(createDriver(config), config.database);
    try {
      return await use(graph);
    } finally {
      await graph.close();
    }
  }

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'trame-first-start-'));
    env = {
      PORT: String(await freePort()),
      TRAME_NEO4J_PORT: String(await freePort()),
      TRAME_DATA_DIR: home,
      // The demo's loading takes minutes on a loaded machine: its accounts are tested below, on the
      // test run's database where the demo is loaded already.
      TRAME_SEED_DEMO: 'false',
      TRAME_GRAPHIQL: 'false',
      LOG_LEVEL: 'silent',
    };
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    for (const pid of processesIn(home)) process.kill(pid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('generates the Bolt password into the data folder (0600), creates one administrator and prints a one-time link', async () => {
    const config = await start();
    const passwordFile = join(home, BOLT_PASSWORD_FILE);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    const bolt = readFileSync(passwordFile, 'utf8').trim();
    expect(bolt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bolt).not.toBe(DEFAULT_NEO4J_PASSWORD);
    // The published default opens nothing.
    await expect(withGraph(DEFAULT_NEO4J_PASSWORD, config.embedded.port, (graph) => listUsers(graph))).rejects.toThrow();

    const links = lines.flatMap((line) => {
      const match = LINK.exec(line);
      return match ? [match] : [];
    });
    expect(links).toHaveLength(1);
    expect(links[0]![1]).toBe(`http://localhost:${config.server.port}`);
    expect(lines.join('\n')).toContain('administrateur « Administrateur » <admin@trame.localhost>');
    expect(lines.join('\n')).toContain('valable 24 h');

    await withGraph(bolt, config.embedded.port, async (graph) => {
      const users = await listUsers(graph);
      expect(users.map((user) => user.email)).toEqual(['admin@trame.localhost']);
      const grants = await listGrants(graph, {});
      expect(grants.map((g) => [g.userId, g.role, g.projectId, g.territoryId, g.grantedBy])).toEqual([
        [users[0]!.id, 'ADMINISTRATEUR', null, null, 'system'],
      ]);

      // No password anywhere: only the link opens the account, and only once.
      await expect(verifyPassword(graph, 'admin@trame.localhost', DEFAULT_NEO4J_PASSWORD)).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
      const token = links[0]![2]!;
      expect((await consumeSignInLink(graph, token)).email).toBe('admin@trame.localhost');
      await expect(consumeSignInLink(graph, token)).rejects.toMatchObject({ code: 'INVALID_SIGN_IN_LINK' });
    });
    await server!.stop();
    server = null;
  }, 600_000);

  it('a second start creates nothing and prints no link; NEO4J_PASSWORD overrides the generated password', async () => {
    lines.length = 0;
    const override = 'un-mot-de-passe-choisi';
    const config = await start({ NEO4J_PASSWORD: override });
    expect(lines.some((line) => LINK.test(line))).toBe(false);
    await withGraph(override, config.embedded.port, async (graph) => {
      expect((await listUsers(graph)).map((user) => user.email)).toEqual(['admin@trame.localhost']);
    });
    const generated = readFileSync(join(home, BOLT_PASSWORD_FILE), 'utf8').trim();
    await expect(withGraph(generated, config.embedded.port, (graph) => listUsers(graph))).rejects.toThrow();
  }, 600_000);
});

describe('the demo map’s accounts', () => {
  const t = useTestGraph();

  it('a pilot of the Malaunay market and a DGS of Malaunay, each with a one-time link and no password; created once', async () => {
    // The test run's database has the demo map (global setup); the accounts exist only if an
    // earlier run on the same database made them.
    const existed = await findUserByEmail(t.graph, 'pilote.demo@trame.localhost');
    const created = await ensureDemoAccounts(t.graph, { publicUrl: 'http://localhost:4000' });
    if (!existed) {
      expect(created.map((account) => [account.user.email, account.role])).toEqual([
        ['pilote.demo@trame.localhost', 'PILOTE'],
        ['dgs.demo@trame.localhost', 'RELECTEUR'],
      ]);
      for (const account of created) {
        const token = LINK.exec(account.signInUrl ?? '')?.[2];
        expect(token, account.user.email).toBeDefined();
        expect((await consumeSignInLink(t.graph, token!)).id).toBe(account.user.id);
      }
      expect(describeCreatedAccounts(created).join('\n')).toContain('pilote « Pilote de démonstration (marché de Malaunay) »');
    }
    const grantsOf = async (email: string) => {
      const user = await findUserByEmail(t.graph, email);
      return (await listGrants(t.graph, { userId: user!.id })).map((g) => [g.role, g.projectId, g.territoryId]);
    };
    expect(await grantsOf('pilote.demo@trame.localhost')).toEqual([['PILOTE', 'prj-marche', 'ter-malaunay']]);
    expect(await grantsOf('dgs.demo@trame.localhost')).toEqual([['RELECTEUR', null, 'ter-malaunay']]);
    await expect(verifyPassword(t.graph, 'pilote.demo@trame.localhost', 'trame-local-password')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    // A second seeding creates nothing and prints no link.
    expect(await ensureDemoAccounts(t.graph, { publicUrl: 'http://localhost:4000' })).toEqual([]);
  });
});
