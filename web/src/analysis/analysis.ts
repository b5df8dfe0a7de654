/**
 * The analysis pages' pure pieces: matrices to Cytoscape elements, the strongest pair of a
 * matrix, the influence/dependence quadrants, label placement on the plane, table sorting and
 * the progress counts. Plain data in, plain data out; the components only draw.
 */
import type { DiffSummary } from '@trame/graph/model';

export interface Label {
  id: string;
  label: string;
}

export interface GraphElement {
  group: 'nodes' | 'edges';
  data: Record<string, unknown> & { id: string };
}

/** The value between a and b of a matrix meant to be symmetric (the larger if it is not). */
function pairValue(values: readonly (readonly number[])[], a: number, b: number): number {
  return Math.max(values[a]?.[b] ?? 0, values[b]?.[a] ?? 0);
}

/** The largest value off the diagonal (0 for an empty matrix). */
export function maxOffDiagonal(values: readonly (readonly number[])[]): number {
  let max = 0;
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (i !== j && v > max) max = v;
    }),
  );
  return max;
}

/** The pair with the largest value, or null when every value is 0; ties keep the first pair. */
export function strongestPair(
  labels: readonly Label[],
  values: readonly (readonly number[])[],
): { a: Label; b: Label; value: number } | null {
  let best: { a: Label; b: Label; value: number } | null = null;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const value = pairValue(values, i, j);
      if (value > 0 && (!best || value > best.value)) best = { a: labels[i]!, b: labels[j]!, value };
    }
  }
  return best;
}

/** Edge width in pixels: 1.5 for the weakest drawn, 12 for the strongest of the matrix. */
export function edgeWidth(weight: number, max: number): number {
  if (!(max > 0) || !(weight > 0)) return 1.5;
  return Math.round((1.5 + 10.5 * Math.min(1, weight / max)) * 10) / 10;
}

/** Rounds for display: integers stay, others keep one decimal. */
export function shortNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : (Math.round(value * 10) / 10).toString();
}

/**
 * The convergence (kCAA) or divergence (kDAA) graph: every actor a node, an edge between two
 * actors whose value is at least `threshold` (and above 0), weighted by it.
 */
export function matrixToElements(
  actors: readonly Label[],
  values: readonly (readonly number[])[],
  threshold: number,
  kinds: Readonly<Record<string, string>> = {},
): GraphElement[] {
  const max = maxOffDiagonal(values);
  const nodes: GraphElement[] = actors.map((actor) => ({
    group: 'nodes',
    data: { id: actor.id, label: actor.label, actorKind: kinds[actor.id] ?? 'UNKNOWN' },
  }));
  const edges: GraphElement[] = [];
  const degree = new Map<string, number>();
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const weight = pairValue(values, i, j);
      if (weight <= 0 || weight < threshold) continue;
      const a = actors[i]!.id;
      const b = actors[j]!.id;
      edges.push({
        group: 'edges',
        data: { id: `${a}~${b}`, source: a, target: b, weight, width: edgeWidth(weight, max), label: shortNumber(weight) },
      });
      degree.set(a, (degree.get(a) ?? 0) + 1);
      degree.set(b, (degree.get(b) ?? 0) + 1);
    }
  }
  for (const node of nodes) node.data.degree = degree.get(node.data.id) ?? 0;
  return [...nodes, ...edges];
}

/** The slider of a graph's threshold: from the smallest value above 0 to the largest. */
export function thresholdRange(values: readonly (readonly number[])[]): { min: number; max: number; step: number } {
  const positive = values.flatMap((row, i) => row.filter((v, j) => i !== j && v > 0));
  if (positive.length === 0) return { min: 0, max: 0, step: 1 };
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const allHalves = positive.every((v) => Number.isInteger(v * 2));
  const step = allHalves ? 0.5 : Math.max(0.01, Math.round(((max - min) / 40) * 100) / 100);
  return { min, max, step };
}

// ---------------------------------------------------------------------------------------------
// Influence / dependence plane

export type Quadrant = 'dominant' | 'relay' | 'dominated' | 'autonomous';

/**
 * MACTOR's plane, split at the mean influence and the mean dependence: dominant (influent, not
 * dependent), relais (both), dominés (dependent, not influent), autonomes (neither). An actor on
 * a mean counts as above it.
 */
export function quadrants(
  influence: readonly number[],
  dependence: readonly number[],
): { meanI: number; meanD: number; quadrant: Quadrant[] } {
  const n = influence.length;
  const meanI = n === 0 ? 0 : influence.reduce((s, x) => s + x, 0) / n;
  const meanD = n === 0 ? 0 : dependence.reduce((s, x) => s + x, 0) / n;
  const quadrant = influence.map((i, k): Quadrant => {
    const d = dependence[k] ?? 0;
    const influent = i >= meanI && i > 0;
    const dependent = d >= meanD && d > 0;
    if (influent) return dependent ? 'relay' : 'dominant';
    return dependent ? 'dominated' : 'autonomous';
  });
  return { meanI, meanD, quadrant };
}

