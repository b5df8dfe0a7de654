import { milestoneInstant } from '@trame/graph/model';
import type { MapEdge, MapNode, ProjectMapData } from '../map/types.ts';

/**
 * The story a wall tells: the project's milestones in date order, a date the facilitator chose,
 * and the map as it stands now, as steps; what changed from one step to the next. Pure, so it
 * is tested without a browser (tests/unit/wall-story.test.ts).
 */

export interface StoryMilestone {
  id: string;
  name: string;
  /** YYYY-MM-DD. */
  date: string;
}

export type StoryStep =
  | { kind: 'milestone'; key: string; milestone: StoryMilestone; date: string; asOf: string }
  | { kind: 'date'; key: string; date: string; asOf: string }
  | { kind: 'now'; key: 'now'; date: null; asOf: null };

/** The key of the « now » step (the map as it stands, which live edits change). */
export const NOW_KEY = 'now';

/** A chosen date's step key: `date:YYYY-MM-DD`. */
export const dateKey = (day: string): string => `date:${day}`;

/**
 * The steps, earliest first: every milestone (read at the end of its day, as the comparison of
 * two milestones reads it), the chosen day if it is not a milestone's, then now. Two milestones
 * of the same day keep their given order.
 */
export function buildSteps(milestones: readonly StoryMilestone[], chosenDay: string | null = null): StoryStep[] {
  const steps: StoryStep[] = milestones
    .filter((m) => /^\d{4}-\d{2}-\d{2}/.test(m.date))
    .map((m) => {
      const date = m.date.slice(0, 10);
      return { kind: 'milestone', key: m.id, milestone: m, date, asOf: milestoneInstant(date).toISOString() };
    });
  if (chosenDay && !steps.some((s) => s.date === chosenDay))
    steps.push({ kind: 'date', key: dateKey(chosenDay), date: chosenDay, asOf: milestoneInstant(chosenDay).toISOString() });
  steps.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  steps.push({ kind: 'now', key: NOW_KEY, date: null, asOf: null });
  return steps;
}

/** What a key does on the wall: a presenter's clicker sends PageDown / PageUp. */
export function keyAction(key: string): 'next' | 'previous' | 'first' | 'last' | 'clear' | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'clear';
    default:
      return null;
  }
}

/** A leap that happened between two steps, named by its perimeters. */
export interface LeapChange {
  id: string;
  from: string;
  to: string;
}

/** What changed from one step's map to the next: the animation's and the caption's material. */
export interface StoryDelta {
  /** Node and edge ids present in the next map only (they fade in). */
  appeared: Set<string>;
  /** Node and edge ids present in the earlier map only (they fade out). */
  ended: Set<string>;
  /** Actor node ids whose engagement rank rose, or fell. */
  grown: Set<string>;
  shrunk: Set<string>;
  /** Perimeter node ids that appeared (a leap widens the map). */
  newPerimeters: Set<string>;
  leaps: LeapChange[];
  actorsJoined: number;
  actorsLeft: number;
  conflictsNew: number;
  conflictsArbitrated: number;
  cooperationsNew: number;
}

const rank = (node: MapNode) => Number(node.data.engagementRank ?? 0);

