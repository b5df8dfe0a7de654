import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { uniqueId } from '../support/graph.ts';
import { drawn, expectWords, LAPTOP, select, waitForLabel } from '../support/editor.ts';

// Issue 13 parts 2 and 3, as a new municipality would start at 1440×900: a territory, a project,
// a perimeter, actors, an objective, a position and two milestones from the web app only, then
// the comparison; the backdating case; a date earlier than the last change offered as a
// correction of that entry.

const t = useBrowserApp();
async function projectContent(projectId: string) {
  const result = await t.gql<{
    project: {
      territory: { id: string };
      perimeters: { id: string; name: string }[];
      engagements: { actorId: string; level: string; validFrom: string; perimeterId: string | null }[];
      objectives: { id: string; title: string; validFrom: string }[];
      positions: { value: number }[];
      milestones: { name: string; date: string; validFrom: string }[];
    };
  }>(
    `query($id: ID!) { project(id: $id) {
      territory { id } perimeters { id name } engagements { actorId level validFrom perimeterId }
      objectives { id title validFrom } positions { value } milestones { name date validFrom } } }`,
    { id: projectId },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.project;
}

describe('starting from nothing', () => {
  it('territory → project → perimeter → actors → objective → position → milestones → comparison, all from the web app', async () => {
    const page = await t.newPage(LAPTOP);
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const territoryName = `Saint-Essai ${uniqueId('t')}`;
    const projectName = `Cantine bio ${uniqueId('p')}`;

    // The home page: « Nouveau territoire » for the administrator.
    await page.goto(t.base);
    await page.getByRole('link', { name: 'Marché de producteurs et AMAP' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau territoire' }).click();
    const territoryForm = page.getByRole('form', { name: 'Nouveau territoire' });
    await territoryForm.getByLabel('Nom').fill(territoryName);
    await territoryForm.getByLabel('Code').fill('76');
    await territoryForm.getByLabel('Type de territoire').selectOption('COMMUNE');
    await territoryForm.getByLabel('Depuis le').fill('2024-01-01');
    await territoryForm.getByRole('button', { name: 'Créer' }).click();
    const card = page.getByRole('region', { name: territoryName, exact: true });
    await expect.poll(() => page.locator('main').textContent(), { timeout: 20_000 }).toContain(`${territoryName} (76)`);

    // « Nouveau projet » in that territory: its map opens, empty, saying what to do first.
    await card.getByRole('button', { name: 'Nouveau projet' }).click();
    await card.getByLabel('Nom').fill(projectName);
    await card.getByLabel('Depuis le').fill('2024-01-01');
    await card.getByRole('button', { name: 'Créer' }).click();
    const guide = page.getByRole('region', { name: 'Ce projet est vide : par où commencer ?' });
    await guide.waitFor({ timeout: 20_000 });
    const projectId = /\/projets\/([a-z0-9-]+)/.exec(page.url())![1]!;
    expect(await guide.getByRole('button').allTextContents()).toEqual([
      'Ajouter un acteur',
      'Importer une liste',
      'Engager un acteur du territoire',
    ]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('setup-empty-project') });

    const panel = page.locator('aside.side-panel');
    // A perimeter, from « Ajouter ».
    await panel.getByRole('button', { name: 'Périmètre d’enjeux', exact: true }).click();
    await panel.getByLabel('Nom').fill('Cantine bio');
    // The project's first perimeter, from the project's start.
    await panel.getByLabel('Date d’effet').fill('2024-01-01');
    await panel.getByRole('button', { name: 'Créer' }).click();
    await expect.poll(async () => (await projectContent(projectId)).perimeters.length, { timeout: 15_000 }).toBe(1);
    await page.keyboard.press('Escape');

    // The backdating case: `A`, then the engagement's date set to 1 Sept. 2024 — one
    // date for the actor and its engagement, accepted.
    await page.locator('body').press('a');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('field-Actor-name');
    await page.keyboard.type('Cuisine centrale');
    await panel.getByLabel("Type d'acteur").selectOption('SERVICE');
    await panel.getByLabel("Niveau d'engagement").selectOption('MOTEUR');
    await panel.getByLabel("Périmètre d'entrée").selectOption({ label: 'Cantine bio' });
    await panel.getByLabel('Date d’effet').fill('2024-09-01');
    await panel.getByRole('button', { name: 'Créer' }).click();
    const kitchen = await waitForLabel(page, 'Cuisine centrale');
    await page.keyboard.press('Escape');

    // A second actor, today, from the empty state's first step's twin in « Ajouter ».
    await panel.getByRole('button', { name: 'Acteur', exact: true }).click();
    await panel.getByLabel('Nom').fill('Parents d’élèves');
    await panel.getByLabel("Type d'acteur").selectOption('HABITANT');
    await panel.getByLabel("Niveau d'engagement").selectOption('INFORME');
    await panel.getByRole('button', { name: 'Créer' }).click();
    const parents = await waitForLabel(page, 'Parents d’élèves');
    await page.keyboard.press('Escape');

    // An objective of the kitchen, today.
    await panel.getByRole('button', { name: 'Objectif', exact: true }).click();
    await panel.getByLabel('Intitulé').fill('Repas bio et locaux');
    await panel.getByLabel('Acteur porteur').selectOption({ label: 'Cuisine centrale' });
    await panel.getByLabel('Écologique').check();
    await panel.getByRole('button', { name: 'Créer' }).click();
    const objective = await waitForLabel(page, 'Repas bio et locaux');
    await page.keyboard.press('Escape');

    // The parents' position on it.
    await panel.getByRole('button', { name: 'Position', exact: true }).click();
    await panel.getByLabel(/^Acteur/).selectOption({ label: 'Parents d’élèves' });
    await panel.getByLabel(/^Objectif/).selectOption({ label: 'Repas bio et locaux' });
    await panel.getByRole('spinbutton', { name: /^Position/ }).fill('3');
    await panel.getByRole('button', { name: 'Créer' }).click();
    await expect
      .poll(async () => (await drawn(page)).some((e) => e.kind === 'POSITION' && e.data.source === parents.id), {
        timeout: 20_000,
      })
      .toBe(true);
    await page.keyboard.press('Escape');

    // Two milestones: the form asks one date, the milestone's own.
    for (const [name, date] of [
      ['Lancement', '2024-09-15'],
      ['Premier bilan', new Date().toISOString().slice(0, 10)],
    ] as const) {
      await panel.getByRole('button', { name: 'Jalon', exact: true }).click();
      expect(await panel.getByLabel('Date d’effet').count()).toBe(0);
      await panel.getByLabel('Nom').fill(name);
      await panel.getByLabel(/^Date/).fill(date);
      await panel.getByRole('button', { name: 'Créer' }).click();
      await expect
        .poll(async () => (await projectContent(projectId)).milestones.map((m) => m.name), { timeout: 15_000 })
        .toContain(name);
      await page.keyboard.press('Escape');
    }
    const content = await projectContent(projectId);
    expect(content.engagements.find((e) => e.actorId === kitchen.id)).toMatchObject({
      level: 'MOTEUR',
      validFrom: '2024-09-01T00:00:00.000Z',
      perimeterId: content.perimeters[0]!.id,
    });
    expect(content.positions.map((p) => p.value)).toEqual([3]);
    expect(content.milestones.find((m) => m.name === 'Lancement')?.validFrom.slice(0, 10)).toBe('2024-09-15');

    // Compare the two milestones: the map at the launch had the kitchen only.
    await page.getByLabel('Du jalon').selectOption({ label: 'Lancement (15 septembre 2024)' });
    await page.locator('.compare-summary').waitFor({ timeout: 20_000 });
    expect(page.url()).toContain('compare=');
    // Since the launch: the parents, their engagement, the objective and the position; counted in
    // words. Polled: the summary shows as soon as a comparison is read, before the chosen one is.
    await expect
      .poll(async () => (await page.locator('.compare-summary').textContent())?.trim(), { timeout: 20_000 })
      .toBe('En tout : 4 ajouts, 0 modification, 0 fin.');
    expectWords(await page.locator('.compare-summary').textContent());
    await page.screenshot({ path: screenshotPath('setup-compare') });

    // The home page: the project with its last change, who and when, in French.
    await page.goto(t.base);
    const homeCard = page.getByRole('region', { name: territoryName, exact: true });
    await homeCard.getByRole('link', { name: projectName }).waitFor();
    const cardText = await homeCard.textContent();
    expect(cardText).toContain('1 projet');
    expect(cardText).toMatch(/dernière modification par .+ le \d{1,2} \S+ \d{4}/);
    expectWords(cardText);
    // The screenshot shows the new territory's card, below the demo's.
    await homeCard.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('setup-home') });
    void objective;
    await page.close();
  });

  it('an edit dated before the latest entry is offered as « Corriger la saisie du … », and the correction works', async () => {
    const page = await t.newPage(LAPTOP);
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    // A project started in 2024, an actor from 1 Sept. 2024, an objective entered today.
    const territory = await t.gql<{ createTerritory: { id: string } }>(
      `mutation($n: String!) { createTerritory(input: { name: $n, code: "22", kind: COMMUNE }, validFrom: "2024-01-01") { id } }`,
      { n: `Le Test ${uniqueId('t')}` },
    );
    const territoryId = territory.data!.createTerritory.id;
    const project = await t.gql<{ createProject: { id: string } }>(
      `mutation($t: ID!) { createProject(input: { territoryId: $t, name: "Gaz et fibre" }, validFrom: "2024-01-01") { id } }`,
      { t: territoryId },
    );
    const projectId = project.data!.createProject.id;
    const actor = await t.gql<{ createActor: { id: string } }>(
      `mutation($t: ID!) { createActor(input: { territoryId: $t, name: "Régie d'énergie", kind: ENTREPRISE }, validFrom: "2024-09-01") { id } }`,
      { t: territoryId },
    );
    const actorId = actor.data!.createActor.id;
    await t.gql(
      `mutation($a: ID!, $p: ID!) { createEngagement(input: { actorId: $a, projectId: $p, level: MOTEUR }, validFrom: "2024-09-01") { id } }`,
      { a: actorId, p: projectId },
    );
    const created = await t.gql<{ createObjective: { id: string } }>(
      `mutation($p: ID!, $a: ID!) { createObjective(input: { projectId: $p, actorId: $a, title: "Tranchées mutualisées", dimensions: [ECONOMIQUE], nature: MATERIEL }) { id } }`,
      { p: projectId, a: actorId },
    );
    const objectiveId = created.data!.createObjective.id;

    await page.goto(`${t.base}/projets/${projectId}`);
    await waitForLabel(page, 'Tranchées mutualisées');
    const panel = page.locator('aside.side-panel');
    await select(page, objectiveId, 'Tranchées mutualisées');
    await panel.getByRole('button', { name: 'Modifier', exact: true }).click();
    await panel.getByLabel('Intitulé').fill('Tranchées gaz et fibre mutualisées');
    await panel.getByLabel('Date d’effet').fill('2024-09-01');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();

    const offer = panel.locator('.correction-offer');
    await offer.waitFor({ timeout: 15_000 });
    const today = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(),
    );
    const text = await offer.textContent();
    expect(text).toContain('« Tranchées mutualisées »');
    expect(text).toContain('1 sept. 2024');
    expectWords(text);
    await page.screenshot({ path: screenshotPath('setup-correction-offer') });
    await offer.getByRole('button', { name: `Corriger la saisie du ${today}` }).click();

    await expect
      .poll(async () => (await projectContent(projectId)).objectives.find((o) => o.id === objectiveId), { timeout: 15_000 })
      .toMatchObject({ title: 'Tranchées gaz et fibre mutualisées', validFrom: '2024-09-01T00:00:00.000Z' });
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('Tranchées gaz et fibre mutualisées');
    await page.close();
  });
});
