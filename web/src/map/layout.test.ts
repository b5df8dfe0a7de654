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

  it('keeps saved positions and puts a newcomer at the centre of its placed neighbours', () => {
    const { positions, missing } = placeFromSaved(elements, { a: { x: 0, y: 0 }, b: { x: 200, y: 0 } });
    expect(positions.a).toEqual({ x: 0, y: 0 });
    const c = positions.c!;
    expect(Math.hypot(c.x - 100, c.y)).toBeCloseTo(60, 5); // centre (100, 0), nudged by 60
    expect(missing).toEqual(['d']);
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
