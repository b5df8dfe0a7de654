import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { at, build, buildSmallProject } from '../support/factories.ts';
import { useBrowserApp } from '../support/app.ts';

// A pilot imports the actor list kept in a spreadsheet, through the project page's dialog.

const t = useBrowserApp();

async function actorLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (
      window as unknown as { __trameCy?: { nodes(): { map<T>(f: (n: { data(): Record<string, unknown> }) => T): T[] } } }
    ).__trameCy;
    return cy
      ? cy
          .nodes()
          .map((n) => n.data())
          .filter((d) => d.kind === 'ACTOR')
          .map((d) => String(d.label))
      : [];
  });
}

/** As French Excel saves « CSV UTF-8 (délimité par des virgules) »: a BOM, semicolons, CRLF. */
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

describe('importing actors from a spreadsheet', () => {
  it('a pilot previews a CSV, fixes the bad row, imports, and sees the actors on the map', async () => {
    const small = await buildSmallProject(t.graph, 1, 0);
    await build(t.graph, 'Perimeter', { projectId: small.project.id, name: 'Cantine bio' }, { validFrom: at('2018-01-01') });
    const page = await t.newPage({ width: 1600, height: 1000 });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${t.base}/projets/${small.project.id}`);
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
    await expect.poll(() => actorLabels(page)).toEqual(['Acteur 1']);

    await page.getByRole('button', { name: 'Importer des acteurs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer des acteurs depuis un tableur' });
    await dialog.waitFor();

    // The template, for pilots who start from nothing.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Télécharger le modèle CSV' }).click(),
    ]);
    expect(readFileSync((await template.path())!, 'utf8')).toMatch(/^\uFEFFNom;Type;Description;Engagement;Rôle;Périmètre\r\n/);

    // A first file with a level nobody knows: the row is shown in error, nothing can be imported.
    const header = 'Nom;Type;Engagement;Rôle;Périmètre';
    const rows = [
      'Collectif des Glycines;Habitants;Participant;Riverains du marché;Cantine bio',
      'Les Anges Gardins;Association;Coopérant;;',
      'acteur 1;Association;Moteur;;',
    ];
    const fileInput = dialog.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'acteurs.csv',
      mimeType: 'text/csv',
      buffer: csv([header, ...rows, 'Club ELEMIAH;Association;Très motivé;;']),
    });
    await dialog.locator('tr.invalid[data-line="5"]').waitFor();
    await expect
      .poll(() => dialog.getByRole('alert').first().textContent())
      .toContain(
        "Niveau d'engagement : « Très motivé » n’est pas reconnu (valeurs possibles : Concerné non impliqué, Informé, Participant, Coopérant, Moteur)",
      );
    expect(await dialog.locator('tr.invalid').count()).toBe(1);
    expect(await dialog.getByRole('button', { name: /^Importer \d+ acteurs?$/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('import-preview-error') });

    // The corrected file: three to import, one already engaged (skipped).
    await fileInput.setInputFiles({
      name: 'acteurs.csv',
      mimeType: 'text/csv',
      buffer: csv([header, ...rows, 'Club ELEMIAH;Association;Informé;;']),
    });
    await dialog.getByText('3 nouveaux acteurs, 0 acteur déjà connu du territoire, 1 ligne ignorée').waitFor();
    expect(await dialog.locator('tr.invalid').count()).toBe(0);
    await expect.poll(() => dialog.locator('tr[data-line="4"]').textContent()).toContain('déjà engagé');
    await dialog.getByRole('button', { name: 'Importer 3 acteurs' }).click();
    await dialog.getByText('Import terminé : 3 acteurs créés et 0 acteur repris, engagés dans le projet.').waitFor();
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });

    await expect
      .poll(() => actorLabels(page).then((labels) => labels.sort()), { timeout: 20_000 })
      .toEqual(['Acteur 1', 'Club ELEMIAH', 'Collectif des Glycines', 'Les Anges Gardins']);
    await page.keyboard.press('f');
    await page.waitForTimeout(600);
    await page.screenshot({ path: screenshotPath('import-done') });
    await page.close();
  });
});
