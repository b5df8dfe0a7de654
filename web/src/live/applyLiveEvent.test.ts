import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode, ProjectMapData } from '../map/types.ts';
import { applyLiveEvent, type LiveEvent } from './applyLiveEvent.ts';

const node = (id: string, label = id): MapNode => ({ id, kind: 'ACTOR', label, parent: null, entityVersion: 1, data: {} });
const edge = (id: string): MapEdge => ({
  id,
  kind: 'CONFLICT',
  source: 'a',
  target: 'b',
  label: null,
  entityVersion: 1,
  data: {},
});
const map: ProjectMapData = {
  asOf: '2026-01-01T00:00:00.000Z',
  nodes: [node('a'), node('b'), node('c')],
  edges: [edge('e1')],
  ecosystems: [],
  perimeterOrder: [],
};
const event = (patch: Partial<LiveEvent>): LiveEvent => ({
  projectId: 'prj-1',
  kind: 'PATCH',
  at: '2026-01-02T00:00:00.000Z',
  nodes: [],
  edges: [],
  removedIds: [],
  ecosystems: null,
  perimeterOrder: null,
  ...patch,
});

describe('applyLiveEvent', () => {
  it('replaces, adds and removes only the elements named; the others keep their objects', () => {
    const next = applyLiveEvent(
      map,
      event({ nodes: [node('b', 'B renamed'), node('d')], edges: [edge('e2')], removedIds: ['c', 'e1'] }),
    );
    expect(next.nodes.map((n) => n.label)).toEqual(['a', 'B renamed', 'd']);
    expect(next.nodes[0]).toBe(map.nodes[0]);
    expect(next.edges.map((e) => e.id)).toEqual(['e2']);
    expect(next.asOf).toBe('2026-01-02T00:00:00.000Z');
    expect(next.ecosystems).toBe(map.ecosystems);
  });

  it('leaves the map alone on READY, and takes the whole map on RESET', () => {
    expect(applyLiveEvent(map, event({ kind: 'READY' }))).toBe(map);
    const reset = applyLiveEvent(
      map,
      event({ kind: 'RESET', nodes: [node('z')], edges: [], ecosystems: [], perimeterOrder: ['p'] }),
    );
    expect(reset.nodes.map((n) => n.id)).toEqual(['z']);
    expect(reset.edges).toEqual([]);
    expect(reset.perimeterOrder).toEqual(['p']);
  });
});
