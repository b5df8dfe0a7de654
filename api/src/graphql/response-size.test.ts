import { describe, expect, it } from 'vitest';
import { exceedsJsonChars } from './response-size.ts';

const sample = {
  project: {
    id: 'prj-marche',
    name: 'Marché de producteurs',
    actors: Array.from({ length: 200 }, (_, i) => ({
      id: `act-${i}`,
      name: `Acteur ${i}`,
      level: 'INFORME',
      x: i * 1.5,
      ok: i % 2 === 0,
      note: null,
    })),
  },
};

describe('exceedsJsonChars', () => {
  const length = JSON.stringify(sample).length;

  it('estimates the JSON length within 10 %', () => {
    expect(exceedsJsonChars(sample, length * 0.9)).toBe(true);
    expect(exceedsJsonChars(sample, length * 1.1)).toBe(false);
  });

  it('stops early on a huge value', () => {
    const huge = Array.from({ length: 1_000_000 }, () => 'abcdefghij');
    expect(exceedsJsonChars(huge, 1_000)).toBe(true);
  });

  it('counts scalars and empty containers', () => {
    expect(exceedsJsonChars('x'.repeat(100), 99)).toBe(true);
    expect(exceedsJsonChars({}, 10)).toBe(false);
    expect(exceedsJsonChars([], 1)).toBe(true);
  });
});
