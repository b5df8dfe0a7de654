import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { at, build, buildSmallProject } from '../support/factories.ts';
import { TEST_USER, useBrowserApp } from '../support/app.ts';

// A pilot imports the map kept in a spreadsheet, through the project page's dialog: the API
// reads the file and previews it, the pilot confirms, the whole file goes in as one change set.

const t = useBrowserApp();

async function nodeLabels(page: Page, kind: string): Promise<string[]> {
  return page.evaluate((kind) => {
    const cy = (
      window as unknown as { __trameCy?: { nodes(): { map<T>(f: (n: { data(): Record<string, unknown> }) => T): T[] } } }
    ).__trameCy;
    return cy
      ? cy
          .nodes()
          .map((n) => n.data())
          .filter((d) => d.kind === kind)
          .map((d) => String(d.label))
      : [];
  }, kind);
}

/** As French Excel saves « CSV UTF-8 (délimité par des virgules) »: a BOM, semicolons, CRLF. */
const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

/** A workbook of two sheets: the actors (one known, with a new level; one new) and the objectives. */
function workbook(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Nom', 'Type', "Niveau d'engagement", 'Pouvoir (1-5)'],
      ['Acteur 1', 'Association', 'Moteur', 4],
      ['Les Anges Gardins', 'Association', 'Coopérant', 2],
    ]),
    'Acteurs',
  );
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Intitulé', 'Dimensions de valeur', 'Nature'],
      ['Cantine bio', 'Social', 'Matériel'],
    ]),
    'Objectifs',
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const TIMELINE = /* GraphQL */ `
  query Timeline($projectId: ID!) {
    projectTimeline(projectId: $projectId, first: 20) { changes { entityType op author fields } }
  }
`;

describe('importing a workbook', () => {
  it('a pilot previews a file with a bad row, then a two-sheet workbook (an update and creations), imports it, and finds it on the map and in the timeline', {
    timeout: 300_000,
  }, async () => {
    const small = await buildSmallProject(t.graph, 1, 0);
    await build(
      t.graph,
      'Perimeter',
      { projectId: small.project.id, name: 'Cantine', description: 'La cantine' },
      { validFrom: at('2018-01-01') },
    );
    const page = await t.newPage({ width: 1600, height: 1000 });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${t.base}/projets/${small.project.id}`);
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
    await expect.poll(() => nodeLabels(page, 'ACTOR')).toEqual(['Acteur 1']);

    await page.locator('summary', { hasText: 'Plus d’actions' }).click(); // the toolbar's menu
    await page.getByRole('button', { name: 'Importer un tableur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer depuis un tableur' });
    await dialog.waitFor();

    // The template, for pilots who start from nothing.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Télécharger le modèle CSV' }).click(),
    ]);
    expect(readFileSync((await template.path())!, 'utf8')).toMatch(/^\uFEFFNom;Type;Description;Engagement;Rôle;Périmètre\r\n/);

    // A file with a level nobody knows: the row is shown in error, with its place; nothing can be imported.
    const fileInput = dialog.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'acteurs.csv',
      mimeType: 'text/csv',
      buffer: csv([
        'Nom;Type;Engagement',
        'Collectif des Glycines;Habitants;Participant',
        'Club ELEMIAH;Association;Très motivé',
      ]),
    });
    await dialog.locator('tr.invalid[data-line="3"]').first().waitFor();
    const alert = await dialog.getByRole('alert').first().textContent();
    expect(alert).toContain('1 problème');
    expect(alert).toContain('ligne 3, colonne « Engagement »');
    expect(alert).toContain('« Très motivé »');
    expect(await dialog.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('import-preview-error') });

    // The workbook: both sheets read, « Pouvoir (1-5) » listed as ignored, an update and creations.
    await fileInput.setInputFiles({
      name: 'carte.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook(),
    });
    const actors = dialog.locator('section[data-sheet="Acteurs"]');
    await actors.locator('tr[data-action="UPDATE"]').waitFor();
    await expect
      .poll(() => actors.locator('tr[data-action="UPDATE"]').first().textContent())
      .toContain("le niveau d'engagement : Informé → Moteur");
    expect(await actors.locator('tr[data-action="CREATE"]', { hasText: 'Les Anges Gardins' }).count()).toBeGreaterThan(0);
    expect(await actors.textContent()).toContain('« Pouvoir (1-5) » (colonne D)');
    const objectives = dialog.locator('section[data-sheet="Objectifs"]');
    expect(await objectives.locator('tr[data-action="CREATE"]', { hasText: 'Cantine bio' }).count()).toBe(1);
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toContain('1 mise à jour');
    await page.screenshot({ path: screenshotPath('import-preview-workbook') });

    await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
    await dialog.getByText(/^Import terminé : .*1 mise à jour.*, en un seul changement\.$/).waitFor();
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });

    await expect
      .poll(() => nodeLabels(page, 'ACTOR').then((labels) => labels.sort()), { timeout: 20_000 })
      .toEqual(['Acteur 1', 'Les Anges Gardins']);
    await expect.poll(() => nodeLabels(page, 'OBJECTIVE')).toEqual(['Cantine bio']);
    await page.keyboard.press('f');
    await page.waitForTimeout(600);
    await page.screenshot({ path: screenshotPath('import-done') });

    // The project's timeline: the import's changes, by the signed-in pilot (the new actor is the
    // territory's: on the map above, its engagement here).
    const timeline = await t.gql<{
      projectTimeline: { changes: { entityType: string; op: string; author: string; fields: string[] }[] };
    }>(TIMELINE, { projectId: small.project.id });
    const mine = timeline.data!.projectTimeline.changes.filter((c) => c.author === TEST_USER.name);
    expect(mine).toContainEqual(expect.objectContaining({ entityType: 'Engagement', op: 'UPDATE', fields: ['level'] }));
    expect(
      mine
        .filter((c) => c.op === 'CREATE')
        .map((c) => c.entityType)
        .sort(),
    ).toEqual(['Engagement', 'Objective']);

    // The project's journal, as the pilot reads it: the update with its from → to, the creations.
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    const journal = page.getByRole('complementary', { name: 'Journal des changements' });
    const update = journal.locator('.journal-entry', { hasText: 'Modification · Engagement « Acteur 1 »' });
    await update.waitFor({ timeout: 20_000 });
    expect(await update.locator('.journal-fields').textContent()).toBe("Niveau d'engagement : Informé → Moteur");
    expect(await update.locator('.journal-meta').textContent()).toContain(TEST_USER.name);
    await journal.locator('.journal-entry', { hasText: 'Création · Objectif « Cantine bio »' }).waitFor();
    await journal.locator('.journal-entry', { hasText: 'Création · Engagement « Les Anges Gardins »' }).waitFor();
    await page.screenshot({ path: screenshotPath('import-journal') });
    await page.close();
  });
});
