import type { FastifyInstance } from 'fastify';
import type { SessionConfig } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '@trame/graph';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { testGraph } from './support/graph.ts';
import { administratorOf, testApp, type GqlResult } from './support/http.ts';

/**
 * Two API processes on one Neo4j, as behind a load balancer: each app has its own driver (its
 * own connection pool, nothing shared in memory), and the client carries the bookmark from one
 * to the other. On a single Neo4j every read sees every commit anyway, so the test also watches
 * which bookmarks process B's sessions were told to wait for: that is what makes a cluster's
 * secondary wait for the write.
 */

let graphA: Graph;
let graphB: Graph;
let appA: FastifyInstance;
let appB: FastifyInstance;
let small: SmallProject;
/** The bookmarks each session opened by process B waited for, in order. */
const waitedForByB: string[][] = [];

beforeAll(async () => {
  graphA = testGraph();
  graphB = testGraph();
  const driverB = graphB.driver;
  const openSession = driverB.session.bind(driverB);
  driverB.session = (config?: SessionConfig) => {
    const manager = config?.bookmarkManager;
    const entry: string[] = [];
    waitedForByB.push(entry);
    if (manager) void manager.getBookmarks().then((bookmarks) => entry.push(...bookmarks));
    return openSession(config);
  };
  appA = await testApp(graphA);
  appB = await testApp(graphB);
  small = await buildSmallProject(graphA, 1, 1);
});
afterAll(async () => {
  await appA.close();
  await appB.close();
  await graphA.close();
  await graphB.close();
});

const HEADER = 'trame-bookmark';

async function post<T>(app: FastifyInstance, query: string, variables: Record<string, unknown>, bookmark?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: {
      authorization: `Bearer ${administratorOf(app).token}`,
      ...(bookmark === undefined ? {} : { 'Trame-Bookmark': bookmark }),
    },
    payload: { query, variables },
  });
  return {
    status: response.statusCode,
    bookmark: response.headers[HEADER] as string | undefined,
    body: response.json() as GqlResult<T>,
  };
}

const CREATE_ACTOR = /* GraphQL */ `
  mutation ($input: CreateActorInput!) { createActor(input: $input, validFrom: "2019-01-01") { id name } }
`;
const TERRITORY_ACTORS = /* GraphQL */ `
  query ($id: ID!) { territory(id: $id) { actors { id name } } }
`;

describe('bookmarks across two API processes', () => {
  it('reads through B, with the bookmark A gave, the write made through A', async () => {
    const written = await post<{ createActor: { id: string } }>(appA, CREATE_ACTOR, {
      input: { territoryId: small.territory.id, name: 'Régie de quartier (écrite par A)', kind: 'ASSOCIATION' },
    });
    expect(written.status).toBe(200);
    expect(written.body.errors).toBeUndefined();
    expect(written.bookmark).toMatch(/^\S+$/);
    const actorId = written.body.data!.createActor.id;

    const before = waitedForByB.length;
    const read = await post<{ territory: { actors: { id: string; name: string }[] } }>(
      appB,
      TERRITORY_ACTORS,
      { id: small.territory.id },
      written.bookmark,
    );
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.territory.actors.map((a) => a.id)).toContain(actorId);
    // B's read sessions waited for A's write: on a cluster, a lagging secondary would have.
    const sessions = waitedForByB.slice(before);
    expect(sessions.length).toBeGreaterThan(0);
    for (const waited of sessions) expect(waited).toEqual([written.bookmark]);
    // A read commits nothing: no bookmark back, the client keeps its last write's.
    expect(read.bookmark).toBeUndefined();
  });

  it('chains writes across processes: B writes after A, A reads both with B’s bookmark', async () => {
    const first = await post<{ createActor: { id: string } }>(appA, CREATE_ACTOR, {
      input: { territoryId: small.territory.id, name: 'Premier (A)', kind: 'ASSOCIATION' },
    });
    const second = await post<{ createActor: { id: string } }>(
      appB,
      CREATE_ACTOR,
      { input: { territoryId: small.territory.id, name: 'Second (B)', kind: 'ENTREPRISE' } },
      first.bookmark,
    );
    expect(second.body.errors).toBeUndefined();
    expect(second.bookmark).toBeDefined();
    expect(second.bookmark).not.toBe(first.bookmark);
    const read = await post<{ territory: { actors: { id: string }[] } }>(
      appA,
      TERRITORY_ACTORS,
      { id: small.territory.id },
      second.bookmark,
    );
    const ids = read.body.data!.territory.actors.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([first.body.data!.createActor.id, second.body.data!.createActor.id]));
  });

  it('answers 400 INVALID_BOOKMARK to a malformed header, before anything runs', async () => {
    const name = `Jamais écrit ${Date.now()}`;
    for (const bad of ['pas un signet', 'FB:abc;DROP', 'FB:a,,FB:b', Array.from({ length: 17 }, (_, i) => `FB:${i}`).join(',')]) {
      const answer = await post(
        appA,
        CREATE_ACTOR,
        { input: { territoryId: small.territory.id, name, kind: 'ASSOCIATION' } },
        bad,
      );
      expect(answer.status, bad).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code, bad).toBe('INVALID_BOOKMARK');
      expect(answer.body.errors?.[0]?.message).toMatch(/Trame-Bookmark/);
      expect(answer.bookmark).toBeUndefined();
    }
    const read = await post<{ territory: { actors: { name: string }[] } }>(appA, TERRITORY_ACTORS, { id: small.territory.id });
    expect(read.body.data!.territory.actors.map((a) => a.name)).not.toContain(name);
  });

  it('answers INVALID_BOOKMARK, never an internal error, to a well-formed bookmark the database refuses', async () => {
    for (const unknown of ['FB:abc', 'FB:kcwQAAAAAAAAAAAAAAAAAAAAAAAAAAAAkA==']) {
      const read = await post(appB, TERRITORY_ACTORS, { id: small.territory.id }, unknown);
      expect(read.body.errors?.[0]?.extensions?.code, unknown).toBe('INVALID_BOOKMARK');
      expect(read.body.errors?.[0]?.message).toMatch(/Trame-Bookmark/);
    }
  });

  it('serves requests without the header as before', async () => {
    const read = await post<{ territory: { actors: unknown[] } }>(appB, TERRITORY_ACTORS, { id: small.territory.id });
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    expect(read.bookmark).toBeUndefined();
  });
});
