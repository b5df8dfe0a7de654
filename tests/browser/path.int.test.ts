import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';

// Issue 13 part 8: « le chemin parcouru » between two milestones, readable beside the map at
// 1440×900, on the demo's known story.

const t = useBrowserApp();
const LAPTOP = { width: 1440, height: 900 };

async function openComparison(page: Page, projectId: string, from: string, to: string) {
  await page.goto(`${t.base}/projets/${projectId}?compare=${from}..${to}`);
  const panel = page.getByRole('complementary', { name: 'Le chemin parcouru' });
  await panel
    .locator('.path-section')
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async (error: unknown) => {
      await page.screenshot({ path: screenshotPath(`path-${projectId}-not-shown`) });
      throw error;
    });
  return panel;
}

const sectionLines = (panel: ReturnType<Page['locator']>, title: string) =>
  panel.getByRole('region', { name: title }).locator('li').allTextContents();

function expectWords(text: string | null): void {
  expect(text ?? '').not.toMatch(/\b(act|eng|obj|per|prj|cfl|leap)-[a-z0-9-]+/);
  expect(text ?? '').not.toMatch(/\b(INFORME|PARTICIPANT|COOPERANT|MOTEUR|CONCERNE|IDENTIFIE|MIS_AU_TRAVAIL|ARBITRE|DEPASSE)\b/);
  expect(text ?? '').not.toMatch(/\d{4}-\d{2}-\d{2}|\(s\)/);
}

describe('le chemin parcouru', () => {
  it('Malaunay market: the AMAP ↔ town hall conflict arbitrated between the workshop and the council; a click focuses it', async () => {
    const page = await t.newPage(LAPTOP);
    const panel = await openComparison(page, 'prj-marche', 'mil-marche-atelier-reflexif', 'mil-marche-conseil-arbitrage');
    expect(await panel.locator('.path-between').textContent()).toBe(
      'Du 16 oct. 2018 (Atelier réflexif AMAP, producteurs et mairie) au 5 févr. 2019 (Conseil municipal : arbitrage marché et AMAP)',
    );
    const arbitrated = await sectionLines(panel, 'Conflits arbitrés');
    expect(arbitrated).toEqual([
      'Renforcer l’attractivité commerciale du centre-ville ↔ Offrir une gamme diversifiée à ses adhérentsMis au travail → Arbitré',
    ]);
    expectWords(await panel.textContent());
    // The legend of the map's marks is on the map.
    await page.locator('.map-area .diff-legend').getByText('Ajouté').waitFor();

    // A click centres the map on the conflict and highlights it, and the panel stays.
    await panel.getByRole('region', { name: 'Conflits arbitrés' }).getByRole('button').first().click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const cy = (window as unknown as { __trameCy: { getElementById(id: string): { hasClass(c: string): boolean } } })
            .__trameCy;
          return cy.getElementById('cfl-marche-amap-mairie').hasClass('found');
        }),
      )
      .toBe(true);
    expect(await panel.isVisible()).toBe(true);
    // On the map, the marks are outlines: the actors keep their kind colours.
    const marks = await page.evaluate(() => {
      const cy = (
        window as unknown as {
          __trameCy: { nodes(s: string): { map<T>(f: (n: { style(p: string): string; data(k: string): string }) => T): T[] } };
        }
      ).__trameCy;
      return cy
        .nodes('.actor.changed, .actor.added')
        .map((n) => ({ bg: n.style('background-color'), outline: n.style('outline-width') }));
    });
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.outline !== '0px')).toBe(true);
    await page.screenshot({ path: screenshotPath('path-malaunay') });
    await page.close();
  }, 180_000);

  it('Loos-en-Gohelle, Archipel nourricier: the two systemic leaps, and who joined', async () => {
    const page = await t.newPage(LAPTOP);
    const panel = await openComparison(page, 'prj-archipel', 'mil-archipel-bilan-bio', 'mil-archipel-conseil-trames');
    const leaps = await sectionLines(panel, 'Sauts systémiques');
    expect(leaps).toHaveLength(2);
    expect(leaps.some((l) => l.endsWith('→ Bien-vivre alimentaire'))).toBe(true);
    expect(leaps.some((l) => l.endsWith('→ Biodiversité'))).toBe(true);
    expect((await sectionLines(panel, 'Arrivés dans le projet')).length).toBeGreaterThan(3);
    expectWords(await panel.textContent());
    // The timeline bar's summary agrees with the panel, in real plurals.
    expect(await page.locator('.compare-summary').textContent()).toMatch(
      /En tout : \d+ ajouts?, \d+ modifications?, \d+ fins?\./,
    );
    expect(await page.locator('.compare-summary').textContent()).toContain(
      (await panel.locator('.path-totals').textContent())!.trim(),
    );
    await page.screenshot({ path: screenshotPath('path-archipel') });
    await page.close();
  }, 180_000);
});
