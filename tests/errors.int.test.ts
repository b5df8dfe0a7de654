import { Writable } from 'node:stream';
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import { Graph } from '@trame/graph';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { codeOf, gql, type GqlResult } from './support/http.ts';
import { useTestApp } from './support/app.ts';

// Strict input and one error contract (issue 11 part 3): every reproduction, through HTTP.

let small: SmallProject;
const logLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const t = useTestApp({ logger: { level: 'info', stream: logStream } });

beforeAll(async () => {
  small = await buildSmallProject(t.graph, 2, 2);
});

const CREATE_ACTOR = `mutation($input: CreateActorInput!, $validFrom: DateTime, $id: ID) {
  createActor(input: $input, validFrom: $validFrom, id: $id) { id name description validFrom }
}`;

function actorInput(extra: Record<string, unknown> = {}) {
  return { territoryId: small.territory.id, name: 'AMAP stricte', kind: 'ASSOCIATION', ...extra };
}

async function actorExists(id: string): Promise<boolean> {
  const result = await gql<{ territory: { actors: { id: string }[] } }>(
    t.app,
    `query($t: ID!) { territory(id: $t) { actors { id } } }`,
    { t: small.territory.id },
  );
  return result.data!.territory.actors.some((a) => a.id === id);
}

describe('dates that do not exist are refused, never shifted', () => {
  it.each(['2021-02-30T00:00:00Z', '2021-01-01T24:00Z', '2021-02-29', '2021-04-31', '1899-12-31', '9999-01-01T00:00:00Z'])(
    'validFrom %s → INVALID_DATE, nothing recorded',
    async (validFrom) => {
      const id = uniqueId('act');
      const result = await gql(t.app, CREATE_ACTOR, { input: actorInput(), validFrom, id });
      expect(codeOf(result)).toBe('INVALID_DATE');
      expect(await actorExists(id)).toBe(false);
    },
  );

  it('refuses the same dates written in the query text', async () => {
    const result = await gql(
      t.app,
      `mutation { createActor(input: { territoryId: "${small.territory.id}", name: "X", kind: ELU }, validFrom: "2021-02-30T00:00:00Z") { id } }`,
    );
    expect(codeOf(result)).toBe('INVALID_DATE');
  });

  it.each(['0000-01-01', '9999-12-31', '2021-02-30'])('milestone date %s → INVALID_DATE', async (date) => {
    const result = await gql(
      t.app,
      `mutation($d: Date!) { createMilestone(input: { projectId: "${small.project.id}", name: "Bilan", date: $d }) { id } }`,
      { d: date },
    );
    expect(codeOf(result)).toBe('INVALID_DATE');
  });

  it.each(['1899-06-01', '2021-02-30', '9999-12-31'])('asOf %s → INVALID_DATE', async (asOf) => {
    const result = await gql(t.app, `query($id: ID!, $asOf: DateTime) { project(id: $id, asOf: $asOf) { id } }`, {
      id: small.project.id,
      asOf,
    });
    expect(codeOf(result)).toBe('INVALID_DATE');
  });

  it('stores a valid instant exactly as sent', async () => {
    const result = await gql<{ createActor: { validFrom: string } }>(t.app, CREATE_ACTOR, {
      input: actorInput(),
      validFrom: '2020-02-29T23:30:00-01:00',
    });
    expect(result.data?.createActor.validFrom).toBe('2020-03-01T00:30:00.000Z');
  });
});

describe('texts', () => {
  it.each([
    ['name', 'AMAP\u0000'],
    ['name', 'A\u001b[31mB'],
    ['description', 'avant\u0000après'],
    ['name', 'ligne\nligne'],
  ])('%s with a control character (%j) → INVALID_TEXT naming the field', async (field, value) => {
    const id = uniqueId('act');
    const result = await gql(t.app, CREATE_ACTOR, { input: actorInput({ [field]: value }), id });
    expect(codeOf(result)).toBe('INVALID_TEXT');
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.errors?.[0]?.message).toMatch(field === 'name' ? /^le nom / : /^la description /);
    expect(await actorExists(id)).toBe(false);
  });

  it('keeps tab and line breaks in a long text', async () => {
    const result = await gql<{ createActor: { description: string } }>(t.app, CREATE_ACTOR, {
      input: actorInput({ description: 'un\n\tdeux' }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createActor.description).toBe('un\n\tdeux');
  });

  it('refuses a body that is not UTF-8 (400), never storing U+FFFD', async () => {
    const id = uniqueId('act');
    const head = JSON.stringify({ query: CREATE_ACTOR, variables: { id, input: actorInput({ name: 'XX' }) } });
    const body = Buffer.from(head.replace('"XX"', '"X\u0001X"'));
    body[body.indexOf(1)] = 0xff; // a lone byte that cannot start a UTF-8 sequence
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as GqlResult).errors?.[0]?.extensions?.code).toBe('INVALID_ENCODING');
    expect(await actorExists(id)).toBe(false);
  });
});

