import { ACTOR_KINDS, CONFLICT_STATUSES } from '@trame/graph/model';
import { describe, expect, it } from 'vitest';
import { ACTOR_KIND_STYLE, CONFLICT_STATUS_STYLE, actorSize, mapStylesheet } from './style.ts';

describe('the map style', () => {
  it('gives every actor kind its own colour and its own shape (never colour alone)', () => {
    const styles = ACTOR_KINDS.map((kind) => ACTOR_KIND_STYLE[kind]!);
    expect(new Set(styles.map((s) => s.color)).size).toBe(ACTOR_KINDS.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(ACTOR_KINDS.length);
  });

  it('styles every conflict status, with a line style as well as a colour', () => {
    for (const status of CONFLICT_STATUSES) expect(CONFLICT_STATUS_STYLE[status], status).toBeDefined();
    const sheet = mapStylesheet();
    for (const status of CONFLICT_STATUSES)
      expect(sheet.some((s) => s.selector === `edge.conflict[status = "${status}"]`)).toBe(true);
  });

  it('grows actors with their engagement, and more so on a wall', () => {
    expect(actorSize(0)).toBeLessThan(actorSize(4));
    expect(actorSize(9)).toBe(actorSize(4));
    expect(actorSize(2, true)).toBeGreaterThan(actorSize(2));
  });

  it('uses larger type in projection', () => {
    const font = (projection: boolean) =>
      mapStylesheet({ projection }).find((s) => s.selector === 'node')!.style['font-size'] as number;
    expect(font(true)).toBeGreaterThan(font(false));
  });
});
