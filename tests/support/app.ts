import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '@trame/api';
import type { Graph } from '@trame/graph';
import { launchBrowser } from './browser.ts';
import { testGraph } from './graph.ts';
import { actAs, gql, gqlAs, type GqlResult } from './http.ts';
import { createTestAdmin, createTestSession, type TestUser } from './principals.ts';

/** The test file's app and graph, set by `beforeAll` (read them inside tests and hooks only). */
export interface TestApp {
  graph: Graph;
  app: FastifyInstance;
  /** The administrator (« Pilote de test ») the fixture created; `gql` runs as them. */
  admin: TestUser;
  /** One GraphQL operation through `inject` (no port), as the administrator. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** One GraphQL operation as `secret` (a personal token or wall link secret), or anonymously (null). */
  gqlAs<T = Record<string, unknown>>(
    secret: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>>;
}

export interface BrowserApp extends TestApp {
  browser: Browser;
  /** The listening app's address, e.g. `http://127.0.0.1:43127`. */
  base: string;
  /**
   * A page at the viewport (1920×1080 by default), French, with page errors printed, in its own
   * browser context: signed in as the administrator (a session cookie), or anonymous with
   * `signedIn: false`.
   */
  newPage(options?: { width?: number; height?: number; signedIn?: boolean }): Promise<Page>;
}

type AppOverrides = Partial<Omit<AppOptions, 'graph'>>;

/** The administrator the fixtures sign in as: changes are attributed to this display name. */
export const TEST_USER = { name: 'Pilote de test' };

function lateBound<T extends object>(): T {
  return new Proxy({} as T, {
    get(target, key) {
      if (!(key in target)) throw new Error(`test fixture: « ${String(key)} » is read before beforeAll ran`);
      return Reflect.get(target, key);
    },
  });
}

/**
 * Registers `beforeAll`/`afterAll` for a test file that talks to the app through `inject`: a
 * Graph on the run's Neo4j and an app without web pages or GraphiQL. Call at the top of the file.
 */
export function useTestApp(overrides: AppOverrides = {}): TestApp {
  const fixture = lateBound<TestApp>();
  const state = {} as TestApp;
  beforeAll(async () => {
    state.graph = testGraph();
    state.app = await buildApp({ graph: state.graph, webDir: null, graphiql: false, ...overrides });
    state.admin = await createTestAdmin(state.graph, TEST_USER.name);
    actAs(state.app, state.admin);
    state.gql = (query, variables = {}) => gql(state.app, query, variables);
    state.gqlAs = (secret, query, variables = {}) => gqlAs(state.app, secret, query, variables);
    Object.assign(fixture, state);
  });
  afterAll(async () => {
    await state.app?.close();
    await state.graph?.close();
  });
  return fixture;
}

/**
 * Registers `beforeAll`/`afterAll` for a browser test: the app serving the built web app
 * (`npm run build -w web` first; `npm test` does it) on a free port, and Debian's Chromium.
 */
export function useBrowserApp(overrides: AppOverrides = {}): BrowserApp {
  const fixture = lateBound<BrowserApp>();
  const state = {} as BrowserApp;
  const closing: Promise<unknown>[] = [];
  beforeAll(async () => {
    state.graph = testGraph();
    state.app = await buildApp({ graph: state.graph, ...overrides });
    state.base = await state.app.listen({ port: 0, host: '127.0.0.1' });
    state.browser = await launchBrowser();
    state.admin = await createTestAdmin(state.graph, TEST_USER.name);
    actAs(state.app, state.admin);
    state.gql = (query, variables = {}) => gql(state.app, query, variables);
    state.gqlAs = (secret, query, variables = {}) => gqlAs(state.app, secret, query, variables);
    state.newPage = async ({ width = 1920, height = 1080, signedIn = true } = {}) => {
      const context: BrowserContext = await state.browser.newContext({
        viewport: { width, height },
        acceptDownloads: true,
        locale: 'fr-FR',
      });
      if (signedIn) {
        const session = await createTestSession(state.graph, state.admin.user.id);
        await context.addCookies([{ name: state.app.sessionCookie.name, value: session, url: state.base }]);
      }
      const page = await context.newPage();
      // The page owns its context: closing the page closes both. The close is awaited before the
      // browser closes (afterAll), so it never rejects after the browser is gone.
      page.on('close', () => closing.push(context.close().catch(() => undefined)));
      page.on('pageerror', (error) => console.error(`page error: ${error.message}\n${error.stack ?? ''}`));
      return page;
    };
    Object.assign(fixture, state);
  });
  afterAll(async () => {
    await Promise.all(closing);
    await state.browser?.close();
    await state.app?.close();
    await state.graph?.close();
  });
  return fixture;
}

/** Registers `beforeAll`/`afterAll` for a test file that needs only a Graph on the run's Neo4j. */
export function useTestGraph(): { graph: Graph } {
  const fixture = lateBound<{ graph: Graph }>();
  let graph: Graph | undefined;
  beforeAll(() => {
    graph = testGraph();
    Object.assign(fixture, { graph });
  });
  afterAll(async () => {
    await graph?.close();
  });
  return fixture;
}
