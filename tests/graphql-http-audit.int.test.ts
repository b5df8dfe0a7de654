/**
 * The GraphQL-over-HTTP conformance audits of the `graphql-http` package against the real server:
 * `npm start`'s own entry (scripts/start.ts) in its own process, on a free port, against the test
 * run's Neo4j — security plugin, CSRF and all. Signed in (a personal token), every audit passes,
 * MUST, SHOULD and MAY. Anonymous, the audits whose query reads the schema (`__type`) are refused
 * by design; they are exactly the ones the README lists (« GraphQL over HTTP »), with the reason.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiToken, createUser, grantRole } from '@trame/graph';
import { freePort } from '@trame/neo4j-embedded/disposable';
import { useTestGraph } from './support/app.ts';
import { uniqueId } from './support/graph.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const t = useTestGraph();
let server: ChildProcess | null = null;
let url = '';
let token = '';
const output: string[] = [];

beforeAll(async () => {
  const neo4j = inject('neo4j');
  const port = await freePort();
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      TRAME_SEED_DEMO: 'false',
      TRAME_SKIP_WEB_BUILD: 'true',
      // The shared test database has users: no administrator is created. Unique, should it be empty.
      TRAME_ADMIN_EMAIL: `${uniqueId('audit')}@trame.localhost`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('prêt sur')) resolve();
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
    server!.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output.join('')}`)));
  });
  await ready;
  url = `http://127.0.0.1:${port}/graphql`;

  const user = await createUser(t.graph, { email: `${uniqueId('audit')}@trame.localhost`, name: 'Audit GraphQL' });
  await grantRole(t.graph, { userId: user.id, role: 'ADMINISTRATEUR', by: 'system' });
  token = (await createApiToken(t.graph, { userId: user.id, name: 'graphql-http' })).token;
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
});

async function audit(headers: Record<string, string>): Promise<AuditResult[]> {
  const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) =>
    fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), ...headers } });
  const results: AuditResult[] = [];
  for (const one of serverAudits({ url, fetchFn })) results.push(await one.fn());
  return results;
}

function failures(results: AuditResult[]): string[] {
  return results
    .filter((result) => result.status !== 'ok')
    .map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
}

/** The audit ids the README's « GraphQL over HTTP » section lists as failing for anonymous requests. */
function documentedAnonymousDeviations(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### GraphQL over HTTP');
  expect(start).toBeGreaterThan(0);
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  return [...section.matchAll(/^\| `([0-9A-F]{4})` \|/gm)].map((match) => match[1]!);
}

describe('graphql-http server audits', () => {
  it('signed in (a personal token): every audit passes, MUST, SHOULD and MAY', async () => {
    const results = await audit({ authorization: `Bearer ${token}` });
    expect(results.length).toBeGreaterThan(50);
    expect(failures(results)).toEqual([]);
  });

  it('anonymous: every MUST passes but those reading the schema, exactly the deviations the README lists', async () => {
    const results = await audit({});
    const failing = results.filter((result) => result.status !== 'ok').map((result) => result.id);
    expect(failing.sort(), failures(results).join('\n')).toEqual(documentedAnonymousDeviations().sort());
  });
});
