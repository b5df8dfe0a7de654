import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from '../api/client.ts';
import { PROJECT_DIFF } from '../api/documents.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { useProjectView } from '../api/useProjectView.ts';
import type { ProjectMapData } from '../map/types.ts';
import {
  countsFromDelta,
  storyDelta,
  type CaptionCounts,
  type StoryDelta,
  type StoryMilestone,
  type StoryStep,
} from './story.ts';

/**
 * A slow refetch of the map as it stands, only as a fallback for a wall with no live updates
 * (every element is sent again each time): live events replace it (issue 14 part 4).
 */
export const WALL_FALLBACK_REFRESH_MS = 60_000;

/**
 * How the wall reads its map of now (useProjectView's options; every observer of it alike): the
 * slow fallback refetch; fresh as long as its period — live updates keep it current, so the
 * opening read is not asked again when the page mounts; no editor lists.
 */
export const WALL_NOW_VIEW = {
  refetchInterval: WALL_FALLBACK_REFRESH_MS,
  staleTime: WALL_FALLBACK_REFRESH_MS,
  lists: false,
} as const;

/** The project's milestones as the story's (name and day), from its view. */
export function storyMilestones(data: { project: object } | null | undefined): StoryMilestone[] {
  return (
    ((data?.project as { milestones?: unknown } | undefined)?.milestones ?? []) as { id: string; name: unknown; date: unknown }[]
  ).map((m) => ({
    id: m.id,
    name: String(m.name),
    date: String(m.date),
  }));
}

/**
 * What the wall reads for its story: the project as it stands (its milestones make the steps),
 * the step's map and the previous step's (confidential items withheld: `hideConfidential`,
 * and the server withholds more by role), and, between two milestones, the comparison the
 * editor's « comparer deux jalons » shows (projectDiff). All through the TanStack Query cache;
 * never the editor's other lists (actors, objectives… as lists: the wall draws the map only).
 */
export function useProjectStory(
  projectId: string,
  steps: StoryStep[] | null,
  stepIndex: number,
  enabled = true,
  /** False: the previous step's map is not read yet (the wall's first map is drawn first; the caption follows). */
  comparing = true,
) {
  const base = useProjectView(projectId, null, true, { ...WALL_NOW_VIEW, enabled });
  const step = steps?.[stepIndex] ?? null;
  const previousStep = steps && stepIndex > 0 ? steps[stepIndex - 1]! : null;
  const current = useProjectView(projectId, step?.asOf ?? null, true, { enabled: enabled && Boolean(step?.asOf), lists: false });
  const before = useProjectView(projectId, previousStep?.asOf ?? null, true, {
    enabled: enabled && comparing && Boolean(previousStep?.asOf),
    lists: false,
  });
  const stepView = step?.asOf ? current : base;
  const previousView = previousStep ? (previousStep.asOf ? before : base) : null;
  const milestonesPair =
    step?.kind === 'milestone' && previousStep?.kind === 'milestone' ? { from: previousStep.key, to: step.key } : null;
  const diff = useQuery({
    queryKey: queryKeys.projectDiff(projectId, milestonesPair?.from ?? '', milestonesPair?.to ?? ''),
    queryFn: () => request(PROJECT_DIFF, { id: projectId, from: milestonesPair!.from, to: milestonesPair!.to }),
    enabled: enabled && milestonesPair !== null,
    retry: false,
  });

  // A view still showing another date's map (keepPreviousData) is not this step's yet.
  const holds = (view: { data: { projectMap: { asOf?: unknown } } | null } | null, asOf: string | null | undefined) =>
    Boolean(view?.data) && (!asOf || Date.parse(String(view!.data!.projectMap.asOf)) === Date.parse(asOf));
  const ready = holds(stepView, step?.asOf) && (!previousStep || holds(previousView, previousStep.asOf));
  const map = (stepView.data?.projectMap ?? null) as ProjectMapData | null;
  const previousMap = (previousView?.data?.projectMap ?? null) as ProjectMapData | null;
  // The previous map is still loading: no delta yet (null), rather than « everything appeared ».
  const delta = useMemo<StoryDelta | null>(() => {
    if (!map || !ready) return null;
    if (!previousStep) return storyDelta(null, map);
    return previousMap ? storyDelta(previousMap, map) : null;
  }, [map, previousMap, previousStep, ready]);
  const counts = useMemo<CaptionCounts | null>(() => {
    const summary = diff.data?.projectDiff.summary;
    if (summary && milestonesPair)
      return {
        actorsJoined: summary.actorsJoined ?? 0,
        actorsLeft: summary.actorsLeft ?? 0,
        engagementGained: summary.engagementGained ?? 0,
        engagementLost: summary.engagementLost ?? 0,
        conflictsNew: delta?.conflictsNew ?? 0,
        conflictsArbitrated: summary.conflictsArbitrated ?? 0,
        cooperationsNew: summary.cooperationsNew ?? 0,
        leaps: summary.leaps ?? 0,
      };
    return delta ? countsFromDelta(delta) : null;
  }, [diff.data, milestonesPair, delta]);

  return {
    /** The project now: its name, milestones, abilities. */
    base,
    /** The step's view (map, saved layout), or null while the first one loads. */
    view: stepView.data,
    map,
    /** The step's map and the previous step's are the ones asked for (not the previous date's, kept on screen meanwhile). */
    ready,
    /** A request is under way. */
    loading: stepView.loading || (previousView?.loading ?? false),
    error: base.error ?? stepView.error,
    delta,
    counts,
    first: previousStep === null,
  };
}
