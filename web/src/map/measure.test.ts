import { describe, expect, it } from 'vitest';
import { MEASURE_SIZE, measureSize, projectCounts, scaleMeasure } from './measure.ts';

describe('scaleMeasure', () => {
  it('scales values between the smallest and the largest, and leaves out the missing', () => {
    const { scale, min, max } = scaleMeasure(
      new Map([
        ['a', 2],
        ['b', 0.5],
        ['c', 1.25],
        ['d', Number.NaN],
      ]),
    );
    expect([min, max]).toEqual([0.5, 2]);
    expect(scale).toEqual(
      new Map([
        ['a', 1],
        ['b', 0],
        ['c', 0.5],
      ]),
    );
  });

  it('gives every actor the middle when all values are equal', () => {
    expect(
      scaleMeasure(
        new Map([
          ['a', 3],
          ['b', 3],
        ]),
      ).scale,
    ).toEqual(
      new Map([
        ['a', 0.5],
        ['b', 0.5],
      ]),
    );
    expect(scaleMeasure(new Map()).scale.size).toBe(0);
  });
});

describe('measureSize and projectCounts', () => {
  it('maps 0…1 to the size span, clamped', () => {
    expect(measureSize(0)).toBe(MEASURE_SIZE.min);
    expect(measureSize(1)).toBe(MEASURE_SIZE.max);
    expect(measureSize(2)).toBe(MEASURE_SIZE.max);
    expect(measureSize(0.5, true)).toBe(Math.round(((MEASURE_SIZE.min + MEASURE_SIZE.max) / 2) * 1.3));
  });

  it('counts each actor’s projects above « concerné », once per project', () => {
    const counts = projectCounts([
      {
        engagements: [
          { actorId: 'mairie', level: 'MOTEUR' },
          { actorId: 'amap', level: 'CONCERNE' },
        ],
      },
      {
        engagements: [
          { actorId: 'mairie', level: 'INFORME' },
          { actorId: 'amap', level: 'COOPERANT' },
        ],
      },
    ]);
    expect(counts).toEqual(
      new Map([
        ['mairie', 2],
        ['amap', 1],
      ]),
    );
  });
});
