/**
 * Live updates through the API (issue 14 parts 4 and 5, ADR 0010): the projectLive
 * subscription over server-sent events sends each subscriber only what changed in its own,
 * redacted map; it holds no operation slot; a reconnection after a cut catches up from the
 * change log; a wall link follows its own project only; projection sessions reach the walls.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import {
  buildProjectMap,
  createWallLink,
  readProjectState,
  refreshProjectState,
  type Graph,
  type ProjectState,
} from '@trame/graph';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { testGraph } from './support/graph.ts';
import { gqlAs } from './support/http.ts';
import {
  createPilot,
  createReviewer,
  createTestAdmin,
  createTestSession,
  createTestWallLink,
  type TestUser,
} from './support/principals.ts';
import { subscribeSse, type SseSubscription } from './support/sse.ts';

let graph: Graph;
let app: FastifyInstance;
let base: string;
let admin: TestUser;
let small: SmallProject;
let other: SmallProject;
let wall: string;
let reviewer: TestUser;
let pilot: TestUser;
const open: SseSubscription[] = [];

beforeAll(async () => {
  graph = testGraph();
  // One operation slot: a subscription holding it would stall every other request.
  app = await buildApp({ graph, webDir: null, graphiql: false, maxConcurrentOperations: 1 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  admin = await createTestAdmin(graph, 'Pilote de test');
  small = await buildSmallProject(graph, 3, 2);
  other = await buildSmallProject(graph, 1, 1);
  wall = await createTestWallLink(graph, small.project.id, admin.user.id);
  reviewer = await createReviewer(graph, small.territory.id, 'Dominique Relecteur');
  pilot = await createPilot(graph, small.project.id, 'Camille Pilote');
});

afterAll(async () => {
  for (const subscription of open) subscription.close();
  await app?.close();
  await graph?.close();
});

const LIVE = `subscription($projectId: ID!, $hide: Boolean, $since: DateTime) {
  projectLive(projectId: $projectId, hideConfidential: $hide, since: $since) {
    projectId kind at removedIds perimeterOrder
    nodes { id kind label parent entityVersion data }
    edges { id kind source target label data }
    ecosystems { id }
  }
}`;

interface LiveEvent {
  projectId: string;
  kind: 'READY' | 'PATCH' | 'RESET';
  at: string;
  removedIds: string[];
  nodes: { id: string; data: Record<string, unknown>; label: string }[];
  edges: { id: string; kind: string; data: Record<string, unknown> }[];
}

async function live(
  secret: string | null,
  variables: Record<string, unknown>,
): Promise<SseSubscription<{ projectLive: LiveEvent }>> {
  const subscription = subscribeSse<{ projectLive: LiveEvent }>(base, secret, LIVE, variables);
  open.push(subscription as SseSubscription);
  await subscription.opened;
  return subscription;
}

/** Generous: the shared test machine may be loaded (the one-second promise is the browser test's and the bench's). */
const EVENT_TIMEOUT_MS = 15_000;

async function nextEvent(
  subscription: SseSubscription<{ projectLive: LiveEvent }>,
  timeoutMs = EVENT_TIMEOUT_MS,
): Promise<LiveEvent> {
  const payload = await subscription.next(timeoutMs);
  if (payload.errors) throw new Error(`subscription error: ${JSON.stringify(payload.errors)}`);
  return payload.data!.projectLive;
}

const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
  gqlAs<T>(app, admin.token, query, variables);

async function actorNode(projectId: string, actorId: string) {
  const result = await gql<{ projectMap: { asOf: string; nodes: { id: string; data: Record<string, unknown> }[] } }>(
    'query($id: ID!) { projectMap(projectId: $id) { asOf nodes { id data } } }',
    { id: projectId },
  );
  const node = result.data!.projectMap.nodes.find((n) => n.id === actorId)!;
  return { asOf: result.data!.projectMap.asOf, node };
}

async function setLevel(projectId: string, actorId: string, level: string): Promise<void> {
  const { node } = await actorNode(projectId, actorId);
  const result = await gql(
    'mutation($id: ID!, $version: Int!, $level: EngagementLevel!) { updateEngagement(id: $id, version: $version, patch: { level: $level }) { id } }',
    { id: node.data.engagementId, version: node.data.engagementVersion, level },
  );
  expect(result.errors).toBeUndefined();
}

/** Conflict ids → their version, to end them. */
const conflictVersions = new Map<string, number>();

