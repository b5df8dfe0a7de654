/**
 * Sizing actors by a measure of the analysis (issue 13, part 10): the menu's choice, the raw
 * values per actor, and their scaling to a node size. Plain functions; the page fetches.
 */

/** The measures an actor's size can follow; `engagement` is the map's own default sizing. */
export const MAP_MEASURES = ['engagement', 'betweenness', 'rStar', 'projects'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

/** Smallest and largest actor (drawing units): the same span as the engagement sizing. */
export const MEASURE_SIZE = { min: 22, max: 64 } as const;

export interface ScaledMeasure {
  /** Actor id → 0 (the smallest value among the actors) … 1 (the largest). */
  scale: Map<string, number>;
  min: number;
  max: number;
}

/**
 * Values scaled linearly to 0…1 between the smallest and the largest; all equal: 0.5 for all.
 * Actors without a value (power not assessed, not in the analysis) are left out: the map draws
 * them at the smallest size (style.ts).
 */
export function scaleMeasure(values: ReadonlyMap<string, number>): ScaledMeasure {
  const finite = [...values].filter(([, v]) => Number.isFinite(v));
  if (finite.length === 0) return { scale: new Map(), min: 0, max: 0 };
  const min = Math.min(...finite.map(([, v]) => v));
  const max = Math.max(...finite.map(([, v]) => v));
  const span = max - min;
  return { scale: new Map(finite.map(([id, v]) => [id, span === 0 ? 0.5 : (v - min) / span])), min, max };
}

/** A node's size for a scaled value 0…1 (MEASURE_SIZE.min … max). */
export function measureSize(scaled: number, projection = false): number {
  const x = Math.max(0, Math.min(1, scaled));
  const size = MEASURE_SIZE.min + x * (MEASURE_SIZE.max - MEASURE_SIZE.min);
  return Math.round(projection ? size * 1.3 : size);
}

/** Per actor, the number of projects where it is engaged above « concerné non impliqué ». */
export function projectCounts(projects: { engagements: { actorId: string; level: string }[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of projects) {
    const engaged = new Set(project.engagements.filter((e) => e.level !== 'CONCERNE').map((e) => e.actorId));
    for (const actorId of engaged) counts.set(actorId, (counts.get(actorId) ?? 0) + 1);
  }
  return counts;
}
