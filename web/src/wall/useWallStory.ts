import { isIsoDate } from '../routes.ts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { buildSteps, NOW_KEY, dateKey, type StoryMilestone, type StoryStep } from './story.ts';

export interface WallStory {
  /** The story's steps, earliest first: milestones, a chosen date if any, then now (story.ts). */
  steps: StoryStep[];
  /** The step on screen, and its index in `steps`. */
  step: StoryStep;
  stepIndex: number;
  /**
   * Goes to a step: its index in `steps` (clamped), a step key (a milestone id, `now`), or a
   * day `YYYY-MM-DD` — a milestone's day selects that milestone, another day becomes the
   * « chosen date » step (replacing the previous chosen one). Anything else is ignored.
   */
  goTo(target: number | string): void;
  next(): void;
  previous(): void;
  /**
   * What the wall focuses on: an id on the map (an actor, objective, externality or perimeter
   * node id) or an ecosystem id; null for the whole map. Ids the map does not hold show the
   * whole map (focus.ts).
   */
  focus: string | null;
  setFocus(id: string | null): void;
}

/**
 * The projection's state, in one place so a facilitator's session can drive it (issue 14
 * part 5): which step of the story is on screen and what is focused. It holds no data: the
 * view reads each step's map from the TanStack Query `useProjectView(projectId, step.asOf, true)`
 * cache (`asOf` null for now, which live edits patch), so driving the wall is calling `goTo`
 * and `setFocus` with what the facilitator's page sends, e.g.
 *
 *   const story = useWallStory(milestones);
 *   useEffect(() => session.on('step', (key) => story.goTo(key)), [story.goTo]);
 *
 * `goTo`, `next`, `previous` and `setFocus` keep their identity across renders (safe in effect
 * dependencies). Opens on `initial` (a step key or day), else on now.
 */
export function useWallStory(milestones: readonly StoryMilestone[], initial: string | null = null): WallStory {
  const [chosenDay, setChosenDay] = useState<string | null>(() =>
    initial && isIsoDate(initial) && !milestones.some((m) => m.date.slice(0, 10) === initial) ? initial : null,
  );
  const [key, setKey] = useState<string>(() => {
    if (!initial) return NOW_KEY;
    if (isIsoDate(initial)) return milestones.find((m) => m.date.slice(0, 10) === initial)?.id ?? dateKey(initial);
    return initial;
  });
  const [focus, setFocusState] = useState<string | null>(null);
  const steps = useMemo(() => buildSteps(milestones, chosenDay), [milestones, chosenDay]);
  const found = steps.findIndex((s) => s.key === key);
  // A key that no longer names a step (a milestone removed) falls back to now.
  const stepIndex = found >= 0 ? found : steps.length - 1;
  const stepsRef = useRef(steps);
  stepsRef.current = steps;

  const goTo = useCallback((target: number | string) => {
    const list = stepsRef.current;
    if (typeof target === 'number') {
      if (!Number.isFinite(target)) return;
      const index = Math.max(0, Math.min(list.length - 1, Math.round(target)));
      setKey(list[index]!.key);
      return;
    }
    if (isIsoDate(target)) {
      const milestone = list.find((s) => s.kind === 'milestone' && s.date === target);
      if (milestone) setKey(milestone.key);
      else {
        setChosenDay(target);
        setKey(dateKey(target));
      }
      return;
    }
    if (list.some((s) => s.key === target)) setKey(target);
  }, []);
  const move = useCallback(
    (by: number) =>
      setKey((current) => {
        const list = stepsRef.current;
        const index = list.findIndex((s) => s.key === current);
        const next = Math.max(0, Math.min(list.length - 1, (index >= 0 ? index : list.length - 1) + by));
        return list[next]!.key;
      }),
    [],
  );
  const next = useCallback(() => move(1), [move]);
  const previous = useCallback(() => move(-1), [move]);
  const setFocus = useCallback((id: string | null) => setFocusState(id), []);
  return { steps, step: steps[stepIndex]!, stepIndex, goTo, next, previous, focus, setFocus };
}
