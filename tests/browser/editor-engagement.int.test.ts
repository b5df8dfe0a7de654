import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { uniqueId } from '../support/graph.ts';
import { expectWords, LAPTOP, openProject as open, tap } from '../support/editor.ts';

// Issue 13 parts 1, 3 and 5, as a pilot does them on the Malaunay market map at 1440×900: the
// engagement on the actor's panel, a new actor with its engagement in one form and one date,
// engaging an actor of the territory, no orphan on cancel, and no false conflict.

const t = useBrowserApp();
const PROJECT = 'prj-marche';
const OTHER_PROJECT = 'prj-batiments'; // the same territory (Malaunay)
const TERRITORY = 'ter-malaunay';
const openProject = (page: Page, projectId: string) => open(page, t.base, projectId);

async function actorByName(name: string): Promise<{ id: string; validFrom: string } | undefined> {
  const result = await t.gql<{ territory: { actors: { id: string; name: string; validFrom: string }[] } }>(
    `query($id: ID!) { territory(id: $id) { actors { id name validFrom } } }`,
    { id: TERRITORY },
  );
  return result.data?.territory.actors.find((a) => a.name === name);
}

async function engagementOf(actorId: string, projectId = PROJECT) {
  const result = await t.gql<{ project: { engagements: { id: string; actorId: string; level: string; validFrom: string }[] } }>(
    `query($id: ID!) { project(id: $id) { engagements { id actorId level validFrom } } }`,
    { id: projectId },
  );
  return result.data?.project.engagements.find((e) => e.actorId === actorId);
}

