import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode } from '../map/types.ts';
import { focusIds, matchByName } from './focus.ts';

const node = (id: string, kind: MapNode['kind'], label = id, parent: string | null = null): MapNode =>
  ({ id, kind, label, parent, entityVersion: 1, data: {} }) as MapNode;
const edge = (id: string, kind: MapEdge['kind'], source: string, target: string): MapEdge =>
  ({ id, kind, source, target, label: null, entityVersion: 1, data: {} }) as MapEdge;

const map = {
  nodes: [
    node('per-1', 'PERIMETER', 'Cantine bio'),
    node('per-2', 'PERIMETER', 'Biodiversité'),
    node('act-maire', 'ACTOR', 'Maire de Loos-en-Gohelle', 'per-1'),
    node('act-anges', 'ACTOR', 'Les Anges Gardins', 'per-1'),
    node('act-far', 'ACTOR', 'Naturalistes', 'per-2'),
    node('obj-maire', 'OBJECTIVE', 'Une cantine bio', 'per-1'),
    node('obj-other', 'OBJECTIVE', 'Réduire les coûts', 'per-1'),
    node('obj-far', 'OBJECTIVE', 'Protéger la poule', 'per-2'),
  ],
  edges: [
    edge('owns-1', 'OWNS', 'act-maire', 'obj-maire'),
    edge('cfl-1', 'CONFLICT', 'obj-maire', 'obj-other'),
    edge('coop-1', 'COOPERATION', 'act-maire', 'act-anges'),
    edge('pos-far', 'POSITION', 'act-far', 'obj-far'),
  ],
  ecosystems: [{ id: 'eco-1', name: 'Alimentation', memberIds: ['act-maire', 'act-anges'], perimeterId: null }],
};

describe('the wall’s focus', () => {
  it('keeps an actor’s objectives, their conflicts, its cooperations and its perimeter; not the rest', () => {
    const kept = focusIds(map, 'act-maire')!;
    expect([...kept].sort()).toEqual(
      ['act-anges', 'act-maire', 'cfl-1', 'coop-1', 'obj-maire', 'obj-other', 'owns-1', 'per-1'].sort(),
    );
    expect(kept.has('act-far')).toBe(false);
  });

  it('keeps a perimeter’s members and the links among them', () => {
    expect([...focusIds(map, 'per-2')!].sort()).toEqual(['act-far', 'obj-far', 'per-2', 'pos-far']);
  });

  it('keeps an ecosystem’s members and their objectives', () => {
    const kept = focusIds(map, 'eco-1')!;
    expect(kept.has('act-maire') && kept.has('act-anges') && kept.has('obj-maire') && kept.has('coop-1')).toBe(true);
    expect(kept.has('act-far')).toBe(false);
  });

  it('is no focus for an id the map does not hold', () => {
    expect(focusIds(map, 'act-unknown')).toBeNull();
  });

  it('finds an actor by a typed part of its name, accents and case aside, actors first', () => {
    expect(matchByName(map, 'maire')).toBe('act-maire');
    expect(matchByName(map, 'ANGES')).toBe('act-anges');
    expect(matchByName(map, 'biodiversite')).toBe('per-2');
    expect(matchByName(map, 'zzz')).toBeNull();
  });
});
