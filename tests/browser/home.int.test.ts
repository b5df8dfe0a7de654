import { beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { buildSmallProject, type SmallProject } from '../support/factories.ts';
import { useBrowserApp } from '../support/app.ts';

let small: SmallProject;

const t = useBrowserApp();
beforeAll(async () => {
  small = await buildSmallProject(t.graph, 1, 1);
});

describe('in a browser', () => {
  it('the home page lists territories and their projects, in French', async () => {
    const page = await t.newPage({ width: 1280, height: 900 });
    await page.goto(t.base);
    const territoryName = String(small.territory.values.name);
    await page.getByRole('heading', { name: territoryName }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('region', { name: territoryName, exact: true }).textContent()).toContain('Projet de test');
    await page.screenshot({ path: screenshotPath('home'), fullPage: true });
    await page.close();
  });

  it('GraphiQL works offline: its editor renders with no outside request', async () => {
    const page = await t.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(t.base) && !url.startsWith('data:') && !url.startsWith(`blob:${t.base}`)) outside.push(url);
    });
    await page.goto(`${t.base}/graphql`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('graphiql') });
    expect(outside).toEqual([]);
    await page.close();
  });
});
