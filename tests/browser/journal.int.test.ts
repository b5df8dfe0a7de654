import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_USER, useBrowserApp } from '../support/app.ts';
import { createPilot } from '../support/principals.ts';
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

/**
 * The journal's entries in words; when there are none, what the panel says instead (loading, an
 * error, nothing matches), so that a poll that times out tells why.
 */
async function listedOrState(journal: Locator): Promise<string[]> {
  const listed = await journal.locator('.journal-entry .journal-what').allTextContents();
  if (listed.length > 0) return listed;
  const state = await journal.locator('.journal-list ~ *, .hint:not(.small), [role="alert"]').allTextContents();
  return [`(aucune entrée) ${state.join(' | ')}`];
}

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

  it('filters by author — every author of the log, not only those of the page read — combined with type and element', async () => {
    // A project of its own: a pilot's two changes, then more than a page of the administrator's.
    const territoryId = await create('Territory', { name: `Commune ${uniqueId('a')}`, code: '76', kind: 'COMMUNE' });
    const ownProject = await create('Project', { territoryId, name: 'Vergers partagés' });
    const mayor = await create('Actor', { territoryId, name: 'Mairie des vergers', kind: 'ELU' });
    const engagementId = await create('Engagement', { actorId: mayor, projectId: ownProject, level: 'MOTEUR' });
    const pilot = await createPilot(t.graph, ownProject, 'Animatrice des vergers');
    const byPilot = await t.gqlAs<{ createObjective: { id: string } }>(
      pilot.token,
      `mutation($p: ID!, $a: ID!) { createObjective(input: { projectId: $p, actorId: $a, title: "Potager pédagogique", dimensions: [SOCIAL], nature: MATERIEL }, validFrom: "2024-02-01") { id } }`,
      { p: ownProject, a: mayor },
    );
    expect(byPilot.errors).toBeUndefined();
    const pilotObjective = byPilot.data!.createObjective.id;
    const adminObjective = await create('Objective', {
      projectId: ownProject,
      actorId: mayor,
      title: 'Verger conservatoire',
      dimensions: ['ECOLOGIQUE'],
      nature: 'MATERIEL',
    });
    let version = 1;
    for (let i = 1; i <= 26; i += 1) {
      const updated = await t.gql<{ updateEngagement: { version: number } }>(
        `mutation($id: ID!, $v: Int!, $role: String!) { updateEngagement(id: $id, version: $v, patch: { role: $role }) { version } }`,
        { id: engagementId, v: version, role: `Réunion ${i}` },
      );
      expect(updated.errors).toBeUndefined();
      version = updated.data!.updateEngagement.version;
    }

    const page = await t.newPage(LAPTOP);
    await page.goto(`${t.base}/projets/${ownProject}`);
    await expect.poll(() => actorIds(page), { timeout: 20_000 }).toContain(mayor);
    await page.getByRole('button', { name: 'Journal', exact: true }).click();
    const journal = page.getByRole('complementary', { name: 'Journal des changements' });
    await journal.locator('.journal-entry').first().waitFor({ timeout: 20_000 });
    const metas = () => journal.locator('.journal-entry .journal-meta').allTextContents();
    // The first page is the administrator's alone; the author filter still offers the pilot.
    expect((await metas()).every((m) => m.startsWith(`par ${TEST_USER.name}`))).toBe(true);
    const author = journal.getByLabel('Auteur');
    await expect
      .poll(() => author.locator('option').allTextContents(), { timeout: 20_000 })
      .toEqual(['Tous les auteurs', 'Animatrice des vergers', TEST_USER.name]);

    // By author: only the pilot's objective.
    await author.selectOption('Animatrice des vergers');
    await expect.poll(() => listedOrState(journal), { timeout: 20_000 }).toEqual(['Création · Objectif « Potager pédagogique »']);
    expect((await metas()).every((m) => m.startsWith('par Animatrice des vergers'))).toBe(true);

    // With the type: the pilot's objectives still; the administrator's are not listed.
    await journal.getByLabel('Type').selectOption('Objective');
    await expect.poll(() => listedOrState(journal), { timeout: 20_000 }).toEqual(['Création · Objectif « Potager pédagogique »']);
    // With the element: the administrator's objective has no change by the pilot; its own author is offered.
    await journal.getByLabel('Élément').selectOption(adminObjective);
    await journal.getByText('Aucun changement ne correspond à ces filtres.').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => author.locator('option').allTextContents(), { timeout: 20_000 })
      .toEqual(['Tous les auteurs', 'Animatrice des vergers', TEST_USER.name]);
    await author.selectOption('');
    await expect
      .poll(() => listedOrState(journal), { timeout: 20_000 })
      .toEqual(['Création · Objectif « Verger conservatoire »']);
    await journal.getByLabel('Élément').selectOption(pilotObjective);
    await expect
      .poll(() => author.locator('option').allTextContents(), { timeout: 20_000 })
      .toEqual(['Tous les auteurs', 'Animatrice des vergers']);
    expectWords(await journal.textContent());
    await page.close();
  }, 180_000);
});
