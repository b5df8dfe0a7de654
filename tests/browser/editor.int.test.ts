import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { uniqueId } from '../support/graph.ts';
import { useBrowserApp } from '../support/app.ts';
import { drawn, openProject as open, tap, waitForDrawn } from '../support/editor.ts';

// The pilot's workspace, driven like a person would, on the demo map (loaded by the global setup).

const t = useBrowserApp();
const openProject = (page: Page, projectId: string, query = '') => open(page, t.base, projectId, query);

async function nodeScreenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const cy = (
      window as unknown as {
        __trameCy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } }; container(): HTMLElement };
      }
    ).__trameCy;
    const rect = cy.container().getBoundingClientRect();
    const p = cy.getElementById(nodeId).renderedPosition();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, id);
}

/**
 * Drags a link from one node to another in draw mode, as a pilot does with the mouse, until the
 * side panel offers the relation (its form, or the choice of kinds). Under load the view can still
 * move when the drag starts (a fit, or the editor bringing a just-saved element into view once the
 * project is read again): the drag then starts off the node and draws nothing, and a pilot would
 * simply drag again — so does this, up to three times.
 */
async function dragLink(page: Page, fromId: string, toId: string): Promise<void> {
  const panel = page.locator('aside.side-panel');
  const offered = () => panel.getByRole('button', { name: /^(Créer|Conflit)$/ }).count();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.keyboard.press('f'); // fit the map, so both ends are on screen
    // The fit animates, and a new element's placement may move the view: wait until both ends hold
    // still for a second (under load an animation outlasts any fixed pause).
    type Point = { x: number; y: number };
    const ends = async (): Promise<[Point, Point]> => [
      await nodeScreenPosition(page, fromId),
      await nodeScreenPosition(page, toId),
    ];
    let [from, to] = await ends();
    for (let tries = 0, still = 0; tries < 60 && still < 4; tries += 1) {
      await page.waitForTimeout(250);
      const [nextFrom, nextTo] = await ends();
      const moved = Math.hypot(nextFrom.x - from.x, nextFrom.y - from.y) + Math.hypot(nextTo.x - to.x, nextTo.y - to.y);
      still = moved < 0.5 ? still + 1 : 0;
      [from, to] = [nextFrom, nextTo];
    }
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.waitForTimeout(600); // edgehandles waits for a short hover on the target
    await page.mouse.up();
    for (let wait = 0; wait < 20; wait += 1) {
      if ((await offered()) > 0) return;
      await page.waitForTimeout(250);
    }
    // What the pilot saw when the drag drew nothing (tests/artifacts), to tell a moving view from a bug.
    await page.screenshot({ path: screenshotPath(`editor-drag-missed-${attempt + 1}`) });
  }
  throw new Error(`dragging ${fromId} → ${toId} offered no relation, three times`);
}

