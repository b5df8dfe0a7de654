import { ENGAGEMENT_LEVELS, type EngagementLevel } from '../model/enums.ts';
import { DEMANDING_LEVELS } from './review.ts';

/**
 * The engagement load over time (ANALYSIS.md, « Engagement load … with the count over time »):
 * each actor's projects and highest level at the end of each quarter, read from the versions of
 * the engagements as the map would be read as of that instant. Pure: versions in, table out.
 */

/** One version of an engagement: the level it held over [validFrom, validTo) of valid time. */
export interface EngagementVersion {
  engagementId: string;
  actorId: string;
  projectId: string;
  level: string;
  validFrom: Date;
  validTo: Date;
  /** When this version was recorded: of two versions valid at an instant, the later recorded wins. */
  recordedAt: Date;
}

/** The end of a calendar quarter (UTC), or the review's own date for the last, unfinished one. */
export interface QuarterMark {
  /** The instant read: the last millisecond of the quarter, or the review's date. */
  at: Date;
  year: number;
  /** 1…4. */
  quarter: number;
  /** True for the review's date inside a quarter not yet over. */
  partial: boolean;
}

export interface LoadCell {
  /** Projects where the actor is engaged above « concerné non impliqué », sorted. */
  projectIds: string[];
  /** Of those, how many are at a demanding level (coopérant or moteur). */
  demanding: number;
  /** The actor's highest level across the projects, null when engaged in none. */
  level: EngagementLevel | null;
}

export interface LoadTimelineRow {
  actorId: string;
  /** One cell per quarter mark, in order. */
  cells: LoadCell[];
  /** The most demanding engagements at any quarter (the row's sort key). */
  peakDemanding: number;
}

export interface LoadTimeline {
  quarters: QuarterMark[];
  rows: LoadTimelineRow[];
}

const QUARTER_MONTHS = 3;

/**
 * Quarter ends from the quarter holding `from` to the one holding `to`, the latest `limit` of
 * them; the last mark is `to` itself when its quarter is not over (the review's date).
 * @throws RangeError when `from` is after `to`, or `limit` is not an integer ≥ 1
 */
export function quarterMarks(from: Date, to: Date, limit = 12): QuarterMark[] {
  if (!(Number.isInteger(limit) && limit >= 1))
    throw new RangeError(`quarterMarks: limit ${String(limit)} must be an integer ≥ 1`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError('quarterMarks: invalid date');
  if (from.getTime() > to.getTime()) throw new RangeError('quarterMarks: from is after to');
  const marks: QuarterMark[] = [];
  let year = from.getUTCFullYear();
  let q = Math.floor(from.getUTCMonth() / QUARTER_MONTHS);
  for (;;) {
    const end = new Date(Date.UTC(year, (q + 1) * QUARTER_MONTHS, 1) - 1);
    if (end.getTime() >= to.getTime()) {
      marks.push({ at: new Date(to.getTime()), year, quarter: q + 1, partial: end.getTime() > to.getTime() });
      break;
    }
    marks.push({ at: end, year, quarter: q + 1, partial: false });
    q += 1;
    if (q === 4) {
      q = 0;
      year += 1;
    }
  }
  return marks.slice(-limit);
}

const RANK = new Map<string, number>(ENGAGEMENT_LEVELS.map((level, i) => [level, i]));
const DEMANDING = new Set<string>(DEMANDING_LEVELS);

/**
 * At each mark, the version of each engagement valid then (validFrom ≤ at < validTo; of several,
 * the latest valid-from, then the latest recorded, as the map's as-of read picks), grouped by actor.
 * Rows: the actors engaged above « concerné » in at least `threshold` projects at some mark, most
 * demanding peak first, then most projects at a mark, then actor id. Several engagements of an
 * actor in one project count once, at their highest level.
 */
export function engagementLoadTimeline(versions: EngagementVersion[], quarters: QuarterMark[], threshold = 2): LoadTimeline {
  if (!(Number.isInteger(threshold) && threshold >= 1)) {
    throw new RangeError(`engagementLoadTimeline: threshold ${String(threshold)} must be an integer ≥ 1`);
  }
  // actor → per mark: project → highest level rank
  const byActor = new Map<string, Map<string, number>[]>();
  quarters.forEach((mark, index) => {
    const t = mark.at.getTime();
    const current = new Map<string, EngagementVersion>();
    for (const v of versions) {
      if (!(v.validFrom.getTime() <= t && t < v.validTo.getTime())) continue;
      const seen = current.get(v.engagementId);
      if (
        !seen ||
        v.validFrom.getTime() > seen.validFrom.getTime() ||
        (v.validFrom.getTime() === seen.validFrom.getTime() && v.recordedAt.getTime() > seen.recordedAt.getTime())
      ) {
        current.set(v.engagementId, v);
      }
    }
    for (const v of current.values()) {
      const rank = RANK.get(v.level) ?? 0;
      if (rank === 0) continue; // concerné non impliqué: not a load
      let marks = byActor.get(v.actorId);
      if (!marks) {
        marks = quarters.map(() => new Map<string, number>());
        byActor.set(v.actorId, marks);
      }
      const projects = marks[index]!;
      projects.set(v.projectId, Math.max(projects.get(v.projectId) ?? 0, rank));
    }
  });

  const rows: (LoadTimelineRow & { peakProjects: number })[] = [];
  for (const [actorId, marks] of byActor) {
    const cells = marks.map((projects): LoadCell => {
      const ranks = [...projects.values()];
      return {
        projectIds: [...projects.keys()].sort(compareCodeUnits),
        demanding: ranks.filter((r) => DEMANDING.has(ENGAGEMENT_LEVELS[r]!)).length,
        level: ranks.length === 0 ? null : ENGAGEMENT_LEVELS[Math.max(...ranks)]!,
      };
    });
    const peakProjects = Math.max(0, ...cells.map((c) => c.projectIds.length));
    if (peakProjects < threshold) continue;
    rows.push({ actorId, cells, peakDemanding: Math.max(0, ...cells.map((c) => c.demanding)), peakProjects });
  }
  rows.sort(
    (a, b) => b.peakDemanding - a.peakDemanding || b.peakProjects - a.peakProjects || compareCodeUnits(a.actorId, b.actorId),
  );
  return { quarters, rows: rows.map(({ peakProjects: _, ...row }) => row) };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
