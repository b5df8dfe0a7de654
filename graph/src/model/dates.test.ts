import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoDay, milestoneInstant, today } from './dates.ts';

describe('isoDay', () => {
  it('names the UTC day of an instant, from its first to its last millisecond', () => {
    expect(isoDay(new Date('2021-03-23T00:00:00.000Z'))).toBe('2021-03-23');
    expect(isoDay(new Date('2021-03-23T23:59:59.999Z'))).toBe('2021-03-23');
    expect(isoDay(new Date('2021-03-24T00:00:00.000Z'))).toBe('2021-03-24');
  });

  it('reads the day in UTC, whatever the offset the instant was written with', () => {
    // 01:30 in Paris in winter is still the previous day in UTC.
    expect(isoDay(new Date('2021-01-01T01:30:00+02:00'))).toBe('2020-12-31');
    expect(isoDay(new Date('2020-12-31T22:30:00-02:00'))).toBe('2021-01-01');
  });

  it('knows leap days', () => {
    expect(isoDay(new Date(Date.UTC(2024, 1, 29, 12)))).toBe('2024-02-29');
    expect(isoDay(new Date(Date.UTC(2000, 1, 29)))).toBe('2000-02-29');
    // 2100 is not a leap year: the day after 28 February is 1 March.
    expect(isoDay(new Date(Date.UTC(2100, 1, 28) + 86_400_000))).toBe('2100-03-01');
  });
});

describe('today', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the UTC day of the clock, up to the last millisecond of the day', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2024-02-29T23:59:59.999Z'));
    expect(today()).toBe('2024-02-29');
    vi.setSystemTime(new Date('2024-03-01T00:00:00.000Z'));
    expect(today()).toBe('2024-03-01');
  });
});

describe('milestoneInstant', () => {
  it('stands for the last millisecond of the milestone day (UTC)', () => {
    expect(milestoneInstant('2021-03-23').toISOString()).toBe('2021-03-23T23:59:59.999Z');
  });

  it('counts what happened during the meeting day, not the day after', () => {
    const instant = milestoneInstant('2018-06-28').getTime();
    expect(new Date('2018-06-28T18:00:00Z').getTime()).toBeLessThanOrEqual(instant);
    expect(new Date('2018-06-29T00:00:00Z').getTime()).toBeGreaterThan(instant);
  });

  it('ends a leap day on the leap day, and the last day of a year in that year', () => {
    expect(milestoneInstant('2024-02-29').toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(milestoneInstant('2000-02-29').toISOString()).toBe('2000-02-29T23:59:59.999Z');
    expect(milestoneInstant('2023-12-31').toISOString()).toBe('2023-12-31T23:59:59.999Z');
    expect(milestoneInstant('2024-02-28').toISOString()).toBe('2024-02-28T23:59:59.999Z');
  });

  it('gives back its own day through isoDay', () => {
    for (const day of ['1900-01-01', '2020-02-29', '2021-03-28', '2021-10-31', '9998-12-31']) {
      expect(isoDay(milestoneInstant(day))).toBe(day);
    }
  });
});
