import { describe, expect, it } from 'vitest';
import {
  edgeWidth,
  latestMilestoneOnOrBefore,
  matrixToElements,
  maxOffDiagonal,
  nextSort,
  placeLabels,
  powerRanking,
  progressItems,
  quadrants,
  sortBy,
  strongestPair,
  thresholdRange,
  type DiffSummary,
} from './analysis.ts';

const actors = [
  { id: 'a', label: 'AMAP' },
  { id: 'm', label: 'Maire' },
  { id: 'p', label: 'Producteurs' },
  { id: 'x', label: 'Club' },
];
// A 2DAA-like symmetric matrix, diagonal 0; x takes no position.
const daa = [
  [0, 6, 5.5, 0],
  [6, 0, 2.5, 0],
  [5.5, 2.5, 0, 0],
  [0, 0, 0, 0],
];

describe('matrices to graphs', () => {
  it('make every actor a node and draw an edge where the value reaches the threshold', () => {
    const elements = matrixToElements(actors, daa, 3, { a: 'ASSOCIATION', m: 'ELU' });
    const nodes = elements.filter((e) => e.group === 'nodes');
    const edges = elements.filter((e) => e.group === 'edges');
    expect(nodes.map((n) => n.data.id)).toEqual(['a', 'm', 'p', 'x']);
    expect(nodes.map((n) => n.data.actorKind)).toEqual(['ASSOCIATION', 'ELU', 'UNKNOWN', 'UNKNOWN']);
    expect(edges.map((e) => [e.data.source, e.data.target, e.data.weight])).toEqual([
      ['a', 'm', 6],
      ['a', 'p', 5.5],
    ]);
    expect(nodes.find((n) => n.data.id === 'a')?.data.degree).toBe(2);
    expect(nodes.find((n) => n.data.id === 'x')?.data.degree).toBe(0);
  });

  it('never draw a zero edge, even with a threshold of 0, and one edge per pair', () => {
    const edges = matrixToElements(actors, daa, 0).filter((e) => e.group === 'edges');
    expect(edges).toHaveLength(3);
    expect(new Set(edges.map((e) => e.data.id)).size).toBe(3);
  });

  it('weigh edges by their value: the strongest is the widest', () => {
    const edges = matrixToElements(actors, daa, 0).filter((e) => e.group === 'edges');
    const width = (id: string) => Number(edges.find((e) => e.data.id === id)?.data.width);
    expect(width('a~m')).toBe(12);
    expect(width('a~m')).toBeGreaterThan(width('a~p'));
    expect(width('a~p')).toBeGreaterThan(width('m~p'));
    expect(edgeWidth(0, 0)).toBe(1.5);
  });

  it('read an asymmetric matrix by its larger side', () => {
    const edges = matrixToElements(
      actors.slice(0, 2),
      [
        [0, 0],
        [3, 0],
      ],
      1,
    ).filter((e) => e.group === 'edges');
    expect(edges.map((e) => e.data.weight)).toEqual([3]);
  });

  it('find the strongest pair and the largest value', () => {
    expect(strongestPair(actors, daa)).toEqual({ a: actors[0], b: actors[1], value: 6 });
    expect(maxOffDiagonal(daa)).toBe(6);
    expect(
      strongestPair(actors, [
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(maxOffDiagonal([])).toBe(0);
  });

  it('offer a threshold slider over the values present', () => {
    expect(thresholdRange(daa)).toEqual({ min: 2.5, max: 6, step: 0.5 });
    expect(
      thresholdRange([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual({ min: 0, max: 0, step: 1 });
    const weighted = thresholdRange([
      [0, 0.4],
      [33.1, 0],
    ]);
    expect(weighted.min).toBe(0.4);
    expect(weighted.step).toBeGreaterThan(0);
  });
});

describe('the influence / dependence plane', () => {
  it('splits actors at the mean influence and the mean dependence', () => {
    // I and D as in a small MIDI: mean I = 4, mean D = 4.
    const { meanI, meanD, quadrant } = quadrants([10, 4, 2, 0], [1, 8, 7, 0]);
    expect(meanI).toBe(4);
    expect(meanD).toBe(4);
    expect(quadrant).toEqual(['dominant', 'relay', 'dominated', 'autonomous']);
  });

  it('calls an actor with no influence and no dependence autonomous, even when nobody has any', () => {
    expect(quadrants([0, 0], [0, 0]).quadrant).toEqual(['autonomous', 'autonomous']);
    expect(quadrants([], []).meanI).toBe(0);
  });

  it('places labels without overlap, stacking those of points on the same spot', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 100, y: 100, label: 'AMAP de Malaunay' },
        { id: 'b', x: 100, y: 100, label: 'Club INNE' },
        { id: 'c', x: 395, y: 50, label: 'Maire de Malaunay' },
      ],
      { width: 400 },
    );
    const [a, b, c] = placed;
    expect(a?.ly).not.toBe(b?.ly);
    expect(Math.abs((a?.ly ?? 0) - (b?.ly ?? 0))).toBeGreaterThanOrEqual(15);
    expect(c?.anchor).toBe('end'); // would leave the plot on the right
    expect(a?.anchor).toBe('start');
  });

  it('keeps stacked labels inside the plot, going up when there is no room below', () => {
    const points = ['a', 'b', 'c', 'd'].map((id) => ({ id, x: 10, y: 195, label: `Acteur ${id}` }));
    const placed = placeLabels(points, { width: 400, top: 0, bottom: 200 });
    const lines = placed.map((p) => p.ly);
    expect(new Set(lines).size).toBe(4);
    for (const ly of lines) expect(ly + 3).toBeLessThanOrEqual(200);
  });

  it('ranks actors by normalised balance of power', () => {
    const ranking = powerRanking(actors, [0.4, 7.1, 0.5, 0]);
    expect(ranking.map((r) => r.actor.id)).toEqual(['m', 'p', 'a', 'x']);
  });
});

describe('tables', () => {
  const rows = [
    { id: 1, intensity: 2, age: 10 },
    { id: 2, intensity: 3, age: 5 },
    { id: 3, intensity: 2, age: 30 },
  ];

  it('sort by a column, keeping the original order between equals', () => {
    expect(sortBy(rows, (r) => r.intensity, 'descending').map((r) => r.id)).toEqual([2, 1, 3]);
    expect(sortBy(rows, (r) => r.intensity, 'ascending').map((r) => r.id)).toEqual([1, 3, 2]);
    expect(sortBy(rows, (r) => r.age, 'descending').map((r) => r.id)).toEqual([3, 1, 2]);
  });

  it('sort descending on the first click on a header, then flip', () => {
    const first = nextSort(null, 'intensity');
    expect(first).toEqual({ key: 'intensity', direction: 'descending' });
    expect(nextSort(first, 'intensity')).toEqual({ key: 'intensity', direction: 'ascending' });
    expect(nextSort(first, 'age')).toEqual({ key: 'age', direction: 'descending' });
  });
});

describe('progress since a milestone', () => {
  const zero: DiffSummary = {
    added: 0,
    ended: 0,
    changed: 0,
    actorsJoined: 0,
    actorsLeft: 0,
    engagementGained: 0,
    engagementLost: 0,
    positionsMoved: 0,
    conflictsNew: 0,
    conflictsArbitrated: 0,
    conflictsDepasses: 0,
    externalitiesInternalised: 0,
    leaps: 0,
    cooperationsNew: 0,
  };

  it('keeps the non-zero counts, arrivals and engagement first', () => {
    const items = progressItems({ ...zero, added: 54, conflictsArbitrated: 1, actorsJoined: 2, engagementGained: 7, leaps: 1 });
    expect(items).toEqual([
      { field: 'actorsJoined', count: 2 },
      { field: 'engagementGained', count: 7 },
      { field: 'conflictsArbitrated', count: 1 },
      { field: 'leaps', count: 1 },
    ]);
    expect(progressItems(zero)).toEqual([]);
  });

  it('finds the latest milestone on or before a day', () => {
    const m = (id: string, date: string) => ({ id, name: id, date, projectId: 'p', projectName: 'P' });
    const all = [m('a', '2018-10-16'), m('b', '2019-02-05'), m('c', '2021-04-10')];
    expect(latestMilestoneOnOrBefore(all, '2020-01-01')?.id).toBe('b');
    expect(latestMilestoneOnOrBefore(all, '2019-02-05')?.id).toBe('b');
    expect(latestMilestoneOnOrBefore(all, '2018-01-01')).toBeNull();
  });
});
