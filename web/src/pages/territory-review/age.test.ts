import { describe, expect, it } from 'vitest';
import { ageParts, calendarAge } from './age.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('calendarAge', () => {
  it('counts whole years, months and the days left', () => {
    // 2 996 days: from 15 Sept 2017 to 28 Nov 2025 is 8 years, 2 months and 13 days.
    expect(calendarAge(d('2017-09-15'), d('2025-11-28'))).toEqual({ years: 8, months: 2, days: 13 });
    expect(calendarAge(d('2025-01-10'), d('2025-03-09'))).toEqual({ years: 0, months: 1, days: 27 });
    expect(calendarAge(d('2025-01-10'), d('2025-01-22'))).toEqual({ years: 0, months: 0, days: 12 });
  });

  it('clamps to the end of shorter months and reads a reversed span as 0', () => {
    expect(calendarAge(d('2025-01-31'), d('2025-02-28'))).toEqual({ years: 0, months: 1, days: 0 });
    expect(calendarAge(d('2025-01-31'), d('2025-02-27'))).toEqual({ years: 0, months: 0, days: 27 });
    expect(calendarAge(d('2025-02-01'), d('2025-01-01'))).toEqual({ years: 0, months: 0, days: 0 });
  });
});

describe('ageParts', () => {
  it('keeps the two largest units, without zeros', () => {
    expect(ageParts({ years: 8, months: 2, days: 13 })).toEqual([
      { unit: 'years', n: 8 },
      { unit: 'months', n: 2 },
    ]);
    expect(ageParts({ years: 1, months: 0, days: 3 })).toEqual([{ unit: 'years', n: 1 }]);
    expect(ageParts({ years: 0, months: 5, days: 3 })).toEqual([{ unit: 'months', n: 5 }]);
    expect(ageParts({ years: 0, months: 0, days: 3 })).toEqual([{ unit: 'days', n: 3 }]);
    expect(ageParts({ years: 0, months: 0, days: 0 })).toEqual([]);
  });
});
