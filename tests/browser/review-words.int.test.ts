import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';

// Words in the English UI: a pilot who chose English gets English validation messages and
// accessible names, not the French ones (issue 13, part 11).

const t = useBrowserApp();

/** French words the project page and its forms used in aria-labels and messages. */
const FRENCH =
  /\b(Panneau|Carte des acteurs|fil d’Ariane|obligatoire|doit être|Fermer|Rechercher|Ajouter|Annuler|Légende|Jalons)\b/i;

describe('the English UI', () => {
  it('shows an English validation message and no French accessible name on a form error', async () => {
    const page = await t.newPage({ width: 1440, height: 900 });
    await page.addInitScript(() => localStorage.setItem('trame.lang', 'en'));
    await page.goto(`${t.base}/projets/prj-marche`);
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor({ timeout: 90_000 });
    const panel = page.locator('aside.side-panel');
    await panel.getByRole('button', { name: 'Objective', exact: true }).click();
    await panel.getByLabel('Title').fill('   ');
    await panel.getByRole('button', { name: 'Create' }).click();
    const alert = panel.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toBe('Title is required.');

    const labels = await page.locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((label) => FRENCH.test(label))).toEqual([]);
    expect(await page.getByRole('img', { name: 'Actor map' }).count()).toBe(1);
    expect(await page.getByRole('complementary', { name: 'Panel' }).count()).toBeGreaterThanOrEqual(1);
    const errors = await page.locator('.field-error, [role="alert"]').allTextContents();
    expect(errors.filter((text) => FRENCH.test(text))).toEqual([]);

    // A conflict set to « Arbitrated » asks for its arbitration at once, before « Create ».
    await page.keyboard.press('Escape');
    await panel.getByRole('button', { name: 'Conflict', exact: true }).click();
    await panel.getByLabel('Status').selectOption('ARBITRE');
    await expect
      .poll(() => panel.locator('.field-error').allTextContents())
      .toContain('An arbitrated conflict must describe its arbitration: fill in “Arbitration”.');
    await page.close();
  });
});
