import { describe, expect, it } from 'vitest';
import { BLUES, ORANGES, contrastRatio, relativeLuminance, sequentialColour, textColourOn } from './scales.ts';

describe('the heatmap colour scales', () => {
  it('run from the lightest stop at 0 to the darkest at the maximum', () => {
    expect(sequentialColour(0, 8, BLUES)).toBe(BLUES[0]);
    expect(sequentialColour(8, 8, BLUES)).toBe(BLUES[8]);
    expect(sequentialColour(12, 8, ORANGES)).toBe(ORANGES[8]);
    expect(sequentialColour(-2, 8, ORANGES)).toBe(ORANGES[0]);
    expect(sequentialColour(3, 0, BLUES)).toBe(BLUES[0]);
  });

  it('hit the stops exactly and interpolate between them', () => {
    expect(sequentialColour(1, 8, BLUES)).toBe(BLUES[1]);
    expect(sequentialColour(4, 8, ORANGES)).toBe(ORANGES[4]);
    const between = sequentialColour(0.5, 8, BLUES);
    expect(relativeLuminance(between)).toBeLessThan(relativeLuminance(BLUES[0]));
    expect(relativeLuminance(between)).toBeGreaterThan(relativeLuminance(BLUES[1]));
  });

  it('darken steadily, so the scale reads in greyscale print as well', () => {
    for (const palette of [BLUES, ORANGES]) {
      const lum = Array.from({ length: 21 }, (_, i) => relativeLuminance(sequentialColour(i, 20, palette)));
      for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThan(lum[i - 1]!);
    }
  });

  it('pick a text colour that stays readable on every cell', () => {
    for (const palette of [BLUES, ORANGES]) {
      for (let i = 0; i <= 40; i++) {
        const bg = sequentialColour(i, 40, palette);
        expect(contrastRatio(bg, textColourOn(bg)), bg).toBeGreaterThanOrEqual(3.9);
      }
    }
    expect(textColourOn('#ffffff')).toBe('#1d2733');
    expect(textColourOn('#08306b')).toBe('#ffffff');
  });
});
