import { describe, expect, it } from 'vitest';
import { viewportInside } from './fitInside.ts';

const screen = { width: 1000, height: 600, margin: 10 };
const limits = { min: 0.05, max: 3 };

describe('viewportInside', () => {
  it('leaves a map that is inside alone', () => {
    const content = { x1: 20, y1: 20, x2: 980, y2: 580 };
    expect(viewportInside(screen, 1, content, content, content, limits)).toBeNull();
  });

  it('zooms out so that the bodies and their labels (kept in pixels) fit, centred', () => {
    // Bodies span 0…1000 in the drawing at zoom 1; labels add 60 px left and 40 px right.
    const bodies = { x1: 0, y1: 100, x2: 1000, y2: 400 };
    const content = { x1: -60, y1: 100, x2: 1040, y2: 400 };
    const view = viewportInside(screen, 1, content, bodies, bodies, limits)!;
    expect(view.zoom).toBeCloseTo((1000 - 20 - 100) / 1000);
    const left = 0 * view.zoom + view.pan.x - 60;
    const right = 1000 * view.zoom + view.pan.x + 40;
    expect(left).toBeCloseTo(10);
    expect(right).toBeCloseTo(990);
  });

  it('only moves a map that fits but sits off the screen', () => {
    const bodies = { x1: -200, y1: 100, x2: 500, y2: 300 };
    const view = viewportInside(screen, 1, bodies, bodies, bodies, limits)!;
    expect(view.zoom).toBe(1);
    expect(view.pan.x + -200).toBeCloseTo(150);
  });
});
