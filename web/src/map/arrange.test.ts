import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import { runSeededLayout } from './arrange.ts';

cytoscape.use(fcose);

/** A small map: two clusters of actors around objectives, one bridge. */
function map(): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const ids = Array.from({ length: 24 }, (_, i) => `n${i}`);
  cy.add(ids.map((id) => ({ group: 'nodes' as const, data: { id, label: id } })));
  ids.forEach((id, i) => {
    if (i > 0) cy.add({ group: 'edges', data: { id: `e${i}`, source: ids[i < 12 ? 0 : 12]!, target: id } });
  });
  cy.add({ group: 'edges', data: { id: 'bridge', source: 'n5', target: 'n17' } });
  return cy;
}

function arranged(seed: string): Record<string, { x: number; y: number }> {
  const cy = map();
  let stopped = false;
  runSeededLayout(cy, seed, () => {
    stopped = true;
  });
  expect(stopped).toBe(true);
  return Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
}

describe('runSeededLayout', () => {
  it('gives the same map the same arrangement for the same seed, another for another seed', () => {
    const first = arranged('prj-marche');
    expect(arranged('prj-marche')).toEqual(first);
    expect(arranged('prj-archipel')).not.toEqual(first);
  });

  it('gives Math.random back, also to the code that runs when the layout stops', () => {
    const original = Math.random;
    const cy = map();
    let inStop: (() => number) | null = null;
    runSeededLayout(cy, 'prj-marche', () => {
      inStop = Math.random;
    });
    expect(inStop).toBe(original);
    expect(Math.random).toBe(original);
  });
});
