import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { useBrowserApp } from '../support/app.ts';

// The DGS's review of a territory and the analysis of a project, read like a DGS would, on the
// demo map (loaded by the global setup). Other test files may add to the demo projects meanwhile:
// the checks below hold whatever they add today.

const t = useBrowserApp();

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  // As the fixture's administrator (the API answers signed-in callers only).
  const body = await t.gql<T>(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const AMAP_CONFLICT = [
  'Renforcer l’attractivité commerciale du centre-ville',
  'Offrir une gamme diversifiée à ses adhérents',
] as const;

describe('the DGS review of a territory', () => {
  it('Malaunay: the AMAP conflict among the tensions, sorted by intensity, exported as CSV', async () => {
    const page = await t.newPage();
    // From the home page, as a DGS arrives.
    await page.goto(t.base);
    await page.getByRole('region', { name: 'Malaunay', exact: true }).getByRole('link', { name: 'Revue du territoire' }).click();
    await page.waitForURL(`${t.base}/territoires/ter-malaunay/revue`);
    expect(await page.locator('h1').textContent()).toContain('Revue du territoire');

    const tensions = page.getByRole('region', { name: 'Tensions', exact: true });
    const table = tensions.locator('table');
    await table.waitFor({ timeout: 30_000 });
    const amap = table.locator('tbody tr').filter({ hasText: AMAP_CONFLICT[0] }).filter({ hasText: AMAP_CONFLICT[1] });
    expect(await amap.count()).toBe(1);
    expect(await amap.getByRole('link').getAttribute('href')).toBe('/projets/prj-marche');
    expect(await amap.textContent()).toContain('AMAP de Malaunay');
    expect(await amap.textContent()).toContain('Maire de Malaunay');
    expect(await amap.textContent()).toMatch(/Arbitré|Mis au travail|Identifié|Persistant|Dépassé/); // a French status label

    // Sort by intensity: most intense first, then the other way round.
    const intensity = table.getByRole('columnheader', { name: /Intensité/ });
    expect(await intensity.getAttribute('aria-sort')).toBe('none');
    const values = async () => (await table.locator('tbody tr .intensity-value').allTextContents()).map(Number);
    await intensity.getByRole('button').click();
    expect(await intensity.getAttribute('aria-sort')).toBe('descending');
    const descending = await values();
    expect(descending.length).toBeGreaterThanOrEqual(5);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await intensity.getByRole('button').click();
    expect(await intensity.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await values();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    // Sorting by age takes over the sort marker.
    const age = table.getByRole('columnheader', { name: /Depuis l’identification/ });
    await age.getByRole('button').click();
    expect(await age.getAttribute('aria-sort')).toBe('descending');
    expect(await intensity.getAttribute('aria-sort')).toBe('none');

    // The CSV French Excel opens: BOM, semicolons, the AMAP conflict with its project.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tensions.getByRole('button', { name: 'Exporter CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^revue-malaunay-tensions-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Conflit (objectifs);Projet;Intensité;Statut;Identifié le;Depuis l’identification;Statut depuis le;Dans le statut actuel;Acteurs',
    );
    const row = lines.find((line) => line.startsWith(`${AMAP_CONFLICT[0]} ↔ ${AMAP_CONFLICT[1]};`));
    expect(row).toBeDefined();
    expect(row!.split(';')[1]).toBe('Marché de producteurs et AMAP');

    // Progress since a milestone: the choice goes into the URL, and a reload reopens it.
    const progress = page.getByRole('region', { name: 'Chemin parcouru' });
    await progress.getByLabel('Depuis le jalon').selectOption('mil-marche-atelier-reflexif');
    await page.waitForURL(/depuis=mil-marche-atelier-reflexif/);
    const marche = progress.locator('[data-project="prj-marche"]');
    await expect.poll(() => marche.textContent(), { timeout: 30_000 }).toMatch(/conflits? arbitrés?/);
    expect(await marche.textContent()).toMatch(/arrivées? d’acteurs?|engagement gagné/);
    await page.reload();
    await marche.waitFor({ timeout: 30_000 });
    expect(await progress.getByLabel('Depuis le jalon').inputValue()).toBe('mil-marche-atelier-reflexif');
    expect(await page.locator('.review-dateline').textContent()).toContain('Atelier réflexif');
    await page.screenshot({ path: screenshotPath('review-malaunay'), fullPage: true });
    await page.close();
  });

  it('Loos-en-Gohelle: each declared ecosystem of the Archipel nourricier has a matching coalition (Jaccard ≥ 0.5)', async () => {
    const { project } = await api<{ project: { ecosystems: { id: string; name: string }[] } }>(
      '{ project(id: "prj-archipel") { ecosystems { id name } } }',
    );
    expect(project.ecosystems.length).toBeGreaterThanOrEqual(2);
    const page = await t.newPage();
    await page.goto(`${t.base}/territoires/ter-loos-en-gohelle/revue`);
    const coalitions = page.getByRole('region', { name: 'Coalitions et écosystèmes déclarés' });
    await coalitions.locator('.ecosystems-table').waitFor({ timeout: 30_000 });
    for (const ecosystem of project.ecosystems) {
      const row = coalitions.locator(`tr[data-ecosystem="${ecosystem.id}"]`);
      expect(await row.locator('th').textContent()).toBe(ecosystem.name);
      expect(await row.textContent()).toMatch(/Coalition \d+/);
      const jaccard = Number(await row.getAttribute('data-jaccard'));
      expect(jaccard, ecosystem.name).toBeGreaterThanOrEqual(0.5);
    }
    expect(await coalitions.locator('.coalition-card').count()).toBeGreaterThanOrEqual(2);
    // The term carries its « ? » help (TermHelp.tsx) before the figure.
    expect(await coalitions.locator('.modularity').textContent()).toMatch(/^Modularité\?? \d,\d\d — /);
    await page.screenshot({ path: screenshotPath('review-loos'), fullPage: true });
    await page.close();
  });
});

describe('the analysis of a project', () => {
  it('the Malaunay market in December 2018: the strongest divergence is between the AMAP and the mayor', async () => {
    const page = await t.newPage();
    await page.goto(`${t.base}/projets/prj-marche/analyse?date=2018-12-01`);
    const heatmap = page.getByTestId('heatmap-divergence');
    await heatmap.locator('td[data-value]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.review-dateline').textContent()).toContain('1 décembre 2018');
    expect(await heatmap.locator('caption').textContent()).toBe('Divergences entre acteurs (2DAA)');

    const cells = await heatmap.locator('td[data-value]').evaluateAll((tds) =>
      tds.map((td) => ({
        row: (td as HTMLElement).dataset.row ?? '',
        col: (td as HTMLElement).dataset.col ?? '',
        value: Number((td as HTMLElement).dataset.value),
      })),
    );
    const max = Math.max(...cells.map((c) => c.value));
    expect(max).toBeGreaterThan(0);
    const strongest = cells.filter((c) => c.value === max);
    expect(strongest).toHaveLength(2); // the matrix is symmetric
    for (const cell of strongest) expect([cell.row, cell.col].sort()).toEqual(['AMAP de Malaunay', 'Maire de Malaunay']);
    expect(await heatmap.locator('td.strongest').count()).toBe(2);
    expect(await page.getByTestId('heatmap-divergence-strongest').textContent()).toMatch(/AMAP de Malaunay ↔ Maire de Malaunay/);
    // Rows and columns are labelled.
    expect(await heatmap.locator('th[scope="row"]').allTextContents()).toContain('AMAP de Malaunay');
    expect(await heatmap.locator('th[scope="col"]').allTextContents()).toContain('Maire de Malaunay');

    // The divergence graph (Cytoscape) draws the edge; at the top threshold it is the only one left.
    const edges = () =>
      page.evaluate(() => {
        const cy = (
          window as unknown as { __trameAnalysisCy?: Record<string, { edges(): { map<T>(f: (e: { id(): string }) => T): T[] } }> }
        ).__trameAnalysisCy?.divergence;
        return cy ? cy.edges().map((e) => e.id()) : [];
      });
    await expect.poll(edges, { timeout: 10_000 }).toContain('act-malaunay-amap~act-malaunay-maire');
    const threshold = page.locator('.actor-graph-divergence input[type="range"]');
    await threshold.fill(String(max));
    await expect.poll(edges).toEqual(['act-malaunay-amap~act-malaunay-maire']);
    expect(await page.locator('.actor-graph-divergence output').textContent()).toContain('1 lien');

    // The influence plane and the balance of power are drawn, one point and one bar per actor.
    const actors = await heatmap.locator('th[scope="row"]').count();
    expect(await page.locator('.plane-point').count()).toBe(actors);
    expect(await page.locator('.power-bars li').count()).toBe(actors);
    await page.screenshot({ path: screenshotPath('analysis-marche-2018'), fullPage: true });

    // The order is part of the URL, like the date.
    await page.getByRole('radio', { name: 'k = 3' }).check();
    await page.waitForURL(/ordre=3/);
    expect(page.url()).toContain('date=2018-12-01');
    await expect.poll(() => heatmap.locator('caption').textContent()).toBe('Divergences entre acteurs (3DAA)');
    await page.close();
  });

  it('says so in words when a project cannot be read', async () => {
    const page = await t.newPage();
    await page.goto(`${t.base}/projets/prj-inconnu/analyse`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Impossible de charger les données');
    expect(await alert.getByRole('button', { name: 'Réessayer' }).count()).toBe(1);
    await page.close();
  });
});
