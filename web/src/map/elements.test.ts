import { describe, expect, it } from 'vitest';
import { comparisonFromDiff, entityIdOf, normalise, searchNodes, toElements, type MapFilters } from './elements.ts';
import type { ProjectMapData } from './types.ts';

const map: ProjectMapData = {
  perimeterOrder: ['per-1', 'per-2'],
  ecosystems: [{ id: 'eco-1', name: 'Alimentation', memberIds: ['act-a', 'act-b'], perimeterId: null }],
  nodes: [
    { id: 'per-1', kind: 'PERIMETER', label: 'Cantine bio', parent: null, entityVersion: 1, data: {} },
    { id: 'per-2', kind: 'PERIMETER', label: 'Biodiversité', parent: null, entityVersion: 1, data: {} },
    {
      id: 'act-a',
      kind: 'ACTOR',
      label: 'Mairie',
      parent: 'per-1',
      entityVersion: 1,
      data: { actorKind: 'ELU', engagement: 'MOTEUR', engagementId: 'eng-a', perimeterId: 'per-1', ecosystemIds: ['eco-1'] },
    },
    {
      id: 'act-b',
      kind: 'ACTOR',
      label: 'Élevage Bourbourg',
      parent: null,
      entityVersion: 1,
      data: { actorKind: 'HABITANT', engagement: 'CONCERNE', engagementId: 'eng-b', ecosystemIds: ['eco-1'] },
    },
    { id: 'obj-1', kind: 'OBJECTIVE', label: 'Attractivité', parent: 'per-2', entityVersion: 1, data: { perimeterId: 'per-2' } },
  ],
  edges: [
    {
      id: 'pos-1',
      kind: 'POSITION',
      source: 'act-a',
      target: 'obj-1',
      label: '+3',
      entityVersion: 1,
      data: { value: 3, entityId: 'pos-1' },
    },
    {
      id: 'cfl-1',
      kind: 'CONFLICT',
      source: 'obj-1',
      target: 'obj-1',
      label: null,
      entityVersion: 2,
      data: { status: 'ARBITRE', entityId: 'cfl-1' },
    },
    {
      id: 'leap-1',
      kind: 'LEAP',
      source: 'per-1',
      target: 'per-2',
      label: 'Forum',
      entityVersion: 1,
      data: { date: '2019-05-14T00:00:00.000Z', entityId: 'leap-1' },
    },
    {
      id: 'owns-obj-1',
      kind: 'OWNS',
      source: 'act-a',
      target: 'obj-1',
      label: null,
      entityVersion: 1,
      data: { entityId: 'obj-1' },
    },
  ],
};

const filters = (over: Partial<MapFilters>): MapFilters => ({
  actorKinds: new Set(),
  engagements: new Set(),
  perimeters: new Set(),
  conflictStatuses: new Set(),
  ...over,
});
const ids = (elements: { data: { id: string } }[]) => elements.map((e) => e.data.id).sort();

