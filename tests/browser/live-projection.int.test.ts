/**
 * The facilitator drives the walls (issue 14 part 5, ADR 0010): in the editor, « Piloter les
 * murs » starts a projection session; « Jalon suivant ▶ » moves every wall of the project to the
 * milestone's date, and « Mettre en avant » focuses them on the actor selected in the editor,
 * while the editor stays editable. The wall is a wall link's page, nobody signed in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { at, build, buildSmallProject } from '../support/factories.ts';
import { createTestWallLink } from '../support/principals.ts';

const t = useBrowserApp();

type Cy = {
  getElementById(id: string): { empty(): boolean; renderedPosition(): { x: number; y: number } };
  zoom(): number;
  pan(): { x: number; y: number };
};

function has(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const cy = (window as unknown as { __trameCy?: Cy }).__trameCy;
    return cy ? !cy.getElementById(id).empty() : false;
  }, id);
}

function viewport(page: Page): Promise<string> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __trameCy: Cy }).__trameCy;
    return JSON.stringify({ zoom: cy.zoom(), pan: cy.pan() });
  });
}

describe('the facilitator drives the walls', () => {
  it('the wall follows the facilitator’s step and focus, live', async () => {
    const small = await buildSmallProject(t.graph, 3, 1);
    await build(
      t.graph,
      'Milestone',
      { projectId: small.project.id, name: 'Atelier de lancement', date: '2019-01-01' },
      { validFrom: at('2018-06-01') },
    );
    // An actor who joined after the milestone: not on the wall at the milestone's date.
    const late = await build(
      t.graph,
      'Actor',
      { territoryId: small.territory.id, name: 'Nouvel acteur', kind: 'HABITANT' },
      { validFrom: at('2020-01-01') },
    );
    await build(
      t.graph,
      'Engagement',
      { actorId: late.id, projectId: small.project.id, level: 'PARTICIPANT' },
      { validFrom: at('2020-01-01') },
    );
    const secret = await createTestWallLink(t.graph, small.project.id, t.admin.user.id);

    const editor = await t.newPage({ width: 1440, height: 900 });
    await editor.goto(`${t.base}/projets/${small.project.id}`);
    const wall = await t.newPage({ width: 1440, height: 900, signedIn: false });
    await wall.goto(`${t.base}/mur#${secret}`);
    await expect.poll(() => has(wall, late.id), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => has(editor, small.actors[0]!.id), { timeout: 30_000 }).toBe(true);

    const bar = editor.getByRole('region', { name: 'Pilotage des murs' });
    await bar.getByRole('button', { name: 'Piloter les murs' }).click();
    await bar.getByRole('button', { name: 'Jalon suivant ▶' }).click();
    await bar.getByText(/Atelier de lancement/).waitFor();
    // The wall shows the map at the milestone's date: the later actor is not there yet.
    await expect.poll(() => has(wall, late.id), { timeout: 10_000 }).toBe(false);
    expect(await has(wall, small.actors[0]!.id)).toBe(true);

    // Focus: the facilitator selects an actor on their map, then puts it forward on the walls.
    const before = await viewport(wall);
    const target = small.actors[0]!.id;
    const point = await editor.evaluate((id) => {
      const cy = (window as unknown as { __trameCy: Cy }).__trameCy;
      return cy.getElementById(id).renderedPosition();
    }, target);
    const box = (await editor.locator('[data-testid="map-canvas"]').boundingBox())!;
    await editor.mouse.click(box.x + point.x, box.y + point.y);
    await bar.getByRole('button', { name: 'Mettre en avant « Acteur 1 »' }).click();
    await expect.poll(() => viewport(wall), { timeout: 10_000 }).not.toBe(before);
    await bar.getByText('En avant : Acteur 1').waitFor();
    await wall.screenshot({ path: screenshotPath('live-wall-pilotee') });
    await editor.screenshot({ path: screenshotPath('live-editeur-barre') });

    // Stopped: the walls stay where they are.
    await bar.getByRole('button', { name: 'Arrêter' }).click();
    await bar.getByRole('button', { name: 'Piloter les murs' }).waitFor();
    await wall.close();
    await editor.close();
  });
});