async function addConflict(confidential: boolean, note: string): Promise<string> {
  const result = await gql<{ createConflict: { id: string; version: number } }>(
    `mutation($a: ID!, $b: ID!, $c: Boolean!, $note: String) {
      createConflict(input: { objectiveAId: $a, objectiveBId: $b, intensity: 3, status: IDENTIFIE, confidential: $c, note: $note }) { id version }
    }`,
    { a: small.objectives[0]!.id, b: small.objectives[1]!.id, c: confidential, note },
  );
  expect(result.errors).toBeUndefined();
  conflictVersions.set(result.data!.createConflict.id, result.data!.createConflict.version);
  return result.data!.createConflict.id;
}

async function endConflict(id: string): Promise<void> {
  const result = await gql('mutation($id: ID!, $v: Int!) { endConflict(id: $id, version: $v) { id } }', {
    id,
    v: conflictVersions.get(id),
  });
  expect(result.errors).toBeUndefined();
}

describe('projectLive', () => {
  it('sends READY, then only the elements an edit changed, without holding an operation slot', async () => {
    const first = await live(admin.token, { projectId: small.project.id });
    const second = await live(admin.token, { projectId: small.project.id });
    expect((await nextEvent(first)).kind).toBe('READY');
    expect((await nextEvent(second)).kind).toBe('READY');

    // Two subscriptions open, one slot: a mutation and a query still run.
    const actor = small.actors[0]!;
    await setLevel(small.project.id, actor.id, 'MOTEUR');
    const patch = await nextEvent(first);
    expect(patch.kind).toBe('PATCH');
    expect(patch.nodes.map((n) => n.id)).toEqual([actor.id]);
    expect(patch.nodes[0]!.data.engagement).toBe('MOTEUR');
    expect(patch.edges).toEqual([]);
    expect(patch.removedIds).toEqual([]);
    expect((await nextEvent(second)).nodes.map((n) => n.id)).toEqual([actor.id]);
    const conflictId = await addConflict(false, 'Le marché contre les paniers');
    const added = await nextEvent(first);
    expect(added.nodes).toEqual([]);
    expect(added.edges.map((e) => [e.id, e.kind])).toEqual([[conflictId, 'CONFLICT']]);

    await endConflict(conflictId);
    const removed = await nextEvent(first);
    expect(removed.removedIds).toEqual([conflictId]);
    expect(removed.nodes).toEqual([]);
    first.close();
    second.close();
  });

  it('sends nothing for a change of another project', async () => {
    const subscription = await live(admin.token, { projectId: small.project.id });
    expect((await nextEvent(subscription)).kind).toBe('READY');
    await setLevel(other.project.id, other.actors[0]!.id, 'PARTICIPANT');
    await expect(subscription.next(3000)).rejects.toThrow(/no subscription event/);
    subscription.close();
  });

  it('redacts each subscriber as its reads are: a wall link never receives a confidential item', async () => {
    const wallFeed = await live(wall, { projectId: small.project.id, hide: true });
    const reviewerFeed = await live(reviewer.token, { projectId: small.project.id });
    const reviewerHidden = await live(reviewer.token, { projectId: small.project.id, hide: true });
    for (const feed of [wallFeed, reviewerFeed, reviewerHidden]) expect((await nextEvent(feed)).kind).toBe('READY');

    const secretId = await addConflict(true, 'Note confidentielle du maire');
    // The reviewer reads confidential items (ADR 0004): the conflict reaches them, with its note…
    const seen = await nextEvent(reviewerFeed);
    expect(seen.edges.map((e) => e.id)).toEqual([secretId]);
    expect(seen.edges[0]!.data.note).toBe('Note confidentielle du maire');
    // …unless they asked for the workshop view; a wall link never gets it, nor learns it exists.
    await setLevel(small.project.id, small.actors[1]!.id, 'COOPERANT');
    for (const feed of [wallFeed, reviewerHidden]) {
      const event = await nextEvent(feed);
      expect(event.nodes.map((n) => n.id)).toEqual([small.actors[1]!.id]);
      expect(event.edges).toEqual([]);
      expect(feed.raw()).not.toContain(secretId);
      expect(feed.raw()).not.toContain('Note confidentielle');
    }
    expect((await nextEvent(reviewerFeed)).nodes.map((n) => n.id)).toEqual([small.actors[1]!.id]);
    await endConflict(secretId);
    for (const feed of [wallFeed, reviewerFeed, reviewerHidden]) feed.close();
  });

  it('lets a wall link follow its own project only, and no anonymous caller', async () => {
    const elsewhere = await live(wall, { projectId: other.project.id, hide: true });
    const refused = await elsewhere.next(EVENT_TIMEOUT_MS);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused)).not.toContain('Projet de test');
    const anonymous = await live(null, { projectId: small.project.id });
    expect((await anonymous.next(EVENT_TIMEOUT_MS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    elsewhere.close();
    anonymous.close();
  });

  it('catches up after a cut: RESET with the whole map when the change log holds later changes', async () => {
    const actor = small.actors[2]!;
    const before = await actorNode(small.project.id, actor.id);
    // The wall held the map read at `asOf`; the project changes while it is away.
    await setLevel(small.project.id, actor.id, 'PARTICIPANT');
    const back = await live(wall, { projectId: small.project.id, hide: true, since: before.asOf });
    const reset = await nextEvent(back);
    expect(reset.kind).toBe('RESET');
    expect(reset.nodes.find((n) => n.id === actor.id)?.data.engagement).toBe('PARTICIPANT');
    expect(reset.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(small.actors.map((a) => a.id)));
    back.close();
    // Nothing recorded after `since` (with the margin for commits in flight): no RESET.
    const later = new Date(Date.now() + 5 * 60_000).toISOString();
    const quiet = await live(wall, { projectId: small.project.id, hide: true, since: later });
    expect((await nextEvent(quiet)).kind).toBe('READY');
    quiet.close();
  });
});

/** A state as comparable data: entities by id, each with its version and values. */
function comparable(state: ProjectState) {
  const entities = [...state.entities].sort((a, b) => a.id.localeCompare(b.id));
  return entities.map((e) => ({ id: e.id, type: e.type, version: e.version, projectId: e.projectId, values: e.values }));
}

/** A map as comparable data: elements sorted by id. */
function comparableMap(map: { nodes: { id: string }[]; edges: { id: string }[] }) {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { nodes: [...map.nodes].sort(byId), edges: [...map.edges].sort(byId) };
}

/** Ids of the entities whose changes were recorded after `since` (what the bus notices carry). */
async function changedAfter(since: Date): Promise<Set<string>> {
  const rows = await graph.read((tx) =>
    tx.run('MATCH (c:Change) WHERE c.recordedAt > datetime({epochMillis: toInteger($t)}) RETURN DISTINCT c.entityId AS id', {
      t: since.getTime(),
    }),
  );
  return new Set(rows.records.map((r) => r.get('id') as string));
}

describe('reading only the changed entities (refreshProjectState)', () => {
  it('gives the state a whole read gives, edit after edit', async () => {
    const project = small.project.id;
    let state = await graph.read((tx) => readProjectState(tx, project, null));
    const steps: (() => Promise<unknown>)[] = [
      () => setLevel(project, small.actors[0]!.id, 'CONCERNE'),
      () => addConflict(false, 'Le marché contre la cantine'),
      () => addConflict(true, 'Un conflit confidentiel'),
      async () => {
        const actor = small.actors[1]!;
        const renamed = await gql(
          'mutation($id: ID!, $v: Int!) { updateActor(id: $id, version: $v, patch: { name: "Association renommée" }) { id } }',
          { id: actor.id, v: state.byId.get(actor.id)!.version },
        );
        expect(renamed.errors).toBeUndefined();
      },
      () => endConflict([...conflictVersions.keys()].at(-1)!),
      () => endConflict([...conflictVersions.keys()].at(-2)!),
    ];
    for (const step of steps) {
      const since = new Date(Date.now() - 1);
      await step();
      const ids = await changedAfter(new Date(since.getTime() - 1000));
      expect(ids.size).toBeGreaterThan(0);
      const [refreshed, whole] = await graph.read(async (tx) => [
        await refreshProjectState(tx, state, ids),
        await readProjectState(tx, project, null),
      ]);
      expect(refreshed).not.toBeNull();
      expect(comparable(refreshed!)).toEqual(comparable(whole!));
      expect(comparableMap(buildProjectMap(refreshed!))).toEqual(comparableMap(buildProjectMap(whole!)));
      state = refreshed!;
    }
    // The project itself changed: only a whole read can tell.
    expect(await graph.read((tx) => refreshProjectState(tx, state, new Set([project])))).toBeNull();
  });

  it("keeps each subscriber's map equal to its own projectMap query through edits, confidential ones included", async () => {
    type Element = { id: string; data: Record<string, unknown> };
    const roles = [
      { secret: admin.token, hide: false },
      { secret: wall, hide: true },
      { secret: reviewer.token, hide: true },
      { secret: pilot.token, hide: false },
    ];
    const feeds = await Promise.all(roles.map((role) => live(role.secret, { projectId: small.project.id, hide: role.hide })));
    const held = new Map<number, { nodes: Map<string, Element>; edges: Map<string, Element> }>();
    const query = async (i: number) => {
      const result = await gqlAs<{ projectMap: { nodes: Element[]; edges: Element[] } }>(
        app,
        roles[i]!.secret,
        'query($id: ID!, $hide: Boolean) { projectMap(projectId: $id, hideConfidential: $hide) { nodes { id kind label parent entityVersion data } edges { id kind source target label data } } }',
        { id: small.project.id, hide: roles[i]!.hide },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.projectMap;
    };
    for (const [i, feed] of feeds.entries()) {
      expect((await nextEvent(feed)).kind).toBe('READY');
      const map = await query(i);
      held.set(i, { nodes: new Map(map.nodes.map((n) => [n.id, n])), edges: new Map(map.edges.map((e) => [e.id, e])) });
    }
    const secret = await addConflict(true, 'Accord secret');
    await setLevel(small.project.id, small.actors[2]!.id, 'MOTEUR');
    await endConflict(secret);
    await setLevel(small.project.id, small.actors[2]!.id, 'COOPERANT');
    for (const [i, feed] of feeds.entries()) {
      const mine = held.get(i)!;
      // Until the last edit shows: every event applied as the wall applies it.
      for (;;) {
        const event = await nextEvent(feed);
        for (const id of event.removedIds) {
          mine.nodes.delete(id);
          mine.edges.delete(id);
        }
        for (const node of event.nodes) mine.nodes.set(node.id, node as Element);
        for (const edge of event.edges) mine.edges.set(edge.id, edge as Element);
        if (mine.nodes.get(small.actors[2]!.id)?.data.engagement === 'COOPERANT') break;
      }
      const map = await query(i);
      expect(comparableMap({ nodes: [...mine.nodes.values()], edges: [...mine.edges.values()] })).toEqual(comparableMap(map));
      if (roles[i]!.secret === wall || roles[i]!.hide) expect(feed.raw()).not.toContain('Accord secret');
      feed.close();
    }
  });
});

const FOLLOW = `subscription($projectId: ID!) { projection(projectId: $projectId) { projectId state { milestoneId date focusId } } }`;
const SET = `mutation($p: ID!, $m: ID, $d: Date, $f: ID) { setProjection(projectId: $p, milestoneId: $m, date: $d, focusId: $f) { projectId date focusId } }`;

describe('projection sessions', () => {
  it('the pilot drives, the walls follow; a wall link cannot drive', async () => {
    type Follow = { projection: { state: { milestoneId: string | null; date: string | null; focusId: string | null } | null } };
    const follow = subscribeSse<Follow>(base, wall, FOLLOW, { projectId: small.project.id });
    open.push(follow as SseSubscription);
    expect((await follow.next(EVENT_TIMEOUT_MS)).data?.projection.state).toBeNull();

    const focusId = small.actors[0]!.id;
    const set = await gqlAs(app, pilot.token, SET, { p: small.project.id, d: '2019-06-01', f: focusId });
    expect(set.errors).toBeUndefined();
    expect((await follow.next(EVENT_TIMEOUT_MS)).data?.projection.state).toEqual({
      milestoneId: null,
      date: '2019-06-01',
      focusId,
    });

    const refused = await gqlAs(app, wall, SET, { p: small.project.id, d: '2019-06-02' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A wall that connects later gets the current state first.
    const late = subscribeSse<Follow>(base, wall, FOLLOW, { projectId: small.project.id });
    open.push(late as SseSubscription);
    expect((await late.next(EVENT_TIMEOUT_MS)).data?.projection.state?.date).toBe('2019-06-01');

    expect(
      (await gqlAs(app, pilot.token, 'mutation($p: ID!) { endProjection(projectId: $p) }', { p: small.project.id })).errors,
    ).toBeUndefined();
    expect((await follow.next(EVENT_TIMEOUT_MS)).data?.projection.state).toBeNull();
    follow.close();
    late.close();
  });

  it('a focus on a confidential item reaches a wall link as null', async () => {
    const secretId = await addConflict(true, 'Tension confidentielle');
    type Follow = { projection: { state: { focusId: string | null } | null } };
    const follow = subscribeSse<Follow>(base, wall, FOLLOW, { projectId: small.project.id });
    const own = subscribeSse<Follow>(base, reviewer.token, FOLLOW, { projectId: small.project.id });
    open.push(follow as SseSubscription, own as SseSubscription);
    await follow.next(EVENT_TIMEOUT_MS);
    await own.next(EVENT_TIMEOUT_MS);
    await gqlAs(app, pilot.token, SET, { p: small.project.id, f: secretId });
    expect((await own.next(EVENT_TIMEOUT_MS)).data?.projection.state?.focusId).toBe(secretId);
    expect((await follow.next(EVENT_TIMEOUT_MS)).data?.projection.state?.focusId).toBeNull();
    expect(follow.raw()).not.toContain(secretId);
    await gqlAs(app, pilot.token, 'mutation($p: ID!) { endProjection(projectId: $p) }', { p: small.project.id });
    await endConflict(secretId);
    follow.close();
    own.close();
  });
});

/** Well below the feed's lifetime (10 minutes): the stream ends because of the revocation. */
const ENDS_WITHIN_MS = 5_000;

function endsWithin(subscription: SseSubscription, ms: number): Promise<'ended' | 'still open'> {
  return Promise.race([
    subscription.ended.then(() => 'ended' as const),
    new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms)),
  ]);
}

describe('revoked credentials', () => {
  it('revoking a wall link ends its open streams at once, and it cannot reconnect', async () => {
    const { token, info } = await createWallLink(graph, {
      projectId: small.project.id,
      name: 'Mur à révoquer',
      createdBy: admin.user.id,
    });
    const map = await live(token, { projectId: small.project.id, hide: true });
    expect((await nextEvent(map)).kind).toBe('READY');
    const follow = subscribeSse(base, token, FOLLOW, { projectId: small.project.id });
    open.push(follow);
    await follow.next(EVENT_TIMEOUT_MS);
    // Another wall link of the same project keeps its stream.
    const kept = await live(wall, { projectId: small.project.id, hide: true });
    expect((await nextEvent(kept)).kind).toBe('READY');

    const revoked = await gql('mutation($id: ID!) { revokeWallLink(id: $id) { id revokedAt } }', { id: info.id });
    expect(revoked.errors).toBeUndefined();
    // The last event says why (the client stops there instead of reconnecting to be refused), naming nothing.
    const last = await map.next(ENDS_WITHIN_MS);
    expect(last.data ?? null).toBeNull();
    expect(last.errors?.[0]).toMatchObject({
      message: 'ce lien mural a été révoqué : demandez un nouveau lien à la personne qui pilote le projet',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect((await follow.next(ENDS_WITHIN_MS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await endsWithin(map as SseSubscription, ENDS_WITHIN_MS)).toBe('ended');
    expect(await endsWithin(follow, ENDS_WITHIN_MS)).toBe('ended');
    expect(await endsWithin(kept as SseSubscription, 500)).toBe('still open');

    const again = await live(token, { projectId: small.project.id, hide: true });
    expect((await again.next(EVENT_TIMEOUT_MS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The other link still receives edits.
    await setLevel(small.project.id, small.actors[0]!.id, 'PARTICIPANT');
    expect((await nextEvent(kept)).kind).toBe('PATCH');
    kept.close();
    again.close();
  });

  it('signing out ends the streams opened with that session only', async () => {
    const session = await createTestSession(graph, admin.user.id);
    const other = await createTestSession(graph, admin.user.id);
    const cookie = (secret: string) => ({ cookie: `trame_session=${secret}`, 'x-trame-csrf': '1' });
    const mine = subscribeSse<{ projectLive: LiveEvent }>(base, null, LIVE, { projectId: small.project.id }, cookie(session));
    const theirs = subscribeSse<{ projectLive: LiveEvent }>(base, null, LIVE, { projectId: small.project.id }, cookie(other));
    open.push(mine as SseSubscription, theirs as SseSubscription);
    expect((await nextEvent(mine)).kind).toBe('READY');
    expect((await nextEvent(theirs)).kind).toBe('READY');

    const out = await fetch(`${base}/auth/deconnexion`, { method: 'POST', headers: cookie(session) });
    expect(out.status).toBe(204);
    expect((await mine.next(ENDS_WITHIN_MS)).errors?.[0]).toMatchObject({
      message: 'la session a été fermée : connectez-vous à nouveau',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await endsWithin(mine as SseSubscription, ENDS_WITHIN_MS)).toBe('ended');
    expect(await endsWithin(theirs as SseSubscription, 500)).toBe('still open');
    theirs.close();
  });
});
