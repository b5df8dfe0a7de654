import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { readLabels, type LabelReport } from '../support/labels.ts';

// Issue 13 part 7: at the default fit on a 1440×900 laptop, no label is drawn below 12 px on
// screen (font size × zoom, as Cytoscape renders it), and at least half of the actors' and
// objectives' names are shown, on every demo project.

const t = useBrowserApp();

const DEMO_PROJECTS = ['prj-marche', 'prj-archipel', 'prj-batiments', 'prj-exposition', 'prj-fifty', 'prj-gaz-fibre', 'prj-ose'];

/** Waits for the map to stop moving (the opening layout and fit), then reads what is drawn. */
async function labelReport(page: Page): Promise<LabelReport> {
  let last = '';
  for (let i = 0; i < 80; i++) {
    const now = await page.evaluate(() => {
      const cy = (
        window as unknown as { __trameCy?: { zoom(): number; pan(): { x: number; y: number }; nodes(): { length: number } } }
      ).__trameCy;
      return cy && cy.nodes().length > 0 ? JSON.stringify([cy.zoom(), cy.pan()]) : '';
    });
    if (now && now === last) break;
    last = now;
    await page.waitForTimeout(500);
  }
  return readLabels(page);
}

describe('readable maps', () => {
  it.each(DEMO_PROJECTS)('%s at 1440×900: no label under 12 px, at least half the names shown', async (projectId) => {
    const page = await t.newPage({ width: 1440, height: 900 });
    await page.goto(`${t.base}/projets/${projectId}`);
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
    const report = await labelReport(page);
    const small = report.shown.filter((l) => l.px < 12);
    console.info(
      `${projectId}: zoom ${report.zoom.toFixed(2)}, names ${report.namesShown}/${report.names}, ` +
        `smallest ${Math.min(...report.shown.map((l) => l.px)).toFixed(1)} px`,
    );
    expect(report.names).toBeGreaterThan(0);
    expect(small).toEqual([]);
    expect(report.namesShown * 2).toBeGreaterThanOrEqual(report.names);
    // No toast appears when the map is merely opened (« Disposition enregistrée » was one).
    expect(await page.locator('.toast').count()).toBe(0);
    await page.screenshot({ path: screenshotPath(`labels-${projectId}`) });
    await page.close();
  });
});
