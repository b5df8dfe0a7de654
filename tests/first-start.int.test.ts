/**
 * First start (issue 12, parts 6 and 9), as `npm start` does it but on its own ports and data
 * folder (never the shared test database, which has users): the embedded Neo4j gets a generated
 * Bolt password (file mode 0600, not the published default), the empty database its first
 * administrator with a one-time sign-in link printed once, the demo its pilot and DGS; a second
 * start creates nothing, and NEO4J_PASSWORD still overrides the generated password.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, consumeSignInLink, createDriver, listGrants, listUsers, verifyPassword, type Neo4jConfig } from '@trame/graph';
import { BOLT_PASSWORD_FILE, DEFAULT_NEO4J_PASSWORD } from '@trame/neo4j-embedded';
import { freePort } from '@trame/neo4j-embedded/disposable';
import { loadConfig, type TrameConfig } from '../api/src/config.ts';
import { startServer, type RunningServer } from '../api/src/server.ts';
import { processesIn } from './support/outage.ts';

const LINK = /(http:\/\/localhost:\d+)\/connexion\?jeton=(trame_lien_[A-Za-z0-9_-]+)/;

describe('the first start of a brand-new Trame', () => {
  let home = '';
  let env: Record<string, string> = {};
  let server: RunningServer | null = null;
  const lines: string[] = [];

  async function start(extra: Record<string, string> = {}): Promise<TrameConfig> {
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
      TRAME_SEED_DEMO: 'true',
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
    // The administrator's, then the demo pilot's and the demo DGS's.
    expect(links).toHaveLength(3);
    expect(links[0]![1]).toBe(`http://localhost:${config.server.port}`);
    expect(lines.join('\n')).toContain('administrateur « Administrateur » <admin@trame.localhost>');
    expect(lines.join('\n')).toContain('valable 24 h');

    await withGraph(bolt, config.embedded.port, async (graph) => {
      const users = await listUsers(graph);
      expect(users.map((user) => user.email).sort()).toEqual([
        'admin@trame.localhost',
        'dgs.demo@trame.localhost',
        'pilote.demo@trame.localhost',
      ]);
      const byEmail = new Map(users.map((user) => [user.email, user]));
      const grants = await listGrants(graph, {});
      const roleOf = (email: string) =>
        grants.filter((grant) => grant.userId === byEmail.get(email)!.id).map((g) => [g.role, g.projectId, g.territoryId]);
      expect(roleOf('admin@trame.localhost')).toEqual([['ADMINISTRATEUR', null, null]]);
      expect(roleOf('pilote.demo@trame.localhost')).toEqual([['PILOTE', 'prj-marche', 'ter-malaunay']]);
      expect(roleOf('dgs.demo@trame.localhost')).toEqual([['RELECTEUR', null, 'ter-malaunay']]);

      // No password anywhere: only the link opens the account, and only once.
      await expect(verifyPassword(graph, 'admin@trame.localhost', DEFAULT_NEO4J_PASSWORD)).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
      const token = links[0]![2]!;
      expect((await consumeSignInLink(graph, token)).email).toBe('admin@trame.localhost');
      await expect(consumeSignInLink(graph, token)).rejects.toMatchObject({ code: 'SIGN_IN_LINK_INVALID' });
    });
    await server!.stop();
    server = null;
  }, 300_000);

  it('a second start creates nothing and prints no link; NEO4J_PASSWORD overrides the generated password', async () => {
    lines.length = 0;
    const override = 'un-mot-de-passe-choisi';
    const config = await start({ NEO4J_PASSWORD: override });
    expect(lines.some((line) => LINK.test(line))).toBe(false);
    await withGraph(override, config.embedded.port, async (graph) => {
      expect((await listUsers(graph)).map((user) => user.email).sort()).toEqual([
        'admin@trame.localhost',
        'dgs.demo@trame.localhost',
        'pilote.demo@trame.localhost',
      ]);
    });
    const generated = readFileSync(join(home, BOLT_PASSWORD_FILE), 'utf8').trim();
    await expect(withGraph(generated, config.embedded.port, (graph) => listUsers(graph))).rejects.toThrow();
  }, 300_000);
});
