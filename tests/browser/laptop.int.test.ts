import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { placeholderWidth, screenshotPath } from '../support/browser.ts';
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

describe('the editor’s header on a laptop', () => {
  for (const screen of [LAPTOP, { width: 1280, height: 800 }]) {
    it(`fits two rows at ${screen.width}×${screen.height}: the links, then one row of tools; the side legend can be read to its end`, async () => {
      const page = await t.newPage(screen);
      await openProject(page, t.base, 'prj-marche');
      const toolbar = page.getByRole('toolbar');
      // One row: every control's top within a few pixels of the first one's.
      const tops = await toolbar.evaluate((bar) =>
        [...bar.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getBoundingClientRect().top),
      );
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
      expect((await toolbar.boundingBox())!.height).toBeLessThan(45);
      // The search field's placeholder shows whole: its text, measured in the field's font, fits the field's content box.
      const search = await placeholderWidth(toolbar.locator('input[type="search"]'));
      expect(search.text, 'placeholder width vs the field').toBeLessThanOrEqual(search.inner);
      // The header: the links with « Piloter les murs », then the toolbar — two rows.
      const header = (await page.locator('.project-header').boundingBox())!;
      expect(header.height).toBeLessThan(100);
      const driving = (await page.getByRole('region', { name: 'Pilotage des murs' }).boundingBox())!;
      expect(driving.y + driving.height).toBeLessThanOrEqual((await toolbar.boundingBox())!.y);
      // The timeline: the date and the comparison of two milestones on one row (a long milestone
      // name is cut in its field, whole in its list).
      const controlTops = await page
        .locator('.timeline-controls')
        .evaluate((row) =>
          [...row.querySelectorAll('input, select, button')]
            .filter((c) => (c as HTMLElement).offsetParent !== null)
            .map((c) => c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2),
        );
      expect(controlTops.length).toBeGreaterThanOrEqual(4);
      expect(Math.max(...controlTops) - Math.min(...controlTops)).toBeLessThan(12);
      // The page itself never scrolls: the side panel does.
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
      await page.screenshot({ path: screenshotPath(`editor-header-${screen.width}`) });

      // Every action is still at hand: the occasional ones in « Plus d’actions ».
      await page.locator('summary', { hasText: 'Plus d’actions' }).click();
      for (const name of ['Importer un tableur', 'Réorganiser', 'Exporter PNG', 'Exporter SVG']) {
        await toolbar.getByRole('button', { name }).waitFor();
      }
      await page.screenshot({ path: screenshotPath(`editor-more-actions-${screen.width}`) });
      await page.keyboard.press('Escape');
      await toolbar.getByRole('button', { name: 'Exporter PNG' }).waitFor({ state: 'hidden' });

      // The legend's last line, brought into view, lies inside the side panel and the screen.
      const panel = page.locator('aside.side-panel');
      const last = panel.locator('.legend li').last();
      await last.scrollIntoViewIfNeeded();
      const item = (await last.boundingBox())!;
      const box = (await panel.boundingBox())!;
      expect(item.y).toBeGreaterThanOrEqual(box.y);
      expect(item.y + item.height).toBeLessThanOrEqual(box.y + box.height + 1);
      expect(item.y + item.height).toBeLessThanOrEqual(screen.height);
      await page.screenshot({ path: screenshotPath(`editor-legend-${screen.width}`) });
      await page.close();
    });
  }
});
