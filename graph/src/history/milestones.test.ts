import { describe, expect, it } from 'vitest';
import { readMomentOf } from './milestones.ts';

describe('readMomentOf', () => {
  const now = Date.parse('2024-06-01T12:00:00Z');

  it('reads a past instant as it is', () => {
    const past = new Date('2024-06-01T11:59:59.999Z');
    expect(readMomentOf(past, now)).toBe(past);
  });

  it('reads now, the future or no instant as the latest state', () => {
    expect(readMomentOf(new Date(now), now)).toBeNull();
    expect(readMomentOf(new Date('2030-01-01T00:00:00Z'), now)).toBeNull();
    expect(readMomentOf(null, now)).toBeNull();
    expect(readMomentOf(undefined, now)).toBeNull();
  });
});
