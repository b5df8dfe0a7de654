import cytoscape, { type Core } from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeWallLabels, predictedLabelRoom } from './arrangeWallLabels.ts';
import { WALL_LABEL_PX, wallStylesheet } from './theme.ts';

// No canvas here: labels are measured by their length (arrangeWallLabels.ts measureAt's fallback).
const scope = globalThis as unknown as { document?: unknown };
const hadDocument = 'document' in scope;
beforeAll(() => {
  scope.document ??= { createElement: () => ({ getContext: () => null }) };
});
afterAll(() => {
  if (!hadDocument) delete scope.document;
});

/** A perimeter of three actors in a row, the leftmost with a long name; an objective outside it, far right and below (all far enough apart for every name to fit below its node at these zooms). */
/** An empty headless map with the wall's light stylesheet (nodes sized as on the wall). */
const wallCy = (): Core => cytoscape({ headless: true, styleEnabled: true, style: wallStylesheet('light') as never });

function map(): Core {
  const cy = wallCy();
  cy.add([
    { group: 'nodes', data: { id: 'p', kind: 'PERIMETER', label: 'Cantine bio' }, classes: 'perimeter' },
    {
      group: 'nodes',
      data: { id: 'a', kind: 'ACTOR', label: 'Association des parents d’élèves', parent: 'p', engagementRank: 2 },
      classes: 'actor',
      position: { x: 0, y: 0 },
    },
    {
      group: 'nodes',
      data: { id: 'b', kind: 'ACTOR', label: 'Mairie', parent: 'p', engagementRank: 1 },
      classes: 'actor',
      position: { x: 3000, y: 0 },
    },
    {
      group: 'nodes',
      data: { id: 'c', kind: 'ACTOR', label: 'Cuisine', parent: 'p', engagementRank: 1 },
      classes: 'actor',
      position: { x: 6000, y: 0 },
    },
    {
      group: 'nodes',
      data: { id: 'o', kind: 'OBJECTIVE', label: 'Servir bio', engagementRank: 0 },
      classes: 'objective',
      position: { x: 9000, y: 2000 },
    },
  ]);
  return cy;
}

describe('predictedLabelRoom', () => {
  it('is nothing around nothing', () => {
    const cy = map();
    expect(predictedLabelRoom(cy.collection(), 0.5)).toEqual({ left: 0, right: 0, top: 0, bottom: 0 });
  });

  it('leaves room for the names beyond the outer bodies and for the perimeter’s name above it', () => {
    const cy = map();
    const zoom = 0.25;
    const room = predictedLabelRoom(cy.elements(), zoom);
    // The long name below the leftmost actor reaches past its body (wrapped at 180 × the label scale, half of it on each side).
    expect(room.left).toBeGreaterThan(40);
    // Above: the perimeter's padding and its bold name (at least one line of 24 px × 20/18).
    expect(room.top).toBeGreaterThanOrEqual(26 * zoom + 1.2 * WALL_LABEL_PX * (20 / 18));
    // Below: the objective's name, one line of at least 24 px.
    expect(room.bottom).toBeGreaterThanOrEqual(1.2 * WALL_LABEL_PX);
  });

  it('keeps about the same room on screen whatever the zoom: names keep their size in pixels', () => {
    const cy = map();
    const near = predictedLabelRoom(cy.elements(), 0.3);
    const far = predictedLabelRoom(cy.elements(), 0.15);
    for (const side of ['left', 'right', 'top', 'bottom'] as const)
      expect(Math.abs(far[side] - near[side]), side).toBeLessThanOrEqual(0.15 * near[side] + 8);
  });
});

describe('arrangeWallLabels', () => {
  /** A perimeter holding one actor, and an objective just above the perimeter's name. */
  function aboveName(gap: number): Core {
    const cy = wallCy();
    cy.add([
      { group: 'nodes', data: { id: 'p', kind: 'PERIMETER', label: 'Cantine bio' }, classes: 'perimeter' },
      {
        group: 'nodes',
        data: { id: 'a', kind: 'ACTOR', label: 'Mairie', parent: 'p', engagementRank: 1 },
        classes: 'actor',
        position: { x: 0, y: 0 },
      },
    ]);
    const a = cy.getElementById('a');
    // The name sits above the perimeter's padding (26) over the actor: one bold line and its padding.
    const nameTop = -a.height() / 2 - 26 - 60;
    cy.add({
      group: 'nodes',
      data: { id: 'o', kind: 'OBJECTIVE', label: 'Servir bio', engagementRank: 0 },
      classes: 'objective',
      position: { x: 0, y: nameTop - gap },
    });
    return cy;
  }

  it('keeps node labels off a perimeter’s name, computed where Cytoscape draws it', () => {
    // Just above the name: below would cover it, so the objective's name goes above its node.
    const near = aboveName(20);
    arrangeWallLabels(near, 'light', 1);
    expect(near.getElementById('o').hasClass('label-top')).toBe(true);
    // Far above it: below is free.
    const far = aboveName(400);
    arrangeWallLabels(far, 'light', 1);
    const o = far.getElementById('o');
    expect(o.hasClass('label-top') || o.hasClass('label-quiet')).toBe(false);
  });
});
