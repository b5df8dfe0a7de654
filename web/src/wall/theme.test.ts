import { ACTOR_KINDS } from '@trame/graph/model';
import { describe, expect, it } from 'vitest';
import { LINK_KINDS } from '../map/linkKinds.ts';
import { contrastRatio, WALL_THEMES, wallStylesheet } from './theme.ts';

describe('the wall’s themes', () => {
  it('compute WCAG contrast as the guidelines do', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
  });

  for (const [name, theme] of Object.entries(WALL_THEMES)) {
    it(`${name}: text at least 4.5:1 (AA), kinds and links at least 3:1 against the background`, () => {
      expect(contrastRatio(theme.text, theme.background)).toBeGreaterThanOrEqual(7);
      expect(contrastRatio(theme.muted, theme.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.text, theme.labelBackground)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.text, theme.perimeterFill)).toBeGreaterThanOrEqual(4.5);
      for (const kind of ACTOR_KINDS) expect(contrastRatio(theme.kinds[kind]!, theme.background), kind).toBeGreaterThanOrEqual(3);
      for (const kind of LINK_KINDS)
        expect(contrastRatio(theme.links[kind.id], theme.background), kind.id).toBeGreaterThanOrEqual(3);
    });
  }

  it('never draws a label under 24 px on screen, in either theme', () => {
    for (const name of ['light', 'dark'] as const) {
      const sheet = wallStylesheet(name, 2);
      const mins = sheet.map((s) => s.style['min-zoomed-font-size']).filter((v) => v !== undefined);
      expect(mins.length).toBeGreaterThan(0);
      for (const min of mins) expect(Number(min)).toBeGreaterThanOrEqual(24);
    }
  });
});
