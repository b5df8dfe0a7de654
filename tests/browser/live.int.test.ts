/**
 * Live updates in the browser (issue 14 part 4, ADR 0010): an editor page and a wall page
 * (a wall link, nobody signed in) on a project of their own. The editor changes an actor's
 * engagement and adds a conflict: the wall's Cytoscape holds both within a second of the
 * edit's acknowledgement, without reload, and no node moves. The editor's own map follows
 * another person's edit. A wall cut off the network catches up when it comes back. The same
 * with two API processes sharing a real redis-server: the editor on one, the wall on the other.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import type { Graph } from '@trame/graph';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { buildSmallProject, type SmallProject } from '../support/factories.ts';
import { testGraph } from '../support/graph.ts';
import { gqlAs } from '../support/http.ts';
import { createTestAdmin, createTestSession, createTestWallLink, type TestUser } from '../support/principals.ts';
import { startDisposableRedis, type DisposableRedis } from '../support/redis.ts';

/** The promise: the wall holds the change within a second of the edit's acknowledgement. */
const LIVE_WITHIN_MS = 1000;

let graph: Graph;
let browser: Browser;
let redis: DisposableRedis;
let admin: TestUser;
const apps: FastifyInstance[] = [];
/** solo: one process, in-process bus; a and b: two processes sharing Redis. */
const bases: Record<'solo' | 'a' | 'b', string> = { solo: '', a: '', b: '' };
const pages: Page[] = [];

async function startApp(redisUrl: string | null): Promise<string> {
  const app = await buildApp({ graph, redisUrl });
  apps.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

beforeAll(async () => {
  graph = testGraph();
  redis = await startDisposableRedis();
  bases.solo = await startApp(null);
  bases.a = await startApp(redis.url);
  bases.b = await startApp(redis.url);
  browser = await launchBrowser();
  admin = await createTestAdmin(graph, 'Pilote de test');
});

afterAll(async () => {
  for (const page of pages)
    await page
      .context()
      .close()
      .catch(() => undefined);
  await browser?.close();
  for (const app of apps) await app.close();
  await redis?.stop();
  await graph?.close();
});

async function newPage(base: string, signedIn: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  if (signedIn) {
    const session = await createTestSession(graph, admin.user.id);
    await context.addCookies([{ name: apps[0]!.sessionCookie.name, value: session, url: base }]);
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  pages.push(page);
  return page;
}

type Positions = Record<string, { x: number; y: number }>;

/** Every node's position on the page's canvas. */
function positions(page: Page): Promise<Positions> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __trameCy: { nodes(): { id(): string; position(): { x: number; y: number } }[] } })
      .__trameCy;
    const out: Record<string, { x: number; y: number }> = {};
    for (const node of cy.nodes()) out[node.id()] = { ...node.position() };
    return out;
  });
}

/** An element's data field on the page's canvas (undefined when absent). */
function dataOf(page: Page, id: string, field: string): Promise<unknown> {
  return page.evaluate(
    ([id, field]) => {
      const cy = (
        window as unknown as { __trameCy?: { getElementById(id: string): { empty(): boolean; data(k: string): unknown } } }
      ).__trameCy;
      const element = cy?.getElementById(id);
      return !element || element.empty() ? undefined : element.data(field);
    },
    [id, field] as const,
  );
}

/** Waits until `check` holds on the page (polled every animation frame); returns the ms it took. */
async function within(_page: Page, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (await check()) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`not on the page within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/** Runs a GraphQL operation from the editor page, as its signed-in user (session cookie). */
async function fromEditor<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const body = await page.evaluate(
    async ([query, variables]) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-trame-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    [query, variables] as const,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

async function engagementOf(small: SmallProject, actorId: string): Promise<{ id: string; version: number }> {
  const map = await gqlAs<{ projectMap: { nodes: { id: string; data: Record<string, unknown> }[] } }>(
    apps[0]!,
    admin.token,
    'query($id: ID!) { projectMap(projectId: $id) { nodes { id data } } }',
    { id: small.project.id },
  );
  const node = map.data!.projectMap.nodes.find((n) => n.id === actorId)!;
  return { id: String(node.data.engagementId), version: Number(node.data.engagementVersion) };
}

const UPDATE_LEVEL =
  'mutation($id: ID!, $v: Int!, $level: EngagementLevel!) { updateEngagement(id: $id, version: $v, patch: { level: $level }) { id } }';
const CREATE_CONFLICT = `mutation($a: ID!, $b: ID!) {
  createConflict(input: { objectiveAId: $a, objectiveBId: $b, intensity: 3, status: IDENTIFIE, confidential: false }) { id }
}`;

async function openPages(editorBase: string, wallBase: string, small: SmallProject) {
  const secret = await createTestWallLink(graph, small.project.id, admin.user.id);
  const editor = await newPage(editorBase, true);
  await editor.goto(`${editorBase}/projets/${small.project.id}`);
  const wall = await newPage(wallBase, false);
  await wall.goto(`${wallBase}/mur#${secret}`);
  for (const page of [editor, wall]) {
    await within(page, async () => (await dataOf(page, small.actors[0]!.id, 'engagement')) === 'INFORME', 30_000);
    // Subscribed (the READY event arrived).
    await page.waitForFunction(
      () => (window as unknown as { __trameLive?: { connected: boolean } }).__trameLive?.connected,
      null,
      {
        timeout: 30_000,
      },
    );
  }
  return { editor, wall };
}

