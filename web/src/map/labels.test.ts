import { describe, expect, it } from 'vitest';
import { abbreviate, chooseLabels, labelScale, MIN_LABEL_PX, type LabelCandidate } from './labels.ts';

const metrics = { font: 13, maxWidth: 130, margin: 4 };
const at = (id: string, x: number, y: number, priority = 0, text = `Acteur ${id}`): LabelCandidate => ({
  id,
  x,
  y,
  height: 30,
  text,
  priority,
});

describe('readable labels', () => {
  it('enlarges the font just enough for MIN_LABEL_PX on screen, never shrinks it', () => {
    expect(labelScale(1, 13)).toBe(1);
    expect(labelScale(2, 13)).toBe(1);
    for (const zoom of [0.43, 0.52, 0.73, 0.1]) {
      const scale = labelScale(zoom, 13);
      expect(13 * scale * zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      expect(13 * (scale - 0.1) * zoom).toBeLessThan(MIN_LABEL_PX);
    }
  });

  it('abbreviates long names at a word when it can', () => {
    expect(abbreviate('Union des commerçants')).toBe('Union des commerçants');
    expect(abbreviate("Association des parents d'élèves du Cailly")).toBe('Association des…');
    expect(abbreviate('Établissementpublicfoncierdenormandie')).toHaveLength(22);
  });

  it('keeps every label when they are apart, and the most important when they collide', () => {
    const apart = chooseLabels([at('a', 0, 0), at('b', 500, 0), at('c', 0, 500)], metrics);
    expect([...apart.full].sort()).toEqual(['a', 'b', 'c']);
    // Four nodes on the same spot: the highest priority keeps its name, half keep one.
    const piled = chooseLabels([at('a', 0, 0, 1), at('b', 0, 0, 5), at('c', 0, 0, 3), at('d', 0, 0, 2)], metrics);
    expect([...piled.full]).toEqual(['b']);
    expect(piled.full.size + piled.abbreviated.size).toBe(2);
    expect(piled.abbreviated.has('c')).toBe(true);
  });

  it('hides a lower-priority label that would cover a higher one, unless half would go', () => {
    const long = "Association des parents d'élèves du Cailly et des environs";
    const { full, abbreviated } = chooseLabels([at('first', 0, 0, 9, long), at('second', 0, 30, 1, long)], metrics, 0);
    expect(full.has('first')).toBe(true);
    expect(abbreviated.has('second') || full.has('second')).toBe(false);
  });

  it('counts the half among names only: captions shown in free space do not stand in for names', () => {
    // Four names piled on one spot, four captions of other nodes each in free space: two names must show.
    const caption = (id: string, x: number) => ({ ...at(id, x, 1000, 50, `Saut ${id}`), name: false });
    const piled = chooseLabels(
      [
        at('a', 0, 0, 100),
        at('b', 0, 0, 99),
        at('c', 0, 0, 98),
        at('d', 0, 0, 97),
        caption('w', 0),
        caption('x', 500),
        caption('y', 1000),
        caption('z', 1500),
      ],
      metrics,
    );
    const shown = (id: string) => piled.full.has(id) || piled.abbreviated.has(id);
    expect(['a', 'b', 'c', 'd'].filter(shown)).toHaveLength(2);
    expect(['w', 'x', 'y', 'z'].filter(shown)).toHaveLength(4);
  });
});
