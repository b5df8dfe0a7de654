import { describe, expect, it } from 'vitest';
import {
  chooseWallLabels,
  placeCaptions,
  wallLabelBox,
  wrapLines,
  type WallLabelCandidate,
  type WallLabelMetrics,
} from './wallLabels.ts';

// A monospaced stand-in for the canvas: 10 units per character at font 18.
const metrics: WallLabelMetrics = {
  font: 18,
  maxWidth: 180,
  margin: 4,
  padding: 2,
  abbreviateAt: 16,
  measure: (text) => text.length * 10,
};

const node = (id: string, x: number, y: number, text: string, priority = 100, name = true): WallLabelCandidate => ({
  id,
  x,
  y,
  width: 40,
  height: 40,
  text,
  priority,
  name,
});

const overlaps = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a) =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('wall labels', () => {
  it('wraps between words at the wrapping width', () => {
    expect(wrapLines('Maison de santé pluriprofessionnelle', 180, metrics.measure)).toEqual([
      'Maison de santé',
      'pluriprofessionnelle',
    ]);
  });

  it('puts a label below its node when free, else above, right or left; never over another node', () => {
    const lone = chooseWallLabels([node('a', 0, 0, 'Mairie')], [], metrics);
    expect(lone.placed.get('a')).toEqual({ side: 'bottom', abbreviated: false });
    // A node right under « a »: its body takes the space below.
    const stacked = chooseWallLabels([node('a', 0, 0, 'Mairie', 200), node('b', 0, 50, 'CCAS', 100)], [], metrics);
    expect(stacked.placed.get('a')?.side).not.toBe('bottom');
    const boxA = wallLabelBox(node('a', 0, 0, 'Mairie'), 'Mairie', stacked.placed.get('a')!.side, metrics);
    expect(overlaps(boxA, { x1: -20, y1: 30, x2: 20, y2: 70 })).toBe(false);
  });

  it('keeps clear of obstacles (a perimeter name, a leap caption)', () => {
    const below = wallLabelBox(node('a', 0, 0, 'Mairie'), 'Mairie', 'bottom', metrics);
    const choice = chooseWallLabels([node('a', 0, 0, 'Mairie')], [below], metrics);
    expect(choice.placed.get('a')?.side).toBe('top');
  });

  it('hides the lower-priority labels of a dense cluster, yet keeps half the names', () => {
    // Ten actors on top of each other: no free spot for most.
    const cluster = Array.from({ length: 10 }, (_, i) =>
      node(`n${i}`, i * 0.5, i * 0.5, `Acteur numéro ${i} du territoire`, 100 + i),
    );
    const { placed } = chooseWallLabels(cluster, [], metrics);
    expect(placed.size).toBe(5);
    // The highest priorities are the ones kept.
    expect([...placed.keys()].sort()).toEqual(['n5', 'n6', 'n7', 'n8', 'n9']);
  });

  it('does not count captions (externalities, leaps) towards the share of names', () => {
    const cluster = [
      node('actor', 0, 0, 'Association des parents', 120),
      node('other', 2, 2, 'Collectif des habitants', 110),
      node('ext', 1, 1, 'Des rez-de-chaussée vacants', 50, false),
    ];
    const { placed } = chooseWallLabels(cluster, [], metrics);
    expect(placed.has('actor')).toBe(true);
    expect([...placed.keys()].filter((id) => id !== 'ext').length).toBeGreaterThanOrEqual(1);
  });
});

describe('placeCaptions', () => {
  const caption = { id: 'leap-1', box: { x1: 0, y1: 0, x2: 100, y2: 20 } };

  it('keeps a caption where it is when nothing is in the way', () => {
    expect(placeCaptions([caption], [], []).get('leap-1')).toBe(0);
  });

  it('moves a caption off a perimeter’s name, and off the nodes where it can', () => {
    const name = { x1: 20, y1: 5, x2: 80, y2: 25 };
    const dy = placeCaptions([caption], [name], [{ x1: 40, y1: 30, x2: 60, y2: 50 }]).get('leap-1')!;
    const moved = { y1: caption.box.y1 + dy, y2: caption.box.y2 + dy };
    expect(moved.y2 <= name.y1 || moved.y1 >= name.y2).toBe(true);
    expect(moved.y2 <= 30 || moved.y1 >= 50).toBe(true);
  });

  it('keeps two captions apart', () => {
    const other = { id: 'leap-2', box: { x1: 50, y1: 0, x2: 150, y2: 20 } };
    const offsets = placeCaptions([caption, other], [], []);
    expect(Math.abs(offsets.get('leap-2')! - offsets.get('leap-1')!)).toBeGreaterThanOrEqual(20);
  });
});
