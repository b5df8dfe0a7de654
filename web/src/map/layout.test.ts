import { describe, expect, it } from 'vitest';
import { freeSpotsInView, leafIds, leapColumns, placeFromSaved, startPositions } from './layout.ts';
import type { ElementDef } from './types.ts';

const node = (id: string, parent?: string, kind = 'ACTOR'): ElementDef => ({
  group: 'nodes',
  data: { id, kind, label: id, ...(parent ? { parent } : {}) },
});
const edge = (id: string, source: string, target: string): ElementDef => ({ group: 'edges', data: { id, source, target } });

describe('placeFromSaved', () => {
  const elements = [
    node('per-1', undefined, 'PERIMETER'),
    node('a', 'per-1'),
    node('b'),
    node('c'),
    node('d'),
    edge('e1', 'a', 'c'),
    edge('e2', 'b', 'c'),
  ];

  it('keeps saved positions and puts a newcomer at the centre of its placed neighbours when that is clear', () => {
    const { positions, missing } = placeFromSaved(elements, { a: { x: 0, y: 0 }, b: { x: 200, y: 0 } });
    expect(positions.a).toEqual({ x: 0, y: 0 });
    expect(positions.c).toEqual({ x: 100, y: 0 });
    expect(missing).toEqual(['d']);
  });

  it('moves a newcomer off a node, off another perimeter and the name above it, and into its own perimeter', () => {
    const map = [
      node('per-1', undefined, 'PERIMETER'),
      node('per-2', undefined, 'PERIMETER'),
      node('a', 'per-1'),
      node('a2', 'per-1'),
      node('b', 'per-2'),
      node('b2', 'per-2'),
      node('loose'),
      node('member', 'per-1'),
      node('x'),
      edge('e1', 'loose', 'a'),
      edge('e2', 'loose', 'b'),
      edge('e3', 'member', 'a'),
      edge('e4', 'member', 'b'),
      edge('e5', 'x', 'a'),
    ];
    // per-1 above, per-2 below: the neighbours' centre falls on per-2's name.
    const saved = { a: { x: 0, y: 0 }, a2: { x: 300, y: 0 }, b: { x: 0, y: 400 }, b2: { x: 300, y: 400 } };
    const { positions } = placeFromSaved(map, saved);
    const per2 = { x1: -60, y1: 340 - 120, x2: 360, y2: 460 };
    const per1 = { x1: -60, y1: -60, x2: 360, y2: 60 };
    const within = (p: { x: number; y: number }, b: typeof per1) => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;
    const loose = positions.loose!;
    expect(within(loose, per2)).toBe(false);
    expect(within(loose, { ...per1, y1: per1.y1 - 120 })).toBe(false);
    expect(within(positions.member!, per1)).toBe(true);
    // Clear of every node, the other newcomers included.
    const all = Object.entries(positions);
    for (const [id, p] of all)
      for (const [other, q] of all)
        if (id < other) expect(Math.hypot(p.x - q.x, p.y - q.y), `${id}–${other}`).toBeGreaterThanOrEqual(80);
  });

  it('only positions leaves: compound parents follow their children', () => {
    expect(leafIds(elements)).not.toContain('per-1');
  });
});

describe('leapColumns', () => {
  it('lays perimeters out left to right in the order of the leaps, the rest below', () => {
    const elements = [
      node('p1', undefined, 'PERIMETER'),
      node('p2', undefined, 'PERIMETER'),
      node('a', 'p2'),
      node('b', 'p1'),
      node('c'),
    ];
    const positions = leapColumns(elements, ['p2', 'p1']);
    expect(positions.a!.x).toBeLessThan(positions.b!.x);
    expect(positions.c!.y).toBeGreaterThan(Math.max(positions.a!.y, positions.b!.y));
  });
});

describe('freeSpotsInView', () => {
  const view = { x1: 0, y1: 0, x2: 1000, y2: 600 };
  it('places new nodes inside the view, apart from the others and from each other', () => {
    const occupied = [{ x: 500, y: 300 }];
    const spots = freeSpotsInView(view, occupied, 5);
    expect(spots).toHaveLength(5);
    for (const s of spots) {
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x).toBeLessThanOrEqual(1000);
      expect(s.y).toBeGreaterThanOrEqual(0);
      expect(s.y).toBeLessThanOrEqual(600);
      expect(Math.hypot(s.x - 500, s.y - 300)).toBeGreaterThanOrEqual(88);
    }
    const keys = new Set(spots.map((s) => `${s.x}:${s.y}`));
    expect(keys.size).toBe(5);
  });
  it('keeps them in the view even when it is full', () => {
    const tiny = { x1: 0, y1: 0, x2: 200, y2: 200 };
    const spots = freeSpotsInView(tiny, [{ x: 100, y: 100 }], 4);
    for (const s of spots) expect(s.x >= 0 && s.x <= 200 && s.y >= 0 && s.y <= 200).toBe(true);
  });
});

describe('startPositions', () => {
  it('spreads newcomers on distinct points, never stacked where Cytoscape would find no edge to draw', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `act-${i}`);
    const positions = startPositions(ids, { x: 10, y: 500 }, 200);
    const points = ids.map((id) => positions[id]!);
    expect(points).toHaveLength(40);
    for (let i = 0; i < points.length; i += 1) {
      for (let j = i + 1; j < points.length; j += 1) {
        expect(Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y)).toBeGreaterThanOrEqual(200);
      }
    }
    expect(points[0]).toEqual({ x: 10, y: 500 });
    expect(Math.min(...points.map((p) => p.y))).toBe(500);
  });
});