/** The editor changes an engagement and adds a conflict; the wall holds both within a second, nothing moves. */
async function editorToWall(editorBase: string, wallBase: string, label: string): Promise<void> {
  const small = await buildSmallProject(graph, 3, 2);
  const { editor, wall } = await openPages(editorBase, wallBase, small);
  const before = await positions(wall);
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(5);

  const actor = small.actors[0]!;
  const engagement = await engagementOf(small, actor.id);
  await fromEditor(editor, UPDATE_LEVEL, { id: engagement.id, v: engagement.version, level: 'MOTEUR' });
  const engagementMs = await within(wall, async () => (await dataOf(wall, actor.id, 'engagement')) === 'MOTEUR', 10_000);

  const { createConflict } = await fromEditor<{ createConflict: { id: string } }>(editor, CREATE_CONFLICT, {
    a: small.objectives[0]!.id,
    b: small.objectives[1]!.id,
  });
  const conflictMs = await within(wall, async () => (await dataOf(wall, createConflict.id, 'kind')) === 'CONFLICT', 10_000);
  console.log(
    `live (${label}): engagement on the wall after ${engagementMs.toFixed(0)} ms, conflict after ${conflictMs.toFixed(0)} ms`,
  );
  expect(engagementMs).toBeLessThan(LIVE_WITHIN_MS);
  expect(conflictMs).toBeLessThan(LIVE_WITHIN_MS);

  // Nothing moved: every node, the changed actor included, keeps its place.
  expect(await positions(wall)).toEqual(before);
  // The editor's own map shows its edits too (its own read after the mutation, or the stream).
  await within(editor, async () => (await dataOf(editor, createConflict.id, 'kind')) === 'CONFLICT', 10_000);
  await wall.screenshot({ path: screenshotPath(`live-wall-${label}`) });
}

describe('live updates in the browser', () => {
  it('one process: the wall shows the editor’s edits within a second, without reload, and nothing moves', async () => {
    await editorToWall(bases.solo, bases.solo, 'un-processus');
  });

  it('two API processes with Redis: editor on one, wall on the other', async () => {
    await editorToWall(bases.a, bases.b, 'deux-processus');
  });

  it('the editor follows another person’s edits; a wall offline for a while catches up when back', async () => {
    const small = await buildSmallProject(graph, 3, 2);
    const { editor, wall } = await openPages(bases.a, bases.b, small);
    const before = await positions(wall);

    // Another person (a script with its own token, through the other process) edits.
    const second = small.actors[1]!;
    let engagement = await engagementOf(small, second.id);
    const other = (query: string, variables: Record<string, unknown>) => gqlAs(apps[2]!, admin.token, query, variables);
    expect(
      (await other(UPDATE_LEVEL, { id: engagement.id, v: engagement.version, level: 'PARTICIPANT' })).errors,
    ).toBeUndefined();
    const editorMs = await within(editor, async () => (await dataOf(editor, second.id, 'engagement')) === 'PARTICIPANT', 10_000);
    expect(editorMs).toBeLessThan(LIVE_WITHIN_MS);
    await within(wall, async () => (await dataOf(wall, second.id, 'engagement')) === 'PARTICIPANT', 10_000);

    // The wall loses the network; meanwhile the map changes twice.
    await wall.context().setOffline(true);
    await wall.waitForFunction(() => !(window as unknown as { __trameLive: { connected: boolean } }).__trameLive.connected);
    engagement = await engagementOf(small, second.id);
    expect((await other(UPDATE_LEVEL, { id: engagement.id, v: engagement.version, level: 'MOTEUR' })).errors).toBeUndefined();
    const conflict = await other(CREATE_CONFLICT, { a: small.objectives[0]!.id, b: small.objectives[1]!.id });
    const conflictId = (conflict.data as { createConflict: { id: string } }).createConflict.id;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await dataOf(wall, second.id, 'engagement')).toBe('PARTICIPANT');
    expect(await dataOf(wall, conflictId, 'kind')).toBeUndefined();

    // Back online: it reconnects with the instant of its last state and gets what it missed.
    await wall.context().setOffline(false);
    await within(wall, async () => (await dataOf(wall, second.id, 'engagement')) === 'MOTEUR', 15_000);
    await within(wall, async () => (await dataOf(wall, conflictId, 'kind')) === 'CONFLICT', 15_000);
    expect(await positions(wall)).toEqual(before);
    await wall.screenshot({ path: screenshotPath('live-wall-rattrapage') });
  });
});
