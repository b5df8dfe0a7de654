import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { uniqueId } from '../support/graph.ts';
import { expectWords, LAPTOP, tap } from '../support/editor.ts';

// Issue 13 part 6, as a pilot does it at 1440×900: an actor ended by mistake is undone from the
// project's « Journal », and is back on the map; the journal says who did what, in words.

const t = useBrowserApp();
let projectId: string;
let actorId: string;
let actorName: string;

async function create(type: string, input: Record<string, unknown>): Promise<string> {
  const result = await t.gql<Record<string, { id: string }>>(
    `mutation($input: Create${type}Input!) { create${type}(input: $input, validFrom: "2024-01-15") { id } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data![`create${type}`]!.id;
}

beforeAll(async () => {
  const territoryId = await create('Territory', { name: `Commune ${uniqueId('j')}`, code: '76', kind: 'COMMUNE' });
  projectId = await create('Project', { territoryId, name: 'Jardins partagés' });
  actorName = 'Collectif des Glycines';
  actorId = await create('Actor', { territoryId, name: actorName, kind: 'HABITANT' });
  await create('Engagement', { actorId, projectId, level: 'PARTICIPANT' });
  const other = await create('Actor', { territoryId, name: 'Mairie de la commune', kind: 'ELU' });
  await create('Engagement', { actorId: other, projectId, level: 'MOTEUR' });
});

const actorIds = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as unknown as { __trameCy?: { nodes(s: string): { map(f: (n: { id(): string }) => string): string[] } } })
      .__trameCy;
    return cy ? cy.nodes('[kind = "ACTOR"]').map((n) => n.id()) : [];
  });

describe('the journal', () => {
  it('undoes an actor ended by mistake: from the journal, after a confirmation, and the actor is back on the map', async () => {
    const page = await t.newPage(LAPTOP);
    await page.goto(`${t.base}/projets/${projectId}`);
    await expect.poll(() => actorIds(page), { timeout: 20_000 }).toContain(actorId);

    // The mistake: « Mettre fin » on the actor, confirmed.
    // The panel needs the project's lists, read after the map: tap until it shows the actor.
    const panel = page.locator('aside.side-panel');
    await expect
      .poll(
        async () => {
          await tap(page, actorId);
          return panel.getByRole('button', { name: 'Mettre fin' }).count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await panel.getByRole('button', { name: 'Mettre fin' }).click();
    await panel.locator('.confirm-end').getByRole('button', { name: 'Mettre fin' }).click();
    await expect.poll(() => actorIds(page), { timeout: 20_000 }).not.toContain(actorId);

    // The journal: newest first, the actor's end with who and when, in words.
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    const journal = page.getByRole('complementary', { name: 'Journal des changements' });
    const end = journal.locator('.journal-entry', { hasText: `Fin · Acteur « ${actorName} »` });
    await end.waitFor({ timeout: 20_000 });
    const meta = await end.locator('.journal-meta').textContent();
    expect(meta).toMatch(/^par .+ · effectif le \d{1,2} [a-zéû.]+ \d{4} · enregistré le \d{1,2} [a-zéû.]+ \d{4}/);
    // Its cascade: the engagement's end, named by its actor.
    await journal
      .locator('.journal-entry', { hasText: `Fin · Engagement « ${actorName} »` })
      .first()
      .waitFor();
    expectWords(await journal.textContent());

    // Filters: by type, only the actors' changes.
    await journal.getByLabel('Type').selectOption('Actor');
    await expect
      .poll(() => journal.locator('.journal-entry').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Acteur « Mairie de la commune »')]));
    expect((await journal.locator('.journal-entry .journal-what').allTextContents()).every((w) => w.includes('· Acteur «'))).toBe(
      true,
    );
    await journal.getByLabel('Type').selectOption('');

    // Undo, confirmed: the actor comes back on the map.
    await end.getByRole('button', { name: 'Annuler ce changement' }).click();
    await end.getByRole('alertdialog').getByText('l’historique garde l’un et l’autre').waitFor();
    await page.screenshot({ path: screenshotPath('journal-confirm') });
    await end.getByRole('button', { name: 'Oui, annuler' }).click();
    await expect.poll(() => actorIds(page), { timeout: 20_000 }).toContain(actorId);
    // The journal shows the reopenings (the actor's and its engagement's, recorded together) on top.
    await journal.locator('.journal-entry', { hasText: `Réouverture · Acteur « ${actorName} »` }).waitFor({ timeout: 20_000 });
    expect(await journal.locator('.journal-entry .journal-what').first().textContent()).toMatch(/^Réouverture · /);
    await page.screenshot({ path: screenshotPath('journal') });

    // The same end cannot be undone twice: a clear refusal, in French, and nothing changes.
    await end.getByRole('button', { name: 'Annuler ce changement' }).click();
    await end.getByRole('button', { name: 'Oui, annuler' }).click();
    const refusal = await end.getByRole('alert').textContent();
    expect(refusal).toContain(`Ce changement ne peut plus être annulé : « ${actorName} » a changé depuis.`);
    expectWords(refusal);
    expect(await actorIds(page)).toContain(actorId);
    await page.close();
  }, 180_000);

  it('lists an entity’s versions on its panel, with their authors, dates and what changed', async () => {
    const engagement = await t.gql<{ project: { engagements: { id: string; actorId: string; version: number }[] } }>(
      `query($id: ID!) { project(id: $id) { engagements { id actorId version } } }`,
      { id: projectId },
    );
    const eng = engagement.data!.project.engagements.find((e) => e.actorId !== actorId)!;
    const updated = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateEngagement(id: $id, version: $v, patch: { level: COOPERANT }, validFrom: "2025-03-01") { id } }`,
      { id: eng.id, v: eng.version },
    );
    expect(updated.errors).toBeUndefined();
    const page = await t.newPage(LAPTOP);
    await page.goto(`${t.base}/projets/${projectId}`);
    await expect.poll(() => actorIds(page), { timeout: 20_000 }).toContain(eng.actorId);
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    const journal = page.getByRole('complementary', { name: 'Journal des changements' });
    const change = journal.locator('.journal-entry', { hasText: 'Modification · Engagement « Mairie de la commune »' });
    await change.waitFor({ timeout: 20_000 });
    expect(await change.locator('.journal-fields').textContent()).toBe("Niveau d'engagement : Moteur → Coopérant");
    expect(await change.locator('.journal-meta').textContent()).toContain('effectif le 1 mars 2025');
    await page.close();
  }, 180_000);
});
