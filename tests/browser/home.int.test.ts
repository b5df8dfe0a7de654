import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import type { Graph } from '@trame/graph';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { buildSmallProject, type SmallProject } from '../support/factories.ts';
import { testGraph } from '../support/graph.ts';

let graph: Graph;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let small: SmallProject;

beforeAll(async () => {
  graph = testGraph();
  small = await buildSmallProject(graph, 1, 1);
  app = await buildApp({ graph }); // serves web/dist, built by `npm test`
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await graph?.close();
});

describe('in a browser', () => {
  it('the home page lists territories and their projects, in French', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    const territoryName = String(small.territory.values.name);
    await page.getByRole('heading', { name: territoryName }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('region', { name: territoryName, exact: true }).textContent()).toContain('Projet de test');
    await page.screenshot({ path: screenshotPath('home'), fullPage: true });
    await page.close();
  });

  it('GraphiQL works offline: its editor renders with no outside request', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith(`blob:${base}`)) outside.push(url);
    });
    await page.goto(`${base}/graphql`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('graphiql') });
    expect(outside).toEqual([]);
    await page.close();
  });
});
