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

  it.each([
    '2021-02-30T00:00:00Z',
    '2021-02-29',
    '2021-01-01T24:00Z',
    '2021-01-01T23:60Z',
    '2021-01-01T23:59:60Z',
    '2021-13-01',
    '2021-01-01T10:00+24:00',
    '0000-01-01',
    '9999-12-31',
    '9999-01-01T00:00Z',
    '1900-01-01T00:30+01:00',
  ])('refuses the impossible or out-of-range %s, never shifting it', (text) => {
    expect(() => parseInstant(text)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('accepts the edges of the range and leap days, to the millisecond', () => {
    expect(parseInstant('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseInstant('1900-01-01T00:00Z').toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(parseInstant('9998-12-31T23:59:59.999Z').toISOString()).toBe('9998-12-31T23:59:59.999Z');
    expect(parseInstant('2021-03-01T10:00:00.123456789-05:30').toISOString()).toBe('2021-03-01T15:30:00.123Z');
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
