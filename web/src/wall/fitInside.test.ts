import { describe, expect, it } from 'vitest';
import { viewportFilled, viewportInside } from './fitInside.ts';

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

describe('viewportFilled', () => {
  it('zooms in to fill a screen that grew, the labels’ room kept in pixels, centred', () => {
    // Fitted to a 1000 px wide screen at zoom 0.5; the screen grows to 1300 px (the legend hidden).
    const model = { x1: 0, y1: 0, x2: 1800, y2: 1000 };
    const bodies = { x1: 40, y1: 20, x2: 940, y2: 520 };
    const content = { x1: 10, y1: 20, x2: 990, y2: 560 };
    const wider = { width: 1300, height: 600, margin: 10 };
    const view = viewportFilled(wider, 0.5, content, bodies, model, limits);
    // The height binds: 600 − 20 px of margins − 40 px of labels below, for 1000 units.
    expect(view.zoom).toBeCloseTo(0.54);
    expect(view.zoom).toBeGreaterThan(0.5);
    const left = view.pan.x - 30;
    const right = 1800 * view.zoom + view.pan.x + 50;
    expect((left + right) / 2).toBeCloseTo(650);
  });
});
