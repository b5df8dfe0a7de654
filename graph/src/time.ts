import neo4j, { type DateTime as NeoDateTime } from 'neo4j-driver';
import { DomainError } from './errors.ts';
import { YEAR_RANGE, calendarDateProblem } from './model/validation.ts';

/**
 * Instants in Trame. The graph stores Neo4j DATETIME values in UTC; the domain passes
 * JavaScript `Date`s; the API speaks ISO 8601 strings. An open validity ends at END_OF_TIME so
 * that range indexes can answer "valid at t" without null checks.
 */
export const END_OF_TIME = new Date(Date.UTC(9999, 11, 31));

/** 'YYYY-MM-DD', or an instant with its time and an offset ('Z' or ±HH:MM). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses 'YYYY-MM-DD' (midnight UTC) or a full ISO 8601 instant with its offset. Every part is
 * checked, never carried over: 2021-02-30 or 24:00 is refused, not read as the next day.
 * @throws DomainError INVALID_DATE — bad shape, a day or time that does not exist, or an
 *   instant outside YEAR_RANGE (1900–9998, in UTC).
 */
export function parseInstant(value: string, label = 'la date'): Date {
  const trimmed = value.trim();
  const match = INSTANT.exec(trimmed);
  if (!match) {
    throw new DomainError('INVALID_DATE', `${label} « ${value} » n'est pas une date valide (AAAA-MM-JJ ou ISO 8601)`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = match[8] ?? 'Z';
  const [offsetHours, offsetMinutes] = offset === 'Z' ? [0, 0] : [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
  const calendar = calendarDateProblem(year, month, day);
  if (calendar === 'calendar' || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    throw new DomainError('INVALID_DATE', `${label} « ${value} » n'existe pas au calendrier (jour ou heure impossible)`);
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  // Date.UTC reads years 0–99 as 19xx; the range check below refuses them anyway, setUTCFullYear is exact.
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  utc.setUTCFullYear(year);
  const date = new Date(utc.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
  const utcYear = date.getUTCFullYear();
  if (utcYear < YEAR_RANGE.min || utcYear > YEAR_RANGE.max) {
    throw new DomainError(
      'INVALID_DATE',
      `${label} « ${value} » sort des dates permises (${YEAR_RANGE.min} à ${YEAR_RANGE.max})`,
    );
  }
  return date;
}

export function toNeoDateTime(date: Date): NeoDateTime<number> {
  return new neo4j.types.DateTime(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds() * 1_000_000,
    0,
  );
}

/** A Neo4j DATETIME, or epoch milliseconds (how the read projections send instants). */
export function fromNeoDateTime(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (value !== null && typeof value === 'object' && neo4j.isDateTime(value)) {
    const dt = value as NeoDateTime;
    const num = (v: unknown) => neo4j.integer.toNumber(v as number);
    const offset = dt.timeZoneOffsetSeconds == null ? 0 : num(dt.timeZoneOffsetSeconds);
    const ms = Date.UTC(num(dt.year), num(dt.month) - 1, num(dt.day), num(dt.hour), num(dt.minute), num(dt.second));
    return new Date(ms + Math.floor(num(dt.nanosecond) / 1_000_000) - offset * 1000);
  }
  throw new TypeError(`not a datetime: ${String(value)}`);
}

/** ISO string, or null for the open end of a validity. */
export function isoOrOpen(date: Date): string | null {
  return date.getTime() >= END_OF_TIME.getTime() ? null : date.toISOString();
}
