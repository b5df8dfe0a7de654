import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_VARIABLES,
  ConfigError,
  DEFAULT_NEO4J_HEAP,
  DEFAULT_NEO4J_PASSWORD,
  loadConfig,
  neo4jPassword,
  publicUrl,
  readmeDefault,
} from './config.ts';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives every default with an empty environment', () => {
    const config = loadConfig({});
    expect(config.server).toEqual({
      port: 4000,
      host: '127.0.0.1',
      logLevel: 'warn',
      graphiql: true,
      publicUrl: null,
      corsOrigins: [],
      requestTimeoutMs: 30_000,
      maxConcurrentOperations: 4,
      heapGrowingPercent: 50,
      redisUrl: null,
      seedDemo: null,
      skipWebBuild: false,
    });
    expect(config.admin).toEqual({ email: 'admin@trame.localhost', password: null });
    expect(config.neo4j).toEqual({
      uri: null,
      user: 'neo4j',
      // Generated in the data folder when the embedded Neo4j starts (neo4jPassword).
      password: null,
      database: 'neo4j',
      connectionTimeoutMs: 1000,
    });
    expect(config.embedded).toMatchObject({
      home: resolve('.data/neo4j'),
      port: 7687,
      heap: DEFAULT_NEO4J_HEAP,
      restartLimit: 5,
    });
  });

  it('parses types: numbers, booleans, an external Neo4j', () => {
    const config = loadConfig({
      PORT: '4100',
      TRAME_GRAPHIQL: 'false',
      TRAME_SEED_DEMO: 'true',
      TRAME_SKIP_WEB_BUILD: 'true',
      NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io',
      NEO4J_PASSWORD: 'short',
      TRAME_DATA_DIR: '/tmp/trame-x',
      TRAME_NEO4J_HEAP: '1g',
    });
    expect(config.server).toMatchObject({ port: 4100, graphiql: false, seedDemo: true, skipWebBuild: true });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://abcd.databases.neo4j.io', password: 'short' });
    expect(config.embedded).toMatchObject({ home: '/tmp/trame-x', heap: '1g' });
  });

  it('reads the security settings: the public origin, CORS origins, the request timeout, the first administrator', () => {
    const config = loadConfig({
      TRAME_PUBLIC_URL: 'https://trame.ville-malaunay.fr/',
      TRAME_CORS_ORIGINS: 'https://intranet.ville.fr, https://sig.ville.fr:8443/,https://intranet.ville.fr',
      TRAME_REQUEST_TIMEOUT_MS: '5000',
      TRAME_ADMIN_EMAIL: 'dgs@ville-malaunay.fr',
      TRAME_ADMIN_PASSWORD: 'un mot de passe assez long',
    });
    expect(config.server).toMatchObject({
      publicUrl: 'https://trame.ville-malaunay.fr',
      corsOrigins: ['https://intranet.ville.fr', 'https://sig.ville.fr:8443'],
      requestTimeoutMs: 5000,
    });
    expect(config.admin).toEqual({ email: 'dgs@ville-malaunay.fr', password: 'un mot de passe assez long' });
    expect(publicUrl(config)).toBe('https://trame.ville-malaunay.fr');
    expect(publicUrl(loadConfig({ PORT: '4100' }))).toBe('http://localhost:4100');
  });

  it('gives the Bolt password: NEO4J_PASSWORD, else the generated one of the embedded Neo4j, else the old default', () => {
    const home = mkdtempSync(join(tmpdir(), 'trame-config-'));
    try {
      expect(neo4jPassword(loadConfig({ NEO4J_PASSWORD: 'given-password', TRAME_DATA_DIR: home }))).toBe('given-password');
      const generated = neo4jPassword(loadConfig({ TRAME_DATA_DIR: home }));
      expect(generated).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(generated).not.toBe(DEFAULT_NEO4J_PASSWORD);
      expect(neo4jPassword(loadConfig({ TRAME_DATA_DIR: home }))).toBe(generated);
      expect(neo4jPassword(loadConfig({ NEO4J_URI: 'bolt://db:7687', TRAME_DATA_DIR: home }))).toBe(DEFAULT_NEO4J_PASSWORD);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', TRAME_GRAPHIQL: ' ' }).server).toMatchObject({ port: 4000, graphiql: true });
  });

  it.each([
    ['PORT', 'abc', 'un entier de 1 à 65535'],
    ['PORT', '0', 'un entier de 1 à 65535'],
    ['PORT', '70000', 'un entier de 1 à 65535'],
    ['PORT', '40.5', 'un entier de 1 à 65535'],
    ['TRAME_NEO4J_PORT', '-1', 'un entier de 1 à 65535'],
    ['TRAME_GRAPHIQL', 'oui', 'true ou false'],
    ['LOG_LEVEL', 'verbose', 'fatal, error, warn, info, debug, trace, silent'],
    ['TRAME_NEO4J_HEAP', 'beaucoup', 'une taille comme 512m ou 1g'],
    ['NEO4J_URI', 'http://localhost:7474', 'une adresse bolt://'],
    ['NEO4J_CONNECTION_TIMEOUT_MS', '10', 'un entier de 100 à 60000'],
    ['TRAME_NEO4J_RESTARTS', '0', 'un entier de 1 à 100'],
    ['TRAME_PUBLIC_URL', 'https://trame.ville.fr/carte', 'une origine http:// ou https:// sans chemin'],
    ['TRAME_PUBLIC_URL', 'trame.ville.fr', 'une origine http:// ou https:// sans chemin'],
    ['TRAME_CORS_ORIGINS', 'null', 'des origines séparées par des virgules'],
    ['TRAME_CORS_ORIGINS', '*', 'des origines séparées par des virgules'],
    ['TRAME_REQUEST_TIMEOUT_MS', '10', 'un entier de 1000 à 600000'],
    ['TRAME_ADMIN_EMAIL', 'admin', 'une adresse e-mail'],
  ])('refuses %s=%s in French, naming the variable and the value', (name, value, expected) => {
    const error = configError({ [name]: value });
    expect(error.exitCode).toBe(2);
    expect(error.variables).toEqual([name]);
    expect(error.message).toContain(`la variable d’environnement ${name} est invalide : « ${value} »`);
    expect(error.message).toContain(`(attendu : ${expected}`);
  });

  it('names every invalid variable at once', () => {
    const error = configError({ PORT: 'x', TRAME_NEO4J_HEAP: 'y' });
    expect(error.variables).toEqual(['PORT', 'TRAME_NEO4J_HEAP']);
    expect(error.message.startsWith('Configuration invalide : ')).toBe(true);
  });

  it('never echoes the administrator password', () => {
    const error = configError({ TRAME_ADMIN_PASSWORD: 'trop-court' });
    expect(error.variables).toEqual(['TRAME_ADMIN_PASSWORD']);
    expect(error.message).not.toContain('trop-court');
  });

  it('never echoes a password', () => {
    const error = configError({ NEO4J_PASSWORD: 'secret7' });
    expect(error.variables).toEqual(['NEO4J_PASSWORD']);
    expect(error.message).toContain('NEO4J_PASSWORD est trop courte pour le Neo4j embarqué (au moins 8 caractères)');
    expect(error.message).not.toContain('secret7');
  });

  it('sets up single sign-on only with issuer, client id and secret together', () => {
    expect(loadConfig({}).oidc).toBeNull();
    const config = loadConfig({
      TRAME_OIDC_ISSUER: 'https://auth.example.fr/realms/ville',
      TRAME_OIDC_CLIENT_ID: 'trame',
      TRAME_OIDC_CLIENT_SECRET: 'tres-secret',
      TRAME_OIDC_LABEL: 'ProConnect',
      TRAME_OIDC_SCOPES: 'openid  email given_name',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://auth.example.fr/realms/ville',
      clientId: 'trame',
      clientSecret: 'tres-secret',
      label: 'ProConnect',
      scopes: ['openid', 'email', 'given_name'],
      trustEmail: false,
    });
    const partial = configError({ TRAME_OIDC_ISSUER: 'https://auth.example.fr', TRAME_OIDC_CLIENT_SECRET: 'tres-secret' });
    expect(partial.variables).toEqual(['TRAME_OIDC_CLIENT_ID']);
    expect(partial.message).toContain('TRAME_OIDC_CLIENT_ID manque');
    expect(partial.message).not.toContain('tres-secret');
    expect(configError({ TRAME_OIDC_SCOPES: 'email profile' }).variables).toEqual(['TRAME_OIDC_SCOPES']);
    expect(configError({ TRAME_OIDC_ISSUER: 'auth.example.fr' }).variables).toEqual([
      'TRAME_OIDC_ISSUER',
      'TRAME_OIDC_CLIENT_ID',
      'TRAME_OIDC_CLIENT_SECRET',
    ]);
  });

  it('refuses the same port for the app and the embedded Neo4j', () => {
    expect(configError({ PORT: '7687' }).variables).toEqual(['PORT', 'TRAME_NEO4J_PORT']);
    expect(loadConfig({ PORT: '7687', NEO4J_URI: 'bolt://db:7687' }).server.port).toBe(7687);
  });
});

describe("the README's variable table", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('| variable | default | meaning |');
  const rows = readme
    .slice(start)
    .split('\n')
    .slice(2)
    .filter((_, index, lines) => lines.slice(0, index + 1).every((line) => line.startsWith('|')))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '')));

  it('lists every variable of the configuration, in its order, and nothing else', () => {
    expect(start).toBeGreaterThan(0);
    expect(rows.map(([name]) => name)).toEqual(CONFIG_VARIABLES.map((spec) => `\`${spec.name}\``));
  });

  it('gives the same defaults as the configuration', () => {
    for (const spec of CONFIG_VARIABLES) {
      const row = rows.find(([name]) => name === `\`${spec.name}\``);
      expect(row?.[1], spec.name).toBe(readmeDefault(spec));
    }
  });
});
