import { describe, expect, it } from 'vitest';
import { readDay } from './dates.ts';

describe('readDay', () => {
  it('reads French and ISO days, two-digit years as Excel does, date cells and Excel serials', () => {
    expect(readDay('25/11/2026')).toEqual({ day: '2026-11-25' });
    expect(readDay('5/3/2021')).toEqual({ day: '2021-03-05' });
    expect(readDay('25/11/26')).toEqual({ day: '2026-11-25' });
    expect(readDay('25/11/45')).toEqual({ day: '1945-11-25' });
    expect(readDay('25.11.2026')).toEqual({ day: '2026-11-25' });
    expect(readDay('25-11-2026')).toEqual({ day: '2026-11-25' });
    expect(readDay('2026-11-25')).toEqual({ day: '2026-11-25' });
    expect(readDay('2026-11-25T10:30:00Z')).toEqual({ day: '2026-11-25' });
    expect(readDay(new Date(Date.UTC(2021, 2, 15)))).toEqual({ day: '2021-03-15' });
    expect(readDay(46351)).toEqual({ day: '2026-11-25' });
    expect(readDay(1)).toEqual({ day: '1899-12-31' });
    expect(readDay(null)).toBeNull();
    expect(readDay('')).toBeNull();
  });

  it('never shifts an impossible date', () => {
    expect(readDay('31/02/2026')).toEqual({ error: "n'existe pas dans le calendrier" });
    expect(readDay('29/02/2025')).toEqual({ error: "n'existe pas dans le calendrier" });
    expect(readDay('29/02/2024')).toEqual({ day: '2024-02-29' });
    expect(readDay('2026-13-01')).toEqual({ error: "n'existe pas dans le calendrier" });
    expect(readDay('11/25/2026')).toEqual({ error: "n'existe pas dans le calendrier" }); // month first is not French
  });

  it('refuses what is not a date', () => {
    expect(readDay('mars 2021')).toHaveProperty('error');
    expect(readDay('2021')).toHaveProperty('error');
    expect(readDay(-3)).toHaveProperty('error');
    expect(readDay(true)).toHaveProperty('error');
  });
});