describe('the engagement in the editor', () => {
  it('A, a name typed at once, a level and a past date: the actor and its engagement in one go, then its level raised', async () => {
    const page = await t.newPage(LAPTOP);
    await openProject(page, PROJECT);
    const panel = page.locator('aside.side-panel');
    const name = `Collectif des jardins ${uniqueId('t')}`;

    // `A` opens the form with the cursor in « Nom »: the letters typed go there, not to shortcuts (o, l, f…).
    await page.locator('body').press('a');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('field-Actor-name');
    await page.keyboard.type(name);
    expect(await panel.getByLabel('Nom').inputValue()).toBe(name);
    await panel.getByLabel("Type d'acteur").selectOption('ASSOCIATION');
    await panel.getByLabel("Niveau d'engagement").selectOption('PARTICIPANT');
    await panel.getByLabel('Rôle').fill('Anime les ateliers de jardinage');
    // The backdating trap: one date for both, in the past.
    await panel.getByLabel('Date d’effet').fill('2024-09-01');
    await panel.getByRole('button', { name: 'Créer' }).click();

    const section = panel.getByRole('region', { name: 'Engagement dans ce projet' });
    await section.getByText('Participant').first().waitFor();
    const actor = await actorByName(name);
    expect(actor?.validFrom.slice(0, 10)).toBe('2024-09-01');
    const engagement = await engagementOf(actor!.id);
    expect(engagement).toMatchObject({ level: 'PARTICIPANT' });
    expect(engagement!.validFrom.slice(0, 10)).toBe('2024-09-01');
    await expect.poll(() => section.textContent(), { timeout: 15_000 }).toContain('1 sept. 2024');
    expect(await section.textContent()).toContain('Anime les ateliers de jardinage');

    // After the next meeting: coopérant from 15 March 2025 (a past date), on the panel.
    await section.getByRole('button', { name: 'Modifier l’engagement' }).click();
    await section.getByLabel("Niveau d'engagement").selectOption('COOPERANT');
    await section.getByLabel('Date d’effet').fill('2025-03-15');
    await section.getByRole('button', { name: 'Enregistrer' }).click();
    const strip = section.locator('.level-strip');
    await expect.poll(() => strip.textContent(), { timeout: 15_000 }).toContain('15 mars 2025');
    expect(await strip.locator('li').allTextContents()).toEqual([
      expect.stringContaining('Participant1 sept. 2024'),
      expect.stringContaining('Coopérant15 mars 2025'),
    ]);
    await expect
      .poll(
        () =>
          page.evaluate(
            (id) =>
              (window as unknown as { __trameCy: { getElementById(id: string): { data(k: string): unknown } } }).__trameCy
                .getElementById(id)
                .data('engagement'),
            actor!.id,
          ),
        { timeout: 15_000 },
      )
      .toBe('COOPERANT');
    await page.screenshot({ path: screenshotPath('editor-actor-engagement') });

    // A date before that change: offered as a correction of that change's date, in words, with
    // the actor's story's dates, no id nor code; accepted, moteur from 10 Jan. 2025.
    await section.getByRole('button', { name: 'Modifier l’engagement' }).click();
    await section.getByLabel("Niveau d'engagement").selectOption('MOTEUR');
    await section.getByLabel('Date d’effet').fill('2025-01-10');
    await section.getByRole('button', { name: 'Enregistrer' }).click();
    const alert = section.getByRole('alert').first();
    await alert.waitFor();
    const message = await alert.textContent();
    expect(message).toContain('15 mars 2025');
    expect(message).toContain('10 janv. 2025');
    expect(message).toContain(`L’engagement de « ${name} »`);
    expectWords(message);
    await section.getByRole('button', { name: 'Corriger la saisie du 15 mars 2025' }).click();
    await expect
      .poll(() => engagementOf(actor!.id), { timeout: 15_000 })
      .toMatchObject({ level: 'MOTEUR', validFrom: '2024-09-01T00:00:00.000Z' });
    await expect.poll(() => strip.textContent(), { timeout: 15_000 }).toContain('Moteur10 janv. 2025');
    expect(await strip.textContent()).not.toContain('15 mars 2025');
    await page.close();
  });

  it('cancelling a new actor leaves nothing; a refused engagement leaves no actor either', async () => {
    const page = await t.newPage(LAPTOP);
    await openProject(page, PROJECT);
    const panel = page.locator('aside.side-panel');
    const name = `Orphelin ${uniqueId('t')}`;
    await panel.getByRole('button', { name: 'Acteur', exact: true }).click();
    await panel.getByLabel('Nom').fill(name);
    await panel.getByRole('button', { name: 'Annuler' }).click();
    await panel.getByRole('button', { name: 'Acteur', exact: true }).waitFor();
    expect(await actorByName(name)).toBeUndefined();

    // Both or nothing: an engagement the API refuses (dated before the project began, in 2018,
    // while the territory, and so the actor, may exist) takes the actor with it.
    await panel.getByRole('button', { name: 'Acteur', exact: true }).click();
    await panel.getByLabel('Nom').fill(name);
    await panel.getByLabel('Date d’effet').fill('2017-03-01');
    await panel.getByRole('button', { name: 'Créer' }).click();
    const alert = panel.getByRole('alert').first();
    await alert.waitFor();
    expectWords(await alert.textContent());
    expect(await actorByName(name)).toBeUndefined();
    await page.close();
  });

  it('engages an actor of the territory, showing where it is already engaged', async () => {
    const name = `Régie de quartier ${uniqueId('t')}`;
    const created = await t.gql<{ createActor: { id: string } }>(
      `mutation($input: CreateActorInput!) { createActor(input: $input, validFrom: "2023-01-01") { id } }`,
      { input: { territoryId: TERRITORY, name, kind: 'ASSOCIATION' } },
    );
    const actorId = created.data!.createActor.id;
    const elsewhere = await t.gql(
      `mutation($input: CreateEngagementInput!) { createEngagement(input: $input, validFrom: "2023-06-01") { id } }`,
      { input: { actorId, projectId: OTHER_PROJECT, level: 'COOPERANT' } },
    );
    expect(elsewhere.errors).toBeUndefined();
    // The territory's engagement load, as the panel reads it, holds that engagement.
    const load = await t.gql<{ territory: { projects: { id: string; engagements: { actorId: string }[] }[] } }>(
      `query($id: ID!) { territory(id: $id) { id projects { id name engagements { id actorId level } } } }`,
      { id: TERRITORY },
    );
    expect(load.errors).toBeUndefined();
    expect(
      load.data?.territory.projects.find((p) => p.id === OTHER_PROJECT)?.engagements.some((e) => e.actorId === actorId),
    ).toBe(true);

    const page = await t.newPage(LAPTOP);
    await openProject(page, PROJECT);
    const panel = page.locator('aside.side-panel');
    await panel.getByRole('button', { name: 'Engager un acteur du territoire' }).click();
    await panel.getByLabel('Rechercher un acteur du territoire').fill(name.slice(0, 20).toLowerCase());
    const candidate = panel.locator('.engage-candidates li', { hasText: name });
    await expect.poll(() => candidate.textContent(), { timeout: 30_000 }).toMatch(/engagé dans : .*\(coopérant\)/);
    await candidate.getByRole('button').click();
    await panel.getByLabel("Niveau d'engagement").selectOption('INFORME');
    await panel.getByLabel('Date d’effet').fill('2025-02-03');
    await panel.getByRole('button', { name: 'Engager' }).click();
    const section = panel.getByRole('region', { name: 'Engagement dans ce projet' });
    await section.getByText('Informé').first().waitFor({ timeout: 15_000 });
    const engagement = await engagementOf(actorId);
    expect(engagement).toMatchObject({ level: 'INFORME' });
    expect(engagement!.validFrom.slice(0, 10)).toBe('2025-02-03');
    await expect.poll(() => section.textContent(), { timeout: 15_000 }).toContain('3 févr. 2025');
    await page.close();
  });

  it('twenty edit-save cycles in a row: the panel always shows the saved version, never a false conflict', async () => {
    const created = await t.gql<{ createObjective: { id: string } }>(
      `mutation($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }`,
      { input: { projectId: PROJECT, title: `Halle couverte ${uniqueId('o')}`, dimensions: ['SOCIAL'], nature: 'MATERIEL' } },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createObjective.id;
    const page = await t.newPage(LAPTOP);
    await openProject(page, PROJECT);
    await expect
      .poll(
        () =>
          page.evaluate(
            (nodeId) =>
              (window as unknown as { __trameCy: { getElementById(id: string): { length: number } } }).__trameCy.getElementById(
                nodeId,
              ).length,
            id,
          ),
        { timeout: 15_000 },
      )
      .toBe(1);
    await tap(page, id);
    const panel = page.locator('aside.side-panel');
    for (let cycle = 1; cycle <= 20; cycle++) {
      const title = `Halle couverte, version ${cycle}`;
      await panel.getByRole('button', { name: 'Modifier', exact: true }).click();
      await panel.getByLabel('Intitulé').fill(title);
      await panel.getByRole('button', { name: 'Enregistrer' }).click();
      // The panel shows what was just saved, with its new version, at once.
      await panel.getByRole('heading', { name: title }).waitFor({ timeout: 10_000 });
      expect(await panel.textContent()).toContain(`v${cycle + 1}`);
      expect(await panel.getByText('Quelqu’un a modifié cet élément').count()).toBe(0);
      expect(await panel.locator('.error').count()).toBe(0);
    }
    const result = await t.gql<{ project: { objectives: { id: string; title: string; version: number }[] } }>(
      `query($id: ID!) { project(id: $id) { objectives { id title version } } }`,
      { id: PROJECT },
    );
    expect(result.data?.project.objectives.find((o) => o.id === id)).toMatchObject({
      title: 'Halle couverte, version 20',
      version: 21,
    });
    await page.close();
  }, 300_000);
});
