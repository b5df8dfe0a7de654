import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { buildNamesProject, mapPositions, openMap } from '../support/names-fixtures.ts';
import { createReviewer, createTestSession } from '../support/principals.ts';

// Issue 13 part 9: the project as tables at 1440×900 — sort, filter, edit a position in place
// and see it on the map; read-only for a role that may not edit; and the demo's market project
// as a pilot would first see it (the screenshot).

const t = useBrowserApp();
const LAPTOP = { width: 1440, height: 900 };

async function openTable(page: Page, projectId: string, view?: string): Promise<void> {
  await page.goto(`${t.base}/projets/${projectId}/tableau${view ? `?vue=${view}` : ''}`);
  try {
    await page.locator('table.data-table tbody tr[data-row-id]').first().waitFor({ timeout: 30_000 });
  } catch (error) {
    // Say what the page showed instead of rows (an error, still loading, an empty table).
    const alerts = await page.getByRole('alert').allTextContents();
    const busy = await page.locator('[aria-busy="true"]').count();
    throw new Error(`no table rows after 30 s — alerts: ${JSON.stringify(alerts)}, loading: ${busy}`, { cause: error });
  }
}

const rowNames = (page: Page) => page.locator('table.data-table tbody th').allTextContents();

describe('the table view', () => {
  it('sorts, filters, edits a position cell in place and the map shows it', async () => {
    const built = await buildNamesProject(t, {
      engaged: { 'Conseil citoyen': 'PARTICIPANT', 'Boulangerie Martin': 'INFORME', 'Association des parents': 'MOTEUR' },
      objectives: ['Cantine bio', 'Prix abordables'],
      positions: { 'Conseil citoyen:Cantine bio': 2, 'Boulangerie Martin:Prix abordables': -1 },
    });
    const page = await t.newPage(LAPTOP);
    await openTable(page, built.projectId);
    // Actors, by name (the default order).
    expect(await rowNames(page)).toEqual(['Association des parents', 'Boulangerie Martin', 'Conseil citoyen']);

    // Sort by engagement: concerné … moteur, then the other way.
    const levelHeader = page.getByRole('columnheader', { name: /Engagement/ });
    await levelHeader.getByRole('button').click();
    expect(await levelHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await rowNames(page)).toEqual(['Boulangerie Martin', 'Conseil citoyen', 'Association des parents']);
    await levelHeader.getByRole('button').click();
    expect(await rowNames(page)).toEqual(['Association des parents', 'Conseil citoyen', 'Boulangerie Martin']);

    // Filter: accents and case set aside, on the row's texts (a level's label too).
    const filter = page.getByRole('searchbox');
    await filter.fill('boulangerie');
    expect(await rowNames(page)).toEqual(['Boulangerie Martin']);
    await filter.fill('moteur');
    expect(await rowNames(page)).toEqual(['Association des parents']);
    await filter.fill('');

    // The positions grid: edit « Boulangerie Martin » on « Cantine bio », which it had no position on.
    await page.getByRole('tab', { name: 'Positions' }).click();
    await page.locator('table.data-table tbody tr[data-row-id]').first().waitFor();
    const cell = page.getByRole('button', { name: 'Position de « Boulangerie Martin » sur « Cantine bio »' });
    expect((await cell.textContent())?.trim()).toBe('·');
    await cell.click();
    await page.getByRole('combobox', { name: 'Position de « Boulangerie Martin » sur « Cantine bio »' }).selectOption('3');
    await expect.poll(() => cell.textContent(), { timeout: 15_000 }).toBe('+3');
    // An existing one changed: « Conseil citoyen » on « Cantine bio », 2 → -4.
    const existing = page.getByRole('button', { name: 'Position de « Conseil citoyen » sur « Cantine bio »' });
    await existing.click();
    await page.getByRole('combobox', { name: 'Position de « Conseil citoyen » sur « Cantine bio »' }).selectOption('-4');
    await expect.poll(() => existing.textContent(), { timeout: 15_000 }).toBe('−4');
    // Sorted by the column: the highest position last in ascending order, no position at the end.
    const column = page.getByRole('columnheader', { name: /Cantine bio/ });
    await column.getByRole('button').click();
    expect(await rowNames(page)).toEqual(['Conseil citoyen', 'Boulangerie Martin', 'Association des parents']);

    // A renamed actor, with the form's rule: an empty name is refused in place, nothing sent.
    await page.getByRole('tab', { name: 'Acteurs' }).click();
    await page.getByRole('button', { name: 'Nom · Conseil citoyen' }).click();
    const nameBox = page.getByRole('textbox', { name: 'Nom · Conseil citoyen' });
    await nameBox.fill('   ');
    await nameBox.press('Enter');
    const refusal = page.locator('.cell-editor [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('Le nom est obligatoire');
    await nameBox.press('Escape');

    // The map shows the edited positions.
    const actors = built.actors;
    const cantine = built.objectives['Cantine bio']!;
    await openMap(page, t.base, built.projectId);
    await expect
      .poll(async () => (await mapPositions(page))[`${actors['Boulangerie Martin']}→${cantine}`], { timeout: 15_000 })
      .toBe(3);
    expect((await mapPositions(page))[`${actors['Conseil citoyen']}→${cantine}`]).toBe(-4);
    await page.close();
  }, 240_000);

  it('is read-only for a relecteur of the territory', async () => {
    const built = await buildNamesProject(t, {
      engaged: { 'Conseil citoyen': 'PARTICIPANT' },
      objectives: ['Cantine bio'],
      positions: { 'Conseil citoyen:Cantine bio': 2 },
    });
    const reader = await createReviewer(t.graph, built.territoryId);
    const session = await createTestSession(t.graph, reader.user.id);
    const page = await t.newPage({ ...LAPTOP, signedIn: false });
    await page.context().addCookies([{ name: t.app.sessionCookie.name, value: session, url: t.base }]);
    await openTable(page, built.projectId, 'positions');
    expect(await page.getByText('Lecture seule').count()).toBe(1);
    expect(await page.locator('table.data-table .cell-button').count()).toBe(0);
    expect((await page.locator('table.data-table tbody td').first().textContent())?.trim()).toBe('+2');
    await page.close();
  }, 240_000);

  it('shows the demo market project at 1440×900 (screenshot)', async () => {
    const page = await t.newPage(LAPTOP);
    await openTable(page, 'prj-marche', 'positions');
    await page.screenshot({ path: screenshotPath('table-positions') });
    await page.getByRole('tab', { name: 'Acteurs' }).click();
    await page.locator('table.data-table tbody tr[data-row-id]').first().waitFor();
    await page.screenshot({ path: screenshotPath('table-actors') });
    // Nothing wider than the laptop's window.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1440);
    await page.close();
  }, 240_000);
});
