import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { updateEntity, type EntityRecord } from '@trame/graph';
import { at, build, buildSmallProject, TEST_AUTHOR } from '../support/factories.ts';
import { screenshotPath } from '../support/browser.ts';
import { useBrowserApp } from '../support/app.ts';

// The DGS review read on a 1440×900 laptop: the engagement load by quarter, lone actors apart
// from coalitions, tables that fit without horizontal scrolling, and the printed version with
// the map of each project. On a territory built here (its story known), and on the demo.

const t = useBrowserApp();

/** Elements of the review wider than their box (a horizontal scroll), as « selector: scroll > client ». */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) wide.push(`page: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('.review-section, .review-section table, .table-scroll')) {
      if (el.closest('.print-maps')) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        wide.push(
          `${el.tagName.toLowerCase()}#${el.id || el.closest('section')?.getAttribute('aria-labelledby')}: ${el.scrollWidth} > ${el.clientWidth}`,
        );
      }
    }
    return wide;
  });
}

async function buildStory(): Promise<{ territory: EntityRecord; names: string[] }> {
  const graph = t.graph;
  const small = await buildSmallProject(graph, 3, 2);
  const { territory, project, actors, objectives } = small;
  const [a1, a2, a3] = actors as [EntityRecord, EntityRecord, EntityRecord];
  // A second project from 2025: Acteur 1 coopérant there, and moteur in the first from June 2025.
  const second = await build(
    graph,
    'Project',
    { territoryId: territory.id, name: 'Deuxième projet de la commune, au nom assez long pour tenir sur deux lignes' },
    { validFrom: at('2025-01-01') },
  );
  await build(graph, 'Engagement', { actorId: a1.id, projectId: second.id, level: 'COOPERANT' }, { validFrom: at('2025-01-01') });
  const [engagement] = await graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (e:Entity {type: 'Engagement'})-[:LATEST]->(v:Version) WHERE v.actorId = $actor AND v.projectId = $project RETURN e.id AS id, e.version AS version`,
      { actor: a1.id, project: project.id },
    );
    return result.records.map((r) => ({ id: r.get('id') as string, version: Number(r.get('version')) }));
  });
  await graph.write((tx) =>
    updateEntity(
      tx,
      { author: TEST_AUTHOR },
      'Engagement',
      engagement!.id,
      { level: 'MOTEUR' },
      {
        validFrom: at('2025-06-01'),
        expectedVersion: engagement!.version,
      },
    ),
  );
  // Acteur 1 and 2 converge on Objectif 1 (a real coalition); Acteur 3 takes no position: alone.
  await build(graph, 'Position', { actorId: a1.id, objectiveId: objectives[0]!.id, value: 3 }, { validFrom: at('2025-01-01') });
  await build(graph, 'Position', { actorId: a2.id, objectiveId: objectives[0]!.id, value: 2 }, { validFrom: at('2025-01-01') });
  return { territory, names: [a1, a2, a3].map((a) => String(a.values.name)) };
}

describe('the DGS review at 1440×900', () => {
  it('shows the load by quarter, lone actors apart, tables that fit, and each project’s map in print', async () => {
    const { territory, names } = await buildStory();
    const page = await t.newPage({ width: 1440, height: 900 });
    await page.goto(`${t.base}/territoires/${territory.id}/revue`);

    // The load by quarter: Acteur 1, in two projects since Q1 2025, two demanding ones now.
    const load = page.getByRole('region', { name: 'Charge d’engagement par trimestre' });
    const row = load.locator('tbody tr').filter({ hasText: names[0]! });
    await row.waitFor({ timeout: 90_000 });
    const cells = row.locator('td.load-cell');
    const last = cells.last();
    expect(await last.getAttribute('data-projects')).toBe('2');
    expect(await last.getAttribute('data-demanding')).toBe('2');
    expect(await last.getAttribute('aria-label')).toMatch(
      /2 projets, dont 2 coopérant ou moteur \(niveau le plus élevé : Moteur\)/,
    );
    // Before 2025 (the first quarter shown is 2024's first): one project, informé.
    expect(await cells.first().getAttribute('data-projects')).toBe('1');
    expect(await load.locator('thead th').nth(1).textContent()).toMatch(/^T\d \d{4}$/);

    // Coalitions: Acteur 1 and 2 together; Acteur 3 among the lone actors, not a « coalition ».
    const coalitions = page.getByRole('region', { name: 'Coalitions et écosystèmes' });
    const cards = coalitions.locator('.coalition-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(1);
    for (const card of await cards.all()) expect(await card.locator('ul li').count()).toBeGreaterThanOrEqual(2);
    const lone = coalitions.locator('.lone-actors');
    expect(await lone.textContent()).toContain(names[2]!);
    expect(await lone.textContent()).toContain('1 acteur isolé');
    expect(await cards.filter({ hasText: names[2]! }).count()).toBe(0);

    // A MACTOR term explains itself.
    const help = page.getByRole('img', { name: /Modularité — à quel point les coalitions/ });
    expect(await help.count()).toBe(1);

    // No table wider than its box, no page scroll sideways.
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('review-1440-screen'), fullPage: true });

    // Print: each project's map as an image.
    const images = page.locator('.print-map img');
    await expect.poll(() => images.count(), { timeout: 90_000 }).toBe(2);
    await page.emulateMedia({ media: 'print' });
    for (const img of await images.all()) {
      expect(await img.isVisible()).toBe(true);
      expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(500);
      expect(await img.getAttribute('alt')).toMatch(/^Carte du projet /);
    }
    expect(await page.locator('.print-maps figcaption').allTextContents()).toEqual(expect.arrayContaining(['Projet de test']));
    // The glossary prints open (on screen it is folded, and its printed copy hidden).
    const printedGlossary = page.getByRole('region', { name: 'Que veulent dire ces termes ?' });
    expect(await printedGlossary.isVisible()).toBe(true);
    expect(await printedGlossary.locator('li[data-term="r*"]').isVisible()).toBe(true);
    expect(await page.locator('details.glossary').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('review-1440-print'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(await printedGlossary.isVisible()).toBe(false);
    await page.close();
  });

  it('Loos-en-Gohelle (demo): tables fit 1440 px and tension ages read in years and months', async () => {
    const page = await t.newPage({ width: 1440, height: 900 });
    await page.goto(`${t.base}/territoires/ter-loos-en-gohelle/revue`);
    const tensions = page.getByRole('region', { name: 'Tensions', exact: true });
    await tensions.locator('table').waitFor({ timeout: 90_000 });
    await page.getByRole('region', { name: 'Charge d’engagement par trimestre' }).waitFor();
    const ages = await tensions.locator('tbody .age').allTextContents();
    expect(ages.length).toBeGreaterThan(0);
    for (const age of ages) expect(age).toMatch(/^(\d+ ans?( et \d+ mois)?|\d+ mois|\d+ jours?|aujourd’hui)$/);
    expect(await tensions.textContent()).not.toMatch(/\d j\b/);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('review-1440-loos'), fullPage: true });
    await tensions.screenshot({ path: screenshotPath('review-1440-loos-tensions') });
    await page
      .getByRole('region', { name: 'Charge d’engagement par trimestre' })
      .screenshot({ path: screenshotPath('review-1440-loos-load') });
    await page
      .getByRole('region', { name: 'Coalitions et écosystèmes déclarés' })
      .screenshot({ path: screenshotPath('review-1440-loos-coalitions') });
    await page.close();
  });
});

describe('the map sized by a measure of the analysis', () => {
  it('a DGS sizes the actors by r*, and the legend says so', async () => {
    const page = await t.newPage({ width: 1440, height: 900 });
    await page.goto(`${t.base}/projets/prj-marche`);
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor({ timeout: 90_000 });
    await page.locator('details.filters > summary').click();
    const menu = page.getByRole('group', { name: 'Taille des acteurs selon' });
    await menu.getByLabel('le rapport de force r*').check();
    const legend = page.locator('.legend-measure');
    await expect.poll(() => legend.textContent(), { timeout: 20_000 }).toContain('Taille : le rapport de force r*');
    expect(await legend.textContent()).toMatch(/de \d+(,\d+)? \(petit\) à \d+(,\d+)? \(grand\)/);
    await page.screenshot({ path: screenshotPath('map-measure-rstar-1440') });
    await menu.getByLabel('aucune mesure').check();
    await expect.poll(() => legend.count()).toBe(0);
    await page.close();
  });
});
