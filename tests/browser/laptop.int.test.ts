import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { useBrowserApp } from '../support/app.ts';
import { LAPTOP, openProject } from '../support/editor.ts';

// The editor as a first user meets it on a laptop, on the demo map (loaded by the global setup).

const t = useBrowserApp();

/** What the page writes to its console as warnings or errors, from now on. */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'warning' || message.type() === 'error') problems.push(`${message.type()}: ${message.text()}`);
  });
  return problems;
}

describe('the demo map on a laptop', () => {
  it('« Marché de producteurs » opens with nothing in the console (no edge left undrawable)', async () => {
    const page = await t.newPage(LAPTOP);
    const problems = consoleProblems(page);
    await openProject(page, t.base, 'prj-marche');
    // The first layout, its save and the lists read after the map.
    await page.waitForTimeout(3000);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the home page on the demo data', () => {
  it('names the demo loader « Démonstration de Trame », never the raw login « system »', async () => {
    const page = await t.newPage(LAPTOP);
    await page.goto(t.base);
    const malaunay = page.getByRole('region', { name: 'Malaunay', exact: true });
    await malaunay.waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/par system\b/);
    expect(text).toContain('par Démonstration de Trame');
    await page.screenshot({ path: screenshotPath('home-demo-authors'), fullPage: true });
    await page.close();
  });
});