describe('the map editor', () => {
  it('a pilot adds an actor, an objective, a position and a conflict, then arbitrates it', async () => {
    const page = await t.newPage({ width: 1920, height: 1080 });
    await openProject(page, 'prj-marche');
    const panel = page.locator('aside.side-panel');

    // An actor, engaged in the project at once (one form, one date).
    const actorName = `Collectif ${uniqueId('test')}`;
    await panel.getByRole('button', { name: 'Acteur', exact: true }).click();
    await panel.getByLabel('Nom').fill(actorName);
    await panel.getByLabel("Type d'acteur").selectOption('HABITANT');
    await panel.getByLabel("Niveau d'engagement").selectOption('PARTICIPANT');
    await panel.getByRole('button', { name: 'Créer' }).click();
    const withActor = await waitForDrawn(page, (els) => els.some((e) => e.label === actorName), 'the new actor');
    const actor = withActor.find((e) => e.label === actorName)!;
    expect(actor.data.engagement).toBe('PARTICIPANT');

    // Inline validation in French, from the same rules as the API.
    await page.keyboard.press('Escape');
    await panel.getByRole('button', { name: 'Objectif', exact: true }).click();
    await panel.getByLabel('Intitulé').fill('   ');
    await panel.getByRole('button', { name: 'Créer' }).click();
    await expect.poll(() => panel.getByRole('alert').first().textContent()).toContain("L'intitulé est obligatoire");

    // An objective of that actor.
    const objectiveTitle = `Jardin partagé ${uniqueId('o')}`;
    await panel.getByLabel('Intitulé').fill(objectiveTitle);
    await panel.getByLabel('Acteur porteur').selectOption({ label: actorName });
    await panel.getByLabel('Écologique').check();
    await panel.getByRole('button', { name: 'Créer' }).click();
    const withObjective = await waitForDrawn(page, (els) => els.some((e) => e.label === objectiveTitle), 'the new objective');
    const objective = withObjective.find((e) => e.label === objectiveTitle)!;

    // A position, by dragging from the actor to the objective.
    await page.getByRole('button', { name: 'Nouvelle relation' }).click();
    await dragLink(page, actor.id, objective.id);
    await panel.getByRole('spinbutton', { name: /^Position/ }).fill('3');
    await panel.getByRole('button', { name: 'Créer' }).click();
    await waitForDrawn(
      page,
      (els) =>
        els.some(
          (e) => e.kind === 'POSITION' && e.data.source === actor.id && e.data.target === objective.id && e.data.value === 3,
        ),
      'the position',
    );

    // A conflict, dragged between the new objective and the town hall's attractiveness.
    const other = 'obj-marche-attractivite';
    await dragLink(page, objective.id, other);
    await panel.getByRole('button', { name: 'Conflit' }).click();
    await panel.getByLabel('Intensité').fill('3');
    await panel.getByRole('button', { name: 'Créer' }).click();
    const withConflict = await waitForDrawn(
      page,
      (els) => els.some((e) => e.kind === 'CONFLICT' && [e.data.source, e.data.target].includes(objective.id)),
      'the conflict',
    );
    const conflict = withConflict.find((e) => e.kind === 'CONFLICT' && [e.data.source, e.data.target].includes(objective.id))!;
    expect(conflict.data.status).toBe('IDENTIFIE');
    await page.getByRole('button', { name: 'Nouvelle relation' }).click(); // draw mode off

    // The conflict is worked on and arbitrated: select it on the map, edit its status.
    await tap(page, conflict.id);
    await panel.getByRole('button', { name: 'Modifier' }).click();
    await panel.getByLabel('Statut').selectOption('ARBITRE');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => panel.getByRole('alert').first().textContent())
      .toContain('Un conflit arbitré doit décrire son arbitrage');
    await panel.getByLabel('Arbitrage').fill('Le jardin est ouvert les jours sans marché ; la mairie fournit le matériel.');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForDrawn(
      page,
      (els) => els.some((e) => e.id === conflict.id && e.data.status === 'ARBITRE'),
      'the arbitrated conflict',
    );
    await page.screenshot({ path: screenshotPath('editor-malaunay') });

    // Stale edit: someone else changed the conflict; the pilot sees it and reapplies.
    await panel.getByRole('button', { name: 'Modifier' }).click();
    const stale = await t.graph.read((tx) => tx.run('MATCH (e:Entity {id: $id}) RETURN e.version AS v', { id: conflict.id }));
    const concurrent = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateConflict(id: $id, version: $v, patch: { note: "Noté par un autre pilote" }) { version } }`,
      { id: conflict.id, v: stale.records[0]!.get('v') },
    );
    expect(concurrent.errors).toBeUndefined();
    await panel.getByLabel('Intensité').fill('2');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Quelqu’un a modifié cet élément').waitFor();
    await panel.getByRole('button', { name: 'Réappliquer mes modifications' }).click();
    await waitForDrawn(
      page,
      (els) => els.some((e) => e.id === conflict.id && e.data.intensity === 2 && e.data.note === 'Noté par un autre pilote'),
      'both edits kept',
    );
    await page.close();
  }, 180_000);

  it('Loos-en-Gohelle shows its two systemic leaps, its ecosystems, and its older map', async () => {
    const page = await t.newPage({ width: 1920, height: 1080 });
    await openProject(page, 'prj-archipel');
    const elements = await drawn(page);
    const leaps = elements.filter((e) => e.kind === 'LEAP');
    expect(leaps).toHaveLength(2);
    expect(
      elements
        .filter((e) => e.kind === 'PERIMETER')
        .map((e) => e.label)
        .sort(),
    ).toEqual(['Bien-vivre alimentaire', 'Biodiversité', 'Cantine bio']);
    expect(await page.locator('.map-canvas svg path[class^="ecosystem-"]').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('archipel-today') });

    // The leaps view lays the perimeters out in the order of the leaps, left to right.
    await page.getByLabel('Vue des sauts systémiques').check();
    await expect.poll(() => page.url()).toContain('vue=sauts');
    await page.waitForTimeout(500);
    const xs = await page.evaluate(() => {
      const cy = (window as unknown as { __trameCy: { getElementById(id: string): { position(): { x: number } } } }).__trameCy;
      return ['per-archipel-cantine', 'per-archipel-bien-vivre', 'per-archipel-biodiversite'].map(
        (id) => cy.getElementById(id).position().x,
      );
    });
    expect(xs[0]!).toBeLessThan(xs[1]!);
    expect(xs[1]!).toBeLessThan(xs[2]!);
    await page.screenshot({ path: screenshotPath('archipel-leaps') });

    // Back in time: in 2018, before the leaps, one perimeter, read-only; the URL keeps the date.
    await openProject(page, 'prj-archipel', '?date=2018-10-01');
    const older = await drawn(page);
    expect(older.filter((e) => e.kind === 'LEAP')).toHaveLength(0);
    expect(older.filter((e) => e.kind === 'PERIMETER').map((e) => e.label)).toEqual(['Cantine bio']);
    expect(older.filter((e) => e.kind === 'ACTOR').length).toBeLessThan(elements.filter((e) => e.kind === 'ACTOR').length);
    await page.getByText('lecture seule').waitFor();
    expect(await page.locator('aside.side-panel').getByRole('button', { name: 'Acteur', exact: true }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('archipel-2018') });

    // Comparing two milestones highlights what came and what went.
    await openProject(page, 'prj-archipel', '?compare=mil-archipel-bilan-bio..mil-archipel-conseil-trames');
    await page.locator('.compare-summary').waitFor();
    const compared = await drawn(page);
    expect(compared.some((e) => e.kind === 'ACTOR')).toBe(true);
    const classes = await page.evaluate(() => {
      const cy = (window as unknown as { __trameCy: { elements(s: string): { length: number } } }).__trameCy;
      return { added: cy.elements('.added').length, changed: cy.elements('.changed').length };
    });
    expect(classes.added).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('archipel-compare') });
    await page.close();
  });

  it('leaves the panel where the pilot went when a save answers after they moved on', async () => {
    const page = await t.newPage({ width: 1440, height: 900 });
    // The server records the objective at once (the live stream draws it), but its answer is held
    // until the pilot has moved on to another form — as on a loaded server or a slow network.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let answered: () => void = () => undefined;
    const delivered = new Promise<void>((resolve) => {
      answered = resolve;
    });
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('createObjective')) return route.fallback();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
      answered();
    });
    await openProject(page, 'prj-marche');
    const panel = page.locator('aside.side-panel');
    const title = `Halle couverte ${uniqueId('o')}`;
    await panel.getByRole('button', { name: 'Objectif', exact: true }).click();
    await panel.getByLabel('Intitulé').fill(title);
    await panel.getByLabel('Acteur porteur').selectOption({ index: 1 });
    await panel.getByLabel('Économique').check();
    await panel.getByRole('button', { name: 'Créer' }).click();
    await waitForDrawn(page, (els) => els.some((e) => e.label === title), 'the objective, by the live stream');

    await page.keyboard.press('Escape');
    await panel.getByRole('button', { name: 'Jalon', exact: true }).click();
    await panel.getByLabel('Nom').fill('Réunion publique');
    release();
    await delivered;
    await expect.poll(() => page.getByText('Enregistré', { exact: true }).count()).toBeGreaterThan(0);
    // Still the milestone form, with what the pilot typed: the late answer did not take the panel.
    await page.waitForTimeout(500);
    expect(await panel.getByLabel('Nom').inputValue()).toBe('Réunion publique');
  });

  it('exports the map as PNG and SVG', async () => {
    const page = await t.newPage({ width: 1920, height: 1080 });
    await openProject(page, 'prj-gaz-fibre');
    // The exports are in the toolbar's « Plus d’actions » menu.
    const more = page.locator('summary', { hasText: 'Plus d’actions' });
    await more.click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter PNG' }).click()]);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(20_000);
    await more.click();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter SVG' }).click()]);
    expect(readFileSync((await svg.path())!, 'utf8')).toContain('<svg');
    await page.screenshot({ path: screenshotPath('gaz-fibre') });
    await page.close();
  });
});
