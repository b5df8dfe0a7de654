import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../map/elements.ts';
import type { ElementDef, MapNode, ProjectMapData } from '../map/types.ts';
import type { LiveEvent } from './applyLiveEvent.ts';
import { applyDefsInPlace, nextClasses, patchedDefs, sameData } from './applyToCanvas.ts';

const actor = (id: string, engagement: string, parent?: string): MapNode =>
  ({ id, kind: 'ACTOR', label: id, parent: parent ?? null, entityVersion: 1, data: { engagement } }) as unknown as MapNode;

const node = (id: string, data: Record<string, unknown> = {}, classes = 'actor'): ElementDef => ({
  group: 'nodes',
  data: { id, kind: 'ACTOR', ...data },
  classes,
});

function canvas() {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add([
    node('a', { engagement: 'PARTICIPANT' }),
    node('b', { engagement: 'MOTEUR' }),
    { group: 'nodes', data: { id: 'p', kind: 'PERIMETER' }, classes: 'perimeter' },
    { group: 'edges', data: { id: 'e1', source: 'a', target: 'b', kind: 'COOPERATION' }, classes: 'cooperation' },
  ]);
  return cy;
}

describe('patchedDefs', () => {
  it("keeps the canvas's definitions of the event's elements only", () => {
    const map: ProjectMapData = {
      nodes: [actor('a', 'MOTEUR'), actor('b', 'CONCERNE')],
      edges: [],
      ecosystems: [],
      perimeterOrder: [],
    };
    const event = { kind: 'PATCH', nodes: [map.nodes[0]!], edges: [], removedIds: [] } as unknown as LiveEvent;
    const defs = patchedDefs(map, event, { grouping: 'perimeter', filters: NO_FILTERS, comparison: null });
    expect(defs.map((d) => [d.data.id, d.data.engagement])).toEqual([['a', 'MOTEUR']]);
  });
});

describe('applyDefsInPlace', () => {
  it('changes the data that differs, adds edges, removes ids; other elements keep their data', () => {
    const cy = canvas();
    const before = cy.getElementById('b').data();
    const ok = applyDefsInPlace(
      cy,
      [
        node('a', { engagement: 'MOTEUR' }),
        { group: 'edges', data: { id: 'e2', source: 'b', target: 'a', kind: 'CONFLICT' }, classes: 'conflict' },
      ],
      ['e1'],
    );
    expect(ok).toBe(true);
    expect(cy.getElementById('a').data('engagement')).toBe('MOTEUR');
    expect(cy.getElementById('e2').nonempty()).toBe(true);
    expect(cy.getElementById('e1').empty()).toBe(true);
    expect(cy.getElementById('b').data()).toBe(before);
  });

  it('refuses, changing nothing, a new node, a node changing parent, an edge to a missing node', () => {
    const cy = canvas();
    expect(applyDefsInPlace(cy, [node('a', { engagement: 'X' }), node('new')], [])).toBe(false);
    expect(applyDefsInPlace(cy, [node('a', { parent: 'p' })], [])).toBe(false);
    expect(
      applyDefsInPlace(cy, [{ group: 'edges', data: { id: 'e3', source: 'a', target: 'gone' }, classes: 'conflict' }], []),
    ).toBe(false);
    expect(cy.getElementById('a').data('engagement')).toBe('PARTICIPANT');
    expect(cy.getElementById('new').empty()).toBe(true);
  });

  it("keeps the canvas's own classes (label sides, the story's halo) through an edit", () => {
    const cy = canvas();
    cy.getElementById('a').addClass('label-top story-new');
    applyDefsInPlace(cy, [node('a', { engagement: 'MOTEUR' }, 'actor')], []);
    expect(cy.getElementById('a').classes().sort()).toEqual(['actor', 'label-top', 'story-new']);
  });
});

describe('nextClasses', () => {
  it('is null when the definition brings nothing new; keeps only what `keep` names', () => {
    expect(nextClasses(['actor', 'label-top'], node('a'))).toBeNull();
    expect(nextClasses(['actor', 'label-top', 'dimmed'], node('a', {}, 'actor added'), (n) => n.startsWith('label-'))).toBe(
      'actor added label-top',
    );
  });
});

describe('sameData', () => {
  it('compares values, objects by content', () => {
    expect(sameData({ id: 'a', tags: ['x'] }, { id: 'a', tags: ['x'] })).toBe(true);
    expect(sameData({ id: 'a', n: 1 }, { id: 'a', n: 2 })).toBe(false);
    expect(sameData({ id: 'a' }, { id: 'a', extra: 1 })).toBe(false);
  });
});
