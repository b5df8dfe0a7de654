import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { expectWords, LAPTOP, openProject, select } from '../support/editor.ts';
import { uniqueId } from '../support/graph.ts';

// Issue 13 part 3, as a pilot meets it at 1440×900 on a project of their own: « Mettre fin » with
// a date earlier than the element's last change is offered as a correction of that change's date
// (like an edit), and in the English UI a refusal the server makes reads in English.

const t = useBrowserApp();

async function gqlData<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await t.gql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** A project from 2024 with an actor and an objective created on 15 Jan. 2024 and renamed on 1 Jan. 2025. */
async function projectWithRenamedObjective(): Promise<{ projectId: string; objectiveId: string; title: string }> {
  const { createTerritory } = await gqlData<{ createTerritory: { id: string } }>(
    `mutation($n: String!) { createTerritory(input: { name: $n, code: "27", kind: COMMUNE }, validFrom: "2024-01-01") { id } }`,
    { n: `Val-Correctif ${uniqueId('t')}` },
  );
  const { createProject } = await gqlData<{ createProject: { id: string } }>(
    `mutation($t: ID!) { createProject(input: { territoryId: $t, name: "Chaufferie bois" }, validFrom: "2024-01-01") { id } }`,
    { t: createTerritory.id },
  );
  const { createActor } = await gqlData<{ createActor: { id: string } }>(
    `mutation($t: ID!) { createActor(input: { territoryId: $t, name: "Scierie du val", kind: ENTREPRISE }, validFrom: "2024-01-01") { id } }`,
    { t: createTerritory.id },
  );
  await gqlData(
    `mutation($a: ID!, $p: ID!) { createEngagement(input: { actorId: $a, projectId: $p, level: MOTEUR }, validFrom: "2024-01-01") { id } }`,
    { a: createActor.id, p: createProject.id },
  );
  const { createObjective } = await gqlData<{ createObjective: { id: string; version: number } }>(
    `mutation($p: ID!, $a: ID!) { createObjective(input: { projectId: $p, actorId: $a, title: "Bois local", dimensions: [ECONOMIQUE], nature: MATERIEL }, validFrom: "2024-01-15") { id version } }`,
    { p: createProject.id, a: createActor.id },
  );
  const title = 'Bois local en circuit court';
  await gqlData(
    `mutation($id: ID!, $v: Int!, $title: String!) { updateObjective(id: $id, version: $v, patch: { title: $title }, validFrom: "2025-01-01") { id } }`,
    { id: createObjective.id, v: createObjective.version, title },
  );
  return { projectId: createProject.id, objectiveId: createObjective.id, title };
}

async function objectiveChanges(projectId: string, objectiveId: string) {
  const data = await gqlData<{ projectTimeline: { changes: { op: string; validFrom: string; fields: string[] }[] } }>(
    `query($p: ID!, $e: ID!) { projectTimeline(projectId: $p, entityId: $e) { changes { op validFrom fields } } }`,
    { p: projectId, e: objectiveId },
  );
  return data.projectTimeline.changes;
}

describe('dates before the last change', () => {
  it('« Mettre fin » dated before the last change is offered as a correction, and the correction ends it there', async () => {
    const { projectId, objectiveId, title } = await projectWithRenamedObjective();
    const page = await t.newPage(LAPTOP);
    await openProject(page, t.base, projectId);
    await select(page, objectiveId, title);
    const panel = page.locator('aside.side-panel');
    await panel.getByRole('button', { name: 'Mettre fin' }).click();
    await panel.getByLabel('Date d’effet').fill('2024-09-01');
    await panel.getByRole('button', { name: 'Mettre fin' }).click();

    const offer = panel.locator('.correction-offer');
    await offer.waitFor({ timeout: 15_000 });
    const text = await offer.textContent();
    expect(text).toContain(`Objectif « ${title} » a été saisi(e) au 1 janv. 2025`);
    expect(text).toContain('la fin s’applique à cette date');
    expect(text).toContain('1 sept. 2024');
    expectWords(text);
    await offer.getByRole('button', { name: 'Corriger la saisie du 1 janv. 2025' }).click();

    // Re-dated to 1 Sept. 2024 (the correction), then ended there: both recorded, in one go.
    await expect
      .poll(async () => (await objectiveChanges(projectId, objectiveId)).map((c) => [c.op, c.validFrom.slice(0, 10)]), {
        timeout: 15_000,
      })
      .toEqual([
        ['END', '2024-09-01'],
        ['UPDATE', '2024-09-01'],
        ['UPDATE', '2025-01-01'],
        ['CREATE', '2024-01-15'],
      ]);
    await expect.poll(() => page.locator('.correction-offer').count(), { timeout: 10_000 }).toBe(0);
    expect(await panel.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('in English, a refusal the server makes reads in English, with the element’s label and dates in words', async () => {
    const { projectId, objectiveId, title } = await projectWithRenamedObjective();
    const page = await t.newPage(LAPTOP);
    await page.addInitScript(() => localStorage.setItem('trame.lang', 'en'));
    await openProject(page, t.base, projectId);
    await select(page, objectiveId, title);
    const panel = page.locator('aside.side-panel');
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    await panel.getByLabel('Title').fill('Bois du val');
    // Before the creation itself (15 Jan. 2024): offered as a correction, then refused by the server.
    await panel.getByLabel('Effective date').fill('2023-06-01');
    await panel.getByRole('button', { name: 'Save' }).click();
    const offer = panel.locator('.correction-offer');
    await offer.waitFor({ timeout: 15_000 });
    expect(await offer.textContent()).toContain('This date precedes the latest entry');
    await offer.getByRole('button', { name: 'Correct the entry of 1 Jan 2025' }).click();

    const refusal = panel.locator('p.error[role="alert"]');
    await refusal.waitFor({ timeout: 15_000 });
    const message = (await refusal.textContent()) ?? '';
    expect(message).toBe(
      `Error: The effective date (1 Jun 2023) is also before the entry before the latest one of the objective “${title}” (15 Jan 2024): only the latest entry (1 Jan 2025) can be corrected.`,
    );
    expect(message).not.toMatch(/précède|saisie|l'objectif/);
    expectWords(message);
    await page.screenshot({ path: screenshotPath('editor-refusal-en') });
    // Nothing changed.
    expect((await objectiveChanges(projectId, objectiveId)).map((c) => c.op)).toEqual(['UPDATE', 'CREATE']);
    await page.close();
  });
});
