import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { END_OF_TIME, fromNeoDateTime, isoOrOpen, parseInstant, toNeoDateTime } from './time.ts';

describe('instants', () => {
  it('reads a bare date as midnight UTC and an ISO instant with its offset', () => {
    expect(parseInstant('2021-03-01').toISOString()).toBe('2021-03-01T00:00:00.000Z');
    expect(parseInstant('2021-03-01T10:00:00+02:00').toISOString()).toBe('2021-03-01T08:00:00.000Z');
  });

  it.each(['2021-02-30', 'hier', '2021-03-01T10:00', '10000-01-01', '1850-01-01'])('refuses %s with INVALID_DATE', (text) => {
    expect(() => parseInstant(text)).toThrow(DomainError);
  });

  it('round-trips through Neo4j datetimes to the millisecond', () => {
    const date = new Date('2019-06-15T13:45:12.345Z');
    expect(fromNeoDateTime(toNeoDateTime(date)).toISOString()).toBe(date.toISOString());
  });

  it('shows the open end of a validity as null', () => {
    expect(isoOrOpen(END_OF_TIME)).toBeNull();
    expect(isoOrOpen(new Date('2020-01-01T00:00:00Z'))).toBe('2020-01-01T00:00:00.000Z');
  });
});
