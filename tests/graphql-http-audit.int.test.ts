/**
 * The GraphQL-over-HTTP conformance audits of the `graphql-http` package, against the real app
 * listening on a port (security plugin included): every MUST passes; the SHOULD deviations are
 * exactly those the README lists (« GraphQL over HTTP »), each with its reason there.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import type { Graph } from '@trame/graph';
import { testGraph } from './support/graph.ts';

let graph: Graph;
let app: FastifyInstance;
let url = '';
const results: AuditResult[] = [];

beforeAll(async () => {
  graph = testGraph();
  app = await buildApp({ graph, webDir: null, graphiql: true });
  url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  for (const audit of serverAudits({ url })) results.push(await audit.fn());
}, 120_000);

afterAll(async () => {
  await app?.close();
  await graph?.close();
});

/** The audit ids the README's « GraphQL over HTTP » section lists as SHOULD deviations. */
function documentedDeviations(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### GraphQL over HTTP');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  return [...section.matchAll(/^\| `([0-9A-F]{4})` \|/gm)].map((match) => match[1]!);
}

describe('graphql-http server audits', () => {
  it('passes every MUST', () => {
    expect(results.length).toBeGreaterThan(50);
    const failed = results
      .filter((result) => result.name.startsWith('MUST') && result.status !== 'ok')
      .map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failed).toEqual([]);
  });

  it('deviates from a SHOULD only where the README says so, and why', () => {
    const deviations = results
      .filter((result) => !result.name.startsWith('MUST') && result.status !== 'ok')
      .map((result) => result.id)
      .sort();
    expect(deviations).toEqual(documentedDeviations().sort());
  });
});
