import neo4j, { type DateTime as NeoDateTime } from 'neo4j-driver';
import { DomainError } from './errors.ts';

/**
 * Instants in Trame. The graph stores Neo4j DATETIME values in UTC; the domain passes
 * JavaScript `Date`s; the API speaks ISO 8601 strings. An open validity ends at END_OF_TIME so
 * that range indexes can answer "valid at t" without null checks.
 */
export const END_OF_TIME = new Date(Date.UTC(9999, 11, 31));

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses 'YYYY-MM-DD' (midnight UTC) or a full ISO 8601 instant with its offset. */
export function parseInstant(value: string, label = 'la date'): Date {
  const trimmed = value.trim();
  const text = DATE_ONLY.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed;
  const date = new Date(text);
  const shapeOk = DATE_ONLY.test(trimmed) || ISO_INSTANT.test(trimmed);
  if (!shapeOk || Number.isNaN(date.getTime()) || (DATE_ONLY.test(trimmed) && !date.toISOString().startsWith(trimmed))) {
    throw new DomainError('INVALID_DATE', `${label} « ${value} » n'est pas une date valide (AAAA-MM-JJ ou ISO 8601)`);
  }
  if (date.getTime() >= END_OF_TIME.getTime() || date.getUTCFullYear() < 1900) {
    throw new DomainError('INVALID_DATE', `${label} « ${value} » sort des dates permises (1900 à 9998)`);
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
