/**
 * Live updates across two API processes on one Neo4j (issue 14 part 4, ADR 0010): with
 * TRAME_REDIS_URL the bus is Redis (a real redis-server, started for this file), so a wall
 * subscribed to one process sees an edit made through the other, and follows a projection
 * session set there. Without Redis, each process hears only its own edits.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import { createWallLink, type Graph } from '@trame/graph';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { testGraph } from './support/graph.ts';
import { gqlAs } from './support/http.ts';
import { createTestAdmin, createTestWallLink, type TestUser } from './support/principals.ts';
import { startDisposableRedis, type DisposableRedis } from './support/redis.ts';
import { subscribeSse, type SseSubscription } from './support/sse.ts';

let graph: Graph;
let redis: DisposableRedis;
const apps: FastifyInstance[] = [];
const bases: string[] = [];
let admin: TestUser;
let small: SmallProject;
let wall: string;
const open: SseSubscription[] = [];
const TIMEOUT = 15_000;

async function startApp(redisUrl: string | null): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({ graph, webDir: null, graphiql: false, redisUrl });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  apps.push(app);
  return { app, base };
}

beforeAll(async () => {
  graph = testGraph();
  redis = await startDisposableRedis();
  for (let i = 0; i < 2; i += 1) bases.push((await startApp(redis.url)).base);
  admin = await createTestAdmin(graph, 'Pilote de test');
  small = await buildSmallProject(graph, 2, 1);
  wall = await createTestWallLink(graph, small.project.id, admin.user.id);
});

afterAll(async () => {
  for (const subscription of open) subscription.close();
  for (const app of apps) await app.close();
  await redis?.stop();
  await graph?.close();
});

const LIVE = `subscription($p: ID!) { projectLive(projectId: $p, hideConfidential: true) { kind nodes { id data } removedIds } }`;
type Live = { projectLive: { kind: string; nodes: { id: string; data: Record<string, unknown> }[] } };

async function setLevel(app: FastifyInstance, actorId: string, level: string): Promise<void> {
  const map = await gqlAs<{ projectMap: { nodes: { id: string; data: Record<string, unknown> }[] } }>(
    app,
    admin.token,
    'query($id: ID!) { projectMap(projectId: $id) { nodes { id data } } }',
    { id: small.project.id },
  );
  const node = map.data!.projectMap.nodes.find((n) => n.id === actorId)!;
  const result = await gqlAs(
    app,
    admin.token,
    'mutation($id: ID!, $v: Int!, $level: EngagementLevel!) { updateEngagement(id: $id, version: $v, patch: { level: $level }) { id } }',
    { id: node.data.engagementId, v: node.data.engagementVersion, level },
  );
  expect(result.errors).toBeUndefined();
}

describe('two API processes sharing Redis', () => {
  it('a wall on process B receives an edit made through process A', async () => {
    const feed = subscribeSse<Live>(bases[1]!, wall, LIVE, { p: small.project.id });
    open.push(feed as SseSubscription);
    expect((await feed.next(TIMEOUT)).data?.projectLive.kind).toBe('READY');
    const actor = small.actors[0]!;
    await setLevel(apps[0]!, actor.id, 'MOTEUR');
    const event = (await feed.next(TIMEOUT)).data!.projectLive;
    expect(event.kind).toBe('PATCH');
    expect(event.nodes.map((n) => [n.id, n.data.engagement])).toEqual([[actor.id, 'MOTEUR']]);
    feed.close();
  });

  it('a projection session set on A is followed on B, and kept in Redis for a wall that connects later', async () => {
    const FOLLOW = 'subscription($p: ID!) { projection(projectId: $p) { state { date focusId } } }';
    type Follow = { projection: { state: { date: string | null; focusId: string | null } | null } };
    const follow = subscribeSse<Follow>(bases[1]!, wall, FOLLOW, { p: small.project.id });
    open.push(follow as SseSubscription);
    expect((await follow.next(TIMEOUT)).data?.projection.state).toBeNull();
    const set = await gqlAs(
      apps[0]!,
      admin.token,
      'mutation($p: ID!) { setProjection(projectId: $p, date: "2019-03-01") { date } }',
      {
        p: small.project.id,
      },
    );
    expect(set.errors).toBeUndefined();
    expect((await follow.next(TIMEOUT)).data?.projection.state).toEqual({ date: '2019-03-01', focusId: null });
    const late = subscribeSse<Follow>(bases[1]!, wall, FOLLOW, { p: small.project.id });
    open.push(late as SseSubscription);
    expect((await late.next(TIMEOUT)).data?.projection.state?.date).toBe('2019-03-01');
    await gqlAs(apps[0]!, admin.token, 'mutation($p: ID!) { endProjection(projectId: $p) }', { p: small.project.id });
    follow.close();
    late.close();
  });

  it('a wall link revoked through A ends its stream on B at once', async () => {
    const { token, info } = await createWallLink(graph, {
      projectId: small.project.id,
      name: 'Mur révoqué',
      createdBy: admin.user.id,
    });
    const feed = subscribeSse<Live>(bases[1]!, token, LIVE, { p: small.project.id });
    open.push(feed as SseSubscription);
    expect((await feed.next(TIMEOUT)).data?.projectLive.kind).toBe('READY');
    const revoked = await gqlAs(apps[0]!, admin.token, 'mutation($id: ID!) { revokeWallLink(id: $id) { id } }', { id: info.id });
    expect(revoked.errors).toBeUndefined();
    // Well below the feed's 10 minutes: the revocation went through Redis.
    const outcome = await Promise.race([
      feed.ended.then(() => 'ended'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 5000)),
    ]);
    expect(outcome).toBe('ended');
  });

  it('without Redis, a process does not hear the other (what the shared bus is for)', async () => {
    const alone = await startApp(null);
    const other = await startApp(null);
    const feed = subscribeSse<Live>(alone.base, wall, LIVE, { p: small.project.id });
    open.push(feed as SseSubscription);
    expect((await feed.next(TIMEOUT)).data?.projectLive.kind).toBe('READY');
    await setLevel(other.app, small.actors[1]!.id, 'COOPERANT');
    await expect(feed.next(3000)).rejects.toThrow(/no subscription event/);
    // An edit through its own process arrives.
    await setLevel(alone.app, small.actors[1]!.id, 'PARTICIPANT');
    expect((await feed.next(TIMEOUT)).data?.projectLive.nodes.map((n) => n.data.engagement)).toEqual(['PARTICIPANT']);
    feed.close();
  });
});
