import { toNeoDateTime } from '../time.ts';

/**
 * Span levels: how a past instant finds the versions valid then without scanning the history.
 *
 * A closed version carries `spanLevel` = the smallest k ≥ 0 with (validTo − validFrom) ≤ 2^k days
 * (capped at SPAN_LEVEL_MAX); open versions carry none. A closed version of level k valid at t
 * began within 2^k days before t, so for each level one seek of the
 * (projectId, spanLevel, validFrom) index over (t − window(k), t] finds them, and most of what
 * it reads is valid at t: the cost follows the number of versions near t, not the length of the
 * history. Open versions valid at t are an equality seek on `validTo = END_OF_TIME`.
 */
export const SPAN_LEVEL_MAX = 22; // 2^22 days: over 11,000 years
const DAY_MS = 86_400_000;

/**
 * The Cypher expression of a closed span's level; null when `to` is the end of time (the
 * query needs the parameter `$end`). Written once here and used by every write that closes a
 * version, so that every writer computes the same level.
 */
export function spanLevelCypher(from: string, to: string): string {
  const days = `toFloat(${to}.epochMillis - ${from}.epochMillis) / ${DAY_MS}.0`;
  return `CASE
      WHEN ${to} >= $end THEN null
      WHEN ${days} <= 1.0 THEN 0
      WHEN ${days} >= 2.0 ^ ${SPAN_LEVEL_MAX} THEN ${SPAN_LEVEL_MAX}
      ELSE toInteger(ceil(log(${days}) / log(2.0))) END`;
}

/** A day of margin on every window: the level's logarithm may round at exact powers of two. */
function spanWindowMs(level: number): number {
  return (2 ** level + 1) * DAY_MS;
}

const NEVER = new Date('0001-01-01T00:00:00Z');

/** The seeks of a read at `at`: for each level, versions begun after `after` (and by `at`). */
export function spanSeeks(at: Date): { level: number; after: unknown }[] {
  const seeks: { level: number; after: unknown }[] = [];
  for (let level = 0; level <= SPAN_LEVEL_MAX; level += 1) {
    const after = level === SPAN_LEVEL_MAX ? NEVER : new Date(Math.max(NEVER.getTime(), at.getTime() - spanWindowMs(level)));
    seeks.push({ level, after: toNeoDateTime(after) });
  }
  return seeks;
}