/** Compares two steps' maps by element id (`earlier` null: the first step, nothing before it). */
export function storyDelta(
  earlier: Pick<ProjectMapData, 'nodes' | 'edges'> | null,
  next: Pick<ProjectMapData, 'nodes' | 'edges'>,
): StoryDelta {
  const before = new Map<string, MapNode | MapEdge>();
  for (const n of earlier?.nodes ?? []) before.set(n.id, n);
  for (const e of earlier?.edges ?? []) before.set(e.id, e);
  const after = new Map<string, MapNode | MapEdge>();
  for (const n of next.nodes) after.set(n.id, n);
  for (const e of next.edges) after.set(e.id, e);
  const delta: StoryDelta = {
    appeared: new Set(),
    ended: new Set(),
    grown: new Set(),
    shrunk: new Set(),
    newPerimeters: new Set(),
    leaps: [],
    actorsJoined: 0,
    actorsLeft: 0,
    conflictsNew: 0,
    conflictsArbitrated: 0,
    cooperationsNew: 0,
  };
  if (!earlier) return delta;
  const labelOf = (id: string) => {
    const node = after.get(id) ?? before.get(id);
    return node && 'label' in node && node.label ? node.label : id;
  };
  for (const [id, element] of after) {
    const old = before.get(id);
    if (!old) {
      delta.appeared.add(id);
      if (element.kind === 'ACTOR') delta.actorsJoined += 1;
      if (element.kind === 'PERIMETER') delta.newPerimeters.add(id);
      if (element.kind === 'CONFLICT') delta.conflictsNew += 1;
      if (element.kind === 'COOPERATION') delta.cooperationsNew += 1;
      if (element.kind === 'LEAP' && 'source' in element)
        delta.leaps.push({ id, from: labelOf(element.source), to: labelOf(element.target) });
      continue;
    }
    if (element.kind === 'ACTOR' && 'parent' in element && 'parent' in old) {
      if (rank(element) > rank(old)) delta.grown.add(id);
      if (rank(element) < rank(old)) delta.shrunk.add(id);
    }
    if (element.kind === 'CONFLICT' && element.data.status === 'ARBITRE' && old.data.status !== 'ARBITRE')
      delta.conflictsArbitrated += 1;
  }
  for (const [id, element] of before) {
    if (after.has(id)) continue;
    delta.ended.add(id);
    if (element.kind === 'ACTOR') delta.actorsLeft += 1;
  }
  return delta;
}

/** The counts of the comparison of two milestones (the API's projectDiff summary), as the caption uses them. */
export interface CaptionCounts {
  actorsJoined: number;
  actorsLeft: number;
  engagementGained: number;
  engagementLost: number;
  conflictsNew: number;
  conflictsArbitrated: number;
  cooperationsNew: number;
  leaps: number;
}

/** The caption's counts from the map comparison, when there is no projectDiff (a chosen date, now). */
export function countsFromDelta(delta: StoryDelta): CaptionCounts {
  return {
    actorsJoined: delta.actorsJoined,
    actorsLeft: delta.actorsLeft,
    engagementGained: delta.grown.size,
    engagementLost: delta.shrunk.size,
    conflictsNew: delta.conflictsNew,
    conflictsArbitrated: delta.conflictsArbitrated,
    cooperationsNew: delta.cooperationsNew,
    leaps: delta.leaps.length,
  };
}

/** The phrases a caption is made of, in the wall's dictionary. */
export interface CaptionWords {
  leap(from: string, to: string): string;
  actorsJoined(n: number): string;
  actorsLeft(n: number): string;
  engagementGained(n: number): string;
  engagementLost(n: number): string;
  conflictsNew(n: number): string;
  conflictsArbitrated(n: number): string;
  cooperationsNew(n: number): string;
  nothing: string;
}

/**
 * The caption's phrases, most telling first: the leaps by name, then arrivals, engagement,
 * conflicts and cooperations; a count of zero says nothing. At most `max` phrases (two lines on
 * a wall); an empty comparison says so.
 */
export function captionPhrases(counts: CaptionCounts, leaps: readonly LeapChange[], words: CaptionWords, max = 6): string[] {
  const phrases = leaps.map((l) => words.leap(l.from, l.to));
  const add = (n: number, word: (n: number) => string) => {
    if (n > 0) phrases.push(word(n));
  };
  add(counts.actorsJoined, words.actorsJoined);
  add(counts.engagementGained, words.engagementGained);
  add(counts.engagementLost, words.engagementLost);
  add(counts.actorsLeft, words.actorsLeft);
  add(counts.conflictsNew, words.conflictsNew);
  add(counts.conflictsArbitrated, words.conflictsArbitrated);
  add(counts.cooperationsNew, words.cooperationsNew);
  return phrases.length === 0 ? [words.nothing] : phrases.slice(0, max);
}
