import { isoDay } from '../../model/dates.ts';
import type { Cell } from '../read/workbook.ts';

/** A cell read as a calendar day: the day, or why it is not one, or null when blank. */
export type DayReading = { day: string } | { error: string } | null;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The day if y-m-d exists in the calendar (31/02 does not), else null: never shifted. */
function exactDay(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Excel's day 0 (serial dates count from 1899-12-30, after its 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Excel's largest date, 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;

/**
 * A cell as a calendar day, strictly: a workbook date cell; an Excel serial day number
 * (a numeric cell); « 25/11/2026 », « 25/11/26 » (two-digit years as Excel reads them: 00–29 →
 * 2000s, 30–99 → 1900s), « 25-11-2026 », « 25.11.2026 » (day first, the French order); ISO
 * « 2026-11-25 », optionally with a time. A date that does not exist (31/02/2026) is an error,
 * never shifted to the next month.
 */
export function readDay(cell: Cell): DayReading {
  if (cell === null || cell === '') return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: "n'est pas une date" };
    return { day: isoDay(cell) };
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > EXCEL_MAX_SERIAL) return { error: "n'est pas une date" };
    return { day: isoDay(new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000)) };
  }
  if (typeof cell === 'boolean') return { error: "n'est pas une date" };
  const text = cell.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (match) {
    const day = exactDay(Number(match[1]), Number(match[2]), Number(match[3]));
    return day ? { day } : { error: "n'existe pas dans le calendrier" };
  }
  match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (match) {
    let year = Number(match[4]);
    if (match[4]!.length === 2) year += year < 30 ? 2000 : 1900;
    const day = exactDay(year, Number(match[3]), Number(match[1]));
    return day ? { day } : { error: "n'existe pas dans le calendrier" };
  }
  return { error: "n'est pas une date (écrivez-la jj/mm/aaaa ou aaaa-mm-jj)" };
}
