import type { EngagementLevel } from '../model/enums.ts';

/** Small pure helpers for the DGS review: plain objects in, plain objects out. */

export interface EngagementInput {
  actorId: string;
  projectId: string;
  level: string;
}

export interface EngagementLoad {
  actorId: string;
  /** Distinct projects, sorted. */
  projectIds: string[];
  count: number;
}

/** The levels that weigh on an actor's time (the report's warning about exhaustion). */
export const DEMANDING_LEVELS: readonly EngagementLevel[] = ['COOPERANT', 'MOTEUR'];

/**
 * Actors who are COOPERANT or MOTEUR in at least `threshold` distinct projects, most loaded
 * first (ties by actor id). Several engagements of an actor in one project count once.
 */
export function engagementLoad(engagements: EngagementInput[], threshold = 2): EngagementLoad[] {
  if (!(Number.isInteger(threshold) && threshold >= 1)) {
    throw new RangeError(`engagementLoad: threshold ${String(threshold)} must be an integer ≥ 1`);
  }
  const demanding = new Set<string>(DEMANDING_LEVELS);
  const projectsByActor = new Map<string, Set<string>>();
  for (const { actorId, projectId, level } of engagements) {
    if (!demanding.has(level)) continue;
    const projects = projectsByActor.get(actorId) ?? new Set<string>();
    projects.add(projectId);
    projectsByActor.set(actorId, projects);
  }
  return [...projectsByActor]
    .map(([actorId, projects]) => ({ actorId, projectIds: [...projects].sort(compareCodeUnits), count: projects.size }))
    .filter((load) => load.count >= threshold)
    .sort((p, q) => q.count - p.count || compareCodeUnits(p.actorId, q.actorId));
}

export interface TensionAge {
  daysSinceIdentified: number;
  daysInStatus: number;
}

const DAY_MS = 86_400_000;

/**
 * Whole days (floor) since the conflict was identified and since it entered its current status.
 * Days are 24-hour spans of absolute time, so a daylight-saving change does not shift them.
 * `now` before either date is a caller's mistake (a conflict read at a date before it existed).
 */
export function tensionAge(conflict: { identifiedAt: Date; statusSince: Date }, now: Date): TensionAge {
  const at = now.getTime();
  const identified = conflict.identifiedAt.getTime();
  const since = conflict.statusSince.getTime();
  if ([at, identified, since].some(Number.isNaN)) throw new RangeError('tensionAge: invalid date');
  if (at < identified || at < since) {
    throw new RangeError(`tensionAge: now (${now.toISOString()}) precedes the conflict's dates`);
  }
  return {
    daysSinceIdentified: Math.floor((at - identified) / DAY_MS),
    daysInStatus: Math.floor((at - since) / DAY_MS),
  };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
