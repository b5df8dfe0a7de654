import { describe, expect, it } from 'vitest';
import { LINK_KINDS } from './linkKinds.ts';
import { blend, swatchMarks, swatchSvg } from './linkSwatch.ts';

const kind = (id: string) => LINK_KINDS.find((k) => k.id === id)!;
const box = { x: 0, y: 0, length: 36, height: 14 };

describe('a link’s legend swatch', () => {
  it('draws the kind’s ends: an arrow for a position, a tee at each end of a conflict, none for a convergence', () => {
    expect(swatchMarks(kind('position-for'), box, 3).ends).toHaveLength(1);
    expect(swatchMarks(kind('conflict-identified'), box, 3).ends).toHaveLength(2);
    expect(swatchMarks(kind('convergence'), box, 5).ends).toHaveLength(0);
    // The line stops at an arrow's base, inside the box.
    const marks = swatchMarks(kind('position-for'), box, 3);
    expect(marks.line.x2).toBeLessThan(36);
    expect(Math.max(...marks.ends[0]!.map(([x]) => x))).toBe(36);
  });

  it('writes the same as SVG: colour, dashes, translucency', () => {
    const identified = swatchSvg(swatchMarks(kind('conflict-identified'), box, 3));
    expect(identified).toContain('stroke-dasharray="12 5"');
    expect(identified.match(/<polygon/g)).toHaveLength(2);
    expect(swatchSvg(swatchMarks(kind('convergence'), box, 5))).toContain('stroke-opacity="0.6"');
  });

  it('blends a translucent colour into the page for a PDF', () => {
    expect(blend('#000000', '#ffffff', 0.5)).toBe('#808080');
  });
});
