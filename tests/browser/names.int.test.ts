import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { buildNamesProject, mapActors, mapPositions, openMap, selectActor } from '../support/names-fixtures.ts';

// Issue 13 part 4, as a pilot does it at 1440×900: the near-duplicate warning when creating an
// actor, and using the existing one instead; merging two actors, then the map with one of them
// now and both at a past date.

const t = useBrowserApp();
const LAPTOP = { width: 1440, height: 900 };

async function territoryActors(territoryId: string) {
  const result = await t.gql<{ territory: { actors: { id: string; name: string }[] } }>(
    'query($id: ID!) { territory(id: $id) { actors { id name } } }',
    { id: territoryId },
  );
  return result.data!.territory.actors;
}

async function engagements(projectId: string) {
  const result = await t.gql<{ project: { engagements: { actorId: string; level: string; validFrom: string }[] } }>(
    'query($id: ID!) { project(id: $id) { engagements { actorId level validFrom } } }',
    { id: projectId },
  );
  return result.data!.project.engagements;
}

// Chromium's renderer crashed (« Target crashed ») under this file twice in Node 24 suite runs
// (stop 19, and 2026-12-01 after --disable-dev-shm-usage), never alone. Each test builds its own
// project, so the integration project's one retry (vitest.config.ts) runs it afresh.
describe('names and duplicates', () => {
  it('warns of « Épicerie solidaire du Cailly » while « Epicerie solidaire du Cailly » is typed, and engages the existing actor instead', async () => {
    const epicerie = 'Épicerie solidaire du Cailly';
    const built = await buildNamesProject(t, {
      engaged: { 'Mairie de test': 'MOTEUR' },
      territoryOnly: [epicerie],
      objectives: ['Accès de tous à une alimentation de qualité'],
    });
    const page = await t.newPage(LAPTOP);
    await openMap(page, t.base, built.projectId);
    const panel = page.locator('aside.side-panel');
    await panel.getByRole('button', { name: 'Acteur', exact: true }).click();
    // Typed without the accent, in another case, with a stray dash: still the same actor.
    await panel.getByLabel('Nom').fill('EPICERIE solidaire - du Cailly');
    const notice = panel.locator('.near-duplicate');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain(`Un acteur proche existe déjà : « ${epicerie} » — l’utiliser ?`);
    await panel.getByLabel("Niveau d'engagement").selectOption('PARTICIPANT');
    await panel.getByLabel('Date d’effet').fill('2024-09-01');
    await page.screenshot({ path: screenshotPath('names-near-duplicate') });
    await notice.getByRole('button', { name: `Utiliser l’acteur existant « ${epicerie} »` }).click();

    // No second actor; the existing one is engaged in the project with the form's level and date, and shown.
    await expect.poll(async () => (await engagements(built.projectId)).length, { timeout: 15_000 }).toBe(2);
    const actors = await territoryActors(built.territoryId);
    expect(actors.filter((a) => /cailly/i.test(a.name))).toEqual([{ id: built.actors[epicerie], name: epicerie }]);
    const engagement = (await engagements(built.projectId)).find((e) => e.actorId === built.actors[epicerie]);
    expect(engagement).toMatchObject({ level: 'PARTICIPANT' });
    expect(engagement!.validFrom.slice(0, 10)).toBe('2024-09-01');
    await panel.getByRole('heading', { name: epicerie }).waitFor({ timeout: 15_000 });
    await expect.poll(() => mapActors(page), { timeout: 15_000 }).toContain(built.actors[epicerie]);
    await page.close();
  }, 240_000);

  it('warns when renaming an actor to a near-duplicate', async () => {
    const built = await buildNamesProject(t, {
      engaged: { 'Maison des jeunes et de la culture': 'INFORME', 'MJC centre': 'PARTICIPANT' },
      objectives: ['Des loisirs pour les jeunes'],
    });
    const page = await t.newPage(LAPTOP);
    await openMap(page, t.base, built.projectId);
    await selectActor(page, built.actors['MJC centre']!, 'MJC centre');
    const panel = page.locator('aside.side-panel');
    await panel.getByRole('button', { name: 'Modifier', exact: true }).click();
    await panel.getByLabel('Nom').fill('MAISON des jeunes et de la culture.');
    await expect
      .poll(() => panel.locator('.near-duplicate').textContent(), { timeout: 10_000 })
      .toContain('Un acteur proche existe déjà : « Maison des jeunes et de la culture » — fusionner avec lui ?');
    // Its own name is no duplicate of itself.
    await panel.getByLabel('Nom').fill('MJC centre');
    await expect.poll(() => panel.locator('.near-duplicate').count()).toBe(0);
    await page.close();
  }, 240_000);

  it('merges two actors: one on the map with both positions, both at a past date, one change set', async () => {
    const built = await buildNamesProject(t, {
      engaged: { 'AMAP du Cailly': 'COOPERANT', 'Association AMAP Cailly': 'INFORME' },
      objectives: ['Paniers locaux toute l’année', 'Une place au marché'],
      positions: {
        'AMAP du Cailly:Paniers locaux toute l’année': 3,
        'Association AMAP Cailly:Une place au marché': -2,
      },
    });
    const keep = built.actors['AMAP du Cailly']!;
    const merged = built.actors['Association AMAP Cailly']!;
    const market = built.objectives['Une place au marché']!;
    const page = await t.newPage(LAPTOP);
    await openMap(page, t.base, built.projectId);
    expect(await mapActors(page)).toEqual([keep, merged].sort());

    await selectActor(page, merged, 'Association AMAP Cailly');
    const panel = page.locator('aside.side-panel');
    await panel.getByRole('button', { name: 'Fusionner avec…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fusionner « Association AMAP Cailly » avec un autre acteur' });
    await dialog.getByLabel('Chercher un acteur du territoire').fill('amap du');
    await dialog.getByRole('button', { name: 'AMAP du Cailly' }).click();
    await dialog.getByLabel('Date d’effet').fill('2025-03-01');
    const preview = dialog.getByRole('region', { name: 'Ce qui change' });
    await expect
      .poll(() => preview.textContent(), { timeout: 15_000 })
      .toContain('Position -2 sur « Une place au marché » : passe à « AMAP du Cailly »');
    expect(await preview.textContent()).toContain('« Association AMAP Cailly » prend fin (rien n’est effacé).');
    await page.screenshot({ path: screenshotPath('names-merge-preview') });
    await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });

    // Now: one actor, holding both positions.
    await expect.poll(() => mapActors(page), { timeout: 15_000 }).toEqual([keep]);
    const positions = await mapPositions(page);
    expect(positions[`${keep}→${market}`]).toBe(-2);
    expect(positions[`${keep}→${built.objectives['Paniers locaux toute l’année']}`]).toBe(3);
    await page.screenshot({ path: screenshotPath('names-merged-map') });

    // Before the merge: both actors, each with its own position (both histories kept).
    await openMap(page, t.base, built.projectId, '2024-06-01');
    await expect.poll(() => mapActors(page), { timeout: 15_000 }).toEqual([keep, merged].sort());
    expect((await mapPositions(page))[`${merged}→${market}`]).toBe(-2);

    // One change set: the merged actor's end, and every move caused by it.
    const log = await t.gql<{
      projectTimeline: { changes: { entityId: string; op: string; causeId: string | null; id: string }[] };
    }>('query($id: ID!) { projectTimeline(projectId: $id, first: 50) { changes { id entityId op causeId } } }', {
      id: built.projectId,
    });
    const changes = log.data?.projectTimeline.changes ?? [];
    const moved = changes.find((c) => c.entityId === built.positions['Association AMAP Cailly:Une place au marché']);
    expect(moved?.causeId).toBeTruthy();

    await page.close();
  }, 480_000);
});