export interface PlacedLabel {
  id: string;
  /** The point, in screen units. */
  x: number;
  y: number;
  /** Where its label's baseline starts. */
  lx: number;
  ly: number;
  anchor: 'start' | 'end';
}

/**
 * Labels beside their points without overlapping: each goes right of its point (left when it
 * would leave the plot), then, while it overlaps a label already placed, one line lower, one
 * line higher, two lower… staying between `top` and `bottom`. Points on the same spot get their
 * labels stacked.
 */
export function placeLabels(
  points: readonly { id: string; x: number; y: number; label: string }[],
  options: {
    width: number;
    top?: number;
    bottom?: number;
    charWidth?: number;
    lineHeight?: number;
    gap?: number;
    /** Areas to keep clear (other text on the plot). */
    obstacles?: readonly { x1: number; x2: number; y1: number; y2: number }[];
  },
): PlacedLabel[] {
  const charWidth = options.charWidth ?? 6.6;
  const lineHeight = options.lineHeight ?? 15;
  const gap = options.gap ?? 8;
  const top = options.top ?? Number.NEGATIVE_INFINITY;
  const bottom = options.bottom ?? Number.POSITIVE_INFINITY;
  const boxes: { x1: number; x2: number; y1: number; y2: number }[] = [...(options.obstacles ?? [])];
  const order = [...points].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
  const placed = new Map<string, PlacedLabel>();
  for (const p of order) {
    const w = p.label.length * charWidth;
    const anchor: 'start' | 'end' = p.x + gap + w > options.width ? 'end' : 'start';
    const x1 = anchor === 'start' ? p.x + gap : p.x - gap - w;
    const base = p.y + 4;
    let chosen = base;
    for (let k = 0; k < 80; k++) {
      const step = k === 0 ? 0 : k % 2 === 1 ? (k + 1) / 2 : -k / 2;
      const ly = base + step * lineHeight;
      const box = { x1, x2: x1 + w, y1: ly - lineHeight + 3, y2: ly + 3 };
      if (box.y1 < top || box.y2 > bottom) continue;
      if (!boxes.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) {
        chosen = ly;
        boxes.push(box);
        break;
      }
    }
    placed.set(p.id, { id: p.id, x: p.x, y: p.y, lx: anchor === 'start' ? p.x + gap : p.x - gap, ly: chosen, anchor });
  }
  return points.map((p) => placed.get(p.id)!);
}

/** Actors by normalised balance of power, strongest first (ties by name). */
export function powerRanking(actors: readonly Label[], rStar: readonly number[]): { actor: Label; value: number }[] {
  return actors
    .map((actor, i) => ({ actor, value: rStar[i] ?? 0 }))
    .sort((a, b) => b.value - a.value || a.actor.label.localeCompare(b.actor.label, 'fr'));
}

// ---------------------------------------------------------------------------------------------
// Tables

export type SortDirection = 'ascending' | 'descending';
export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** A click on a column header: first descending (the most intense, the oldest first), then it flips. */
export function nextSort<K extends string>(current: SortState<K> | null, key: K): SortState<K> {
  if (!current || current.key !== key) return { key, direction: 'descending' };
  return { key, direction: current.direction === 'descending' ? 'ascending' : 'descending' };
}

/** A stable sort of rows by a numeric column. */
export function sortBy<T>(rows: readonly T[], value: (row: T) => number, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * (value(a.row) - value(b.row)) || a.index - b.index)
    .map(({ row }) => row);
}

// ---------------------------------------------------------------------------------------------
// Progress since a milestone

export type { DiffSummary };

/** The counts a DGS reads, in the order of the report's "chemin parcouru". */
export const PROGRESS_FIELDS = [
  'actorsJoined',
  'engagementGained',
  'cooperationsNew',
  'conflictsArbitrated',
  'conflictsDepasses',
  'leaps',
  'externalitiesInternalised',
  'conflictsNew',
  'positionsMoved',
  'engagementLost',
  'actorsLeft',
] as const satisfies readonly (keyof DiffSummary)[];
export type ProgressField = (typeof PROGRESS_FIELDS)[number];

/** The non-zero counts, in reading order. */
export function progressItems(summary: DiffSummary): { field: ProgressField; count: number }[] {
  return PROGRESS_FIELDS.filter((field) => summary[field] > 0).map((field) => ({ field, count: summary[field] }));
}

export interface MilestoneOption {
  id: string;
  name: string;
  date: string;
  projectId: string;
  projectName: string;
}

/** The latest milestone on or before a day (YYYY-MM-DD), or null. */
export function latestMilestoneOnOrBefore(milestones: readonly MilestoneOption[], day: string): MilestoneOption | null {
  let best: MilestoneOption | null = null;
  for (const m of milestones)
    if (m.date <= day && (!best || m.date > best.date || (m.date === best.date && m.id > best.id))) best = m;
  return best;
}