describe('toElements', () => {
  it('keeps perimeters as compound parents and dates the leaps', () => {
    const elements = toElements(map, { grouping: 'perimeter', formatDate: (iso) => `le ${iso.slice(0, 4)}` });
    expect(elements.find((e) => e.data.id === 'act-a')?.data.parent).toBe('per-1');
    expect(elements.find((e) => e.data.id === 'leap-1')?.data.label).toBe('le 2019 · Forum');
    expect(elements.find((e) => e.data.id === 'act-a')?.classes).toBe('actor');
    expect(elements.find((e) => e.data.id === 'pos-1')?.classes).toBe('position');
  });

  it('groups by actor kind with labelled group nodes, and drops perimeters and leaps', () => {
    const elements = toElements(map, { grouping: 'kind', groupLabel: (_k, key) => `Groupe ${key}` });
    expect(elements.find((e) => e.data.id === 'group-kind-ELU')?.data.label).toBe('Groupe ELU');
    expect(elements.find((e) => e.data.id === 'act-b')?.data.parent).toBe('group-kind-HABITANT');
    expect(ids(elements)).not.toContain('per-1');
    expect(ids(elements)).not.toContain('leap-1');
  });

  it('groups by ecosystem under the first ecosystem of each actor', () => {
    const elements = toElements(map, { grouping: 'ecosystem' });
    expect(elements.find((e) => e.data.id === 'group-eco-eco-1')?.data.label).toBe('Alimentation');
    expect(elements.find((e) => e.data.id === 'act-a')?.data.parent).toBe('group-eco-eco-1');
  });

  it('filters actors by kind and drops the edges left hanging', () => {
    const elements = toElements(map, { grouping: 'none', filters: filters({ actorKinds: new Set(['HABITANT']) }) });
    expect(ids(elements)).toEqual(['act-b', 'cfl-1', 'obj-1']); // pos-1 and owns-obj-1 hung on act-a
  });

  it('filters conflicts by status', () => {
    const shown = toElements(map, { grouping: 'none', filters: filters({ conflictStatuses: new Set(['ARBITRE']) }) });
    const hidden = toElements(map, { grouping: 'none', filters: filters({ conflictStatuses: new Set(['IDENTIFIE']) }) });
    expect(ids(shown)).toContain('cfl-1');
    expect(ids(hidden)).not.toContain('cfl-1');
  });

  it('a filtered-out perimeter leaves its members at the top level', () => {
    const elements = toElements(map, { grouping: 'perimeter', filters: filters({ perimeters: new Set(['per-2']) }) });
    expect(ids(elements)).toEqual(['cfl-1', 'obj-1', 'per-2'].sort());
    expect(elements.find((e) => e.data.id === 'obj-1')?.data.parent).toBe('per-2');
  });

  it('marks what a comparison added, changed and ended, through the entities behind elements', () => {
    const elements = toElements(map, {
      grouping: 'none',
      comparison: {
        added: new Set(['eng-b']),
        changed: new Set(['cfl-1']),
        ended: {
          nodes: [{ id: 'act-z', kind: 'ACTOR', label: 'Parti', parent: null, entityVersion: 1, data: { actorKind: 'TIERS' } }],
          edges: [],
        },
      },
    });
    expect(elements.find((e) => e.data.id === 'act-b')?.classes).toBe('actor added');
    expect(elements.find((e) => e.data.id === 'cfl-1')?.classes).toBe('conflict changed');
    expect(elements.find((e) => e.data.id === 'act-z')?.classes).toBe('actor ended');
    expect(elements.find((e) => e.data.id === 'act-a')?.classes).toBe('actor');
  });
});

describe('helpers', () => {
  it('finds the entity behind an element', () => {
    expect(entityIdOf({ id: 'owns-obj-1', entityId: 'obj-1' })).toBe('obj-1');
    expect(entityIdOf({ id: 'act-a' })).toBe('act-a');
  });

  it('searches labels without case or accents', () => {
    expect(normalise('Élevage')).toBe('elevage');
    expect(searchNodes(map, 'elevage').map((n) => n.id)).toEqual(['act-b']);
    expect(searchNodes(map, 'cantine')).toEqual([]); // perimeters are not search results
  });
});

describe('comparisonFromDiff', () => {
  it('marks added and changed entities and keeps the ended ones from the earlier map as ghosts', () => {
    const comparison = comparisonFromDiff(
      { added: [{ id: 'pos-9' }], ended: [{ id: 'eng-b' }, { id: 'cfl-1' }], changed: [{ entity: { id: 'obj-1' } }] },
      map,
    );
    expect([...comparison.added]).toEqual(['pos-9']);
    expect([...comparison.changed]).toEqual(['obj-1']);
    expect(comparison.ended.nodes.map((n) => n.id)).toEqual(['act-b']); // through its engagement
    expect(comparison.ended.edges.map((e) => e.id)).toEqual(['cfl-1']);
  });
});

describe('toElements with a measure (size actors by an analysis measure)', () => {
  it('puts each actor’s scaled value on its node, marks those without one, and leaves the rest alone', () => {
    const elements = toElements(map, { grouping: 'none', measure: new Map([['act-a', 0.75]]) });
    const data = (id: string) => elements.find((e) => e.data.id === id)!.data;
    expect(data('act-a').measure).toBe(0.75);
    expect(data('act-b').measureMissing).toBe(true);
    expect(data('obj-1')).not.toHaveProperty('measure');
    expect(data('obj-1')).not.toHaveProperty('measureMissing');
    // No measure asked: nothing added (the engagement sizing stays).
    const plain = toElements(map, { grouping: 'none' });
    expect(plain.find((e) => e.data.id === 'act-a')!.data).not.toHaveProperty('measure');
  });
});
