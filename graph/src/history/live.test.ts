import { describe, expect, it } from 'vitest';
import type { ProjectMap } from '../map/project-map.ts';
import type { MapEdge, MapNode } from '../model/map-elements.ts';
import { diffProjectMaps, isEmptyPatch } from './live.ts';

const node = (id: string, data: Record<string, unknown> = {}): MapNode => ({
  id,
  kind: 'ACTOR',
  label: id,
  parent: null,
  entityVersion: 1,
  data,
});
const edge = (id: string): MapEdge => ({
  id,
  kind: 'CONFLICT',
  source: 'a',
  target: 'b',
  label: null,
  entityVersion: 1,
  data: {},
});
const map = (nodes: MapNode[], edges: MapEdge[], perimeterOrder: string[] = []): ProjectMap => ({
  projectId: 'prj-1',
  at: new Date('2026-01-01T00:00:00Z'),
  nodes,
  edges,
  ecosystems: [],
  perimeterOrder,
});

describe('diffProjectMaps', () => {
  it('names only what changed: changed and new elements whole, removed ids, the order when it moved', () => {
    const before = map([node('a', { engagement: 'INFORME' }), node('b'), node('c')], [edge('e1')]);
    const after = map([node('a', { engagement: 'MOTEUR' }), node('b'), node('d')], [edge('e1'), edge('e2')], ['p1']);
    const patch = diffProjectMaps(before, after);
    expect(patch.nodes.map((n) => n.id)).toEqual(['a', 'd']);
    expect(patch.nodes[0]!.data.engagement).toBe('MOTEUR');
    expect(patch.edges.map((e) => e.id)).toEqual(['e2']);
    expect(patch.removedIds).toEqual(['c']);
    expect(patch.ecosystems).toBeNull();
    expect(patch.perimeterOrder).toEqual(['p1']);
    expect(isEmptyPatch(patch)).toBe(false);
  });

  it('is empty between two equal maps (read at different instants)', () => {
    const a = map([node('a')], [edge('e1')]);
    const b = { ...map([node('a')], [edge('e1')]), at: new Date('2026-02-01T00:00:00Z') };
    expect(isEmptyPatch(diffProjectMaps(a, b))).toBe(true);
  });
});