describe('transport', () => {
  it('HEAD /graphql → 405 with Allow', async () => {
    const response = await t.app.inject({ method: 'HEAD', url: '/graphql' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, POST, OPTIONS');
  });

  it('PUT /graphql → 405 with a code', async () => {
    const response = await t.app.inject({ method: 'PUT', url: '/graphql', payload: {} });
    expect(response.statusCode).toBe(405);
    expect((response.json() as GqlResult).errors?.[0]?.extensions?.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('GET with unreadable variables → 400 BAD_REQUEST, not an internal error', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{me{id}}')}&variables={bad`,
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as GqlResult).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('a mutation by GET → 405 METHOD_NOT_ALLOWED in French', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { revertChange(changeId: "x") { id } }')}`,
    });
    expect(response.statusCode).toBe(405);
    const error = (response.json() as GqlResult).errors?.[0];
    expect(error?.extensions?.code).toBe('METHOD_NOT_ALLOWED');
    expect(error?.message).toMatch(/POST/);
  });

  it.each([
    ['{}', 'application/json'],
    ['{"query": "{ territories { id } }"', 'application/json'],
    ['[{"query": "{ territories { id } }"}]', 'application/json'],
    ['{"query": "{ territories { id } }", "variables": "nope"}', 'application/json'],
    ['', 'application/json'],
  ])('POST %j → 400 with a code, no parser text nor originalError', async (payload, type) => {
    const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': type }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/originalError|SyntaxError|JSON input|Unexpected/);
    expect((response.json() as GqlResult).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('a body that is not JSON → 4xx with a code', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/xml' },
      payload: '<q/>',
    });
    expect(response.statusCode).toBe(415);
    expect((response.json() as GqlResult).errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('limits answer QUERY_TOO_COMPLEX, in French, naming the limit', () => {
  const nest = (depth: number, inner: string) =>
    `territories { ${'projects { territory { '.repeat(depth)}${inner}${' } }'.repeat(depth)} }`;
  it.each([
    ['depth', `{ ${nest(7, 'id')} }`, 12],
    ['aliases', `{ ${Array.from({ length: 21 }, (_, i) => `t${i}: territories { id }`).join(' ')} }`, 20],
    ['tokens', `{ territories { ${'id '.repeat(4100)} } }`, 4000],
    ['directives', `{ territories { id ${'@skip(if: false) '.repeat(21)} } }`, 20],
    ['cost', `{ ${nest(5, 'id '.repeat(1500))} }`, 50000],
  ])('%s', async (limit, query, max) => {
    const result = await gql(t.app, query);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.extensions).toMatchObject({ limit, max });
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`^la requête dépasse la limite « .+ » : ${max} au plus$`));
  });

  it('a page size out of range → OUT_OF_RANGE', async () => {
    for (const first of [-1, 0, 201]) {
      const result = await gql(
        t.app,
        `query($p: ID!, $f: Int) { projectTimeline(projectId: $p, first: $f) { changes { id } } }`,
        {
          p: small.project.id,
          f: first,
        },
      );
      expect(codeOf(result), String(first)).toBe('OUT_OF_RANGE');
    }
  });

  it('duplicate ecosystem members → DUPLICATE_MEMBER', async () => {
    const [a, b] = small.actors;
    const result = await gql(
      t.app,
      `mutation($m: [ID!]!) { createEcosystem(input: { projectId: "${small.project.id}", name: "Éco", memberIds: $m }) { id } }`,
      {
        m: [a!.id, b!.id, a!.id],
      },
    );
    expect(codeOf(result)).toBe('DUPLICATE_MEMBER');
    expect(result.errors?.[0]?.extensions?.field).toBe('memberIds');
  });
});

describe('logs', () => {
  it('logs an expected error once at info, without a stack, under its request id', async () => {
    logLines.length = 0;
    const result = await gql(
      t.app,
      `mutation { updateActor(id: "act-absent-${uniqueId('x')}", version: 1, patch: { name: "X" }) { id } }`,
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
    const lines = logLines.filter((line) => line.code === 'NOT_FOUND');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30 });
    expect(typeof lines[0]!.reqId).toBe('string');
    expect(JSON.stringify(lines[0])).not.toMatch(/stack| {4}at /);
    expect(logLines.filter((line) => (line.level as number) >= 50)).toEqual([]);
  });
});

describe('Neo4j unreachable', () => {
  it('answers 503 with Retry-After, for a query and a mutation, quickly', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'), {
      connectionTimeout: 500,
      connectionAcquisitionTimeout: 1000,
      maxTransactionRetryTime: 500,
    });
    const down = await buildApp({ graph: new Graph(driver, 'neo4j'), webDir: null, graphiql: false });
    try {
      for (const query of ['{ territories { id } }', 'mutation { revertChange(changeId: "chg-x") { id } }']) {
        const started = Date.now();
        // Signed in: resolving the token is the request's first read, refused like any other.
        const authorization = `Bearer trame_pat_${'A'.repeat(43)}`;
        const response = await down.inject({ method: 'POST', url: '/graphql', headers: { authorization }, payload: { query } });
        expect(Date.now() - started).toBeLessThan(5000);
        expect(response.statusCode).toBe(503);
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        const body = response.json() as GqlResult;
        expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(response.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|bolt/);
      }
    } finally {
      await down.close();
      await driver.close();
    }
  });
});
