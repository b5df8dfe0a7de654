/**
 * A span of calendar time in whole years, months and days (UTC), as a person says how long a
 * tension has been open: « 8 ans et 2 mois », not « 2 975 j ». Pure.
 */
export interface CalendarAge {
  years: number;
  months: number;
  days: number;
}

/**
 * Whole years and months from `from` to `to` (a month counts when its day-of-month is reached;
 * 31 Jan → 28 Feb is 0 months and 28 days), and the days left over. `to` before `from` is read as 0.
 */
export function calendarAge(from: Date, to: Date): CalendarAge {
  if (to.getTime() <= from.getTime()) return { years: 0, months: 0, days: 0 };
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  const anchor = (m: number) => {
    const a = new Date(from.getTime());
    a.setUTCDate(1);
    a.setUTCMonth(a.getUTCMonth() + m);
    // Clamp to the last day of the target month (31 Jan + 1 month → 28/29 Feb).
    const last = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 0)).getUTCDate();
    a.setUTCDate(Math.min(from.getUTCDate(), last));
    return a;
  };
  if (anchor(months).getTime() > to.getTime()) months -= 1;
  const days = Math.floor((to.getTime() - anchor(months).getTime()) / 86_400_000);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

/** The words for an age: the two largest units that are not 0 (years and months, or months, or days). */
export function ageParts(age: CalendarAge): { unit: 'years' | 'months' | 'days'; n: number }[] {
  if (age.years > 0) {
    return age.months > 0
      ? [
          { unit: 'years', n: age.years },
          { unit: 'months', n: age.months },
        ]
      : [{ unit: 'years', n: age.years }];
  }
  if (age.months > 0) return [{ unit: 'months', n: age.months }];
  return age.days > 0 ? [{ unit: 'days', n: age.days }] : [];
}
