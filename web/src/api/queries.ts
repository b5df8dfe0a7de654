import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { milestoneInstant } from '@trame/graph/model';
import { PROJECT_ANALYSIS, TERRITORY_MILESTONES, TERRITORY_REVIEW } from './analysisDocuments.ts';
import { request } from './client.ts';
import { PROJECT_DIFF, PROJECT_MAP_AT, TERRITORIES } from './documents.ts';
import { TERRITORY_ACTORS, type TerritoryActorsData } from './entityDocuments.ts';
import type { ProjectMapData } from '../map/types.ts';
import { queryKeys } from './queryKeys.ts';

/**
 * The app's reads, one hook each, on TanStack Query: the key (queryKeys.ts) says what the data
 * depends on, `request` fetches it. Pages call these; components receive data.
 * Errors are ApiError (see client.ts).
 */

export function useTerritories() {
  return useQuery({ queryKey: queryKeys.territories(), queryFn: () => request(TERRITORIES, {}) });
}

/** The territory's actors, engaged in the project or not: the forms offer them all. Null id: not needed. */
export function useTerritoryActors(territoryId: string | null) {
  return useQuery({
    queryKey: queryKeys.territoryActors(territoryId ?? ''),
    queryFn: territoryId ? () => request<TerritoryActorsData>(TERRITORY_ACTORS, { id: territoryId }) : skipToken,
  });
}

/** The comparison's two sides: the diff between two milestones and the map at the earlier one. Null: no comparison. */
export function useComparisonData(
  projectId: string,
  compare: { from: string; to: string; fromDate: string } | null,
  hideConfidential: boolean,
) {
  const diff = useQuery({
    queryKey: queryKeys.projectDiff(projectId, compare?.from ?? '', compare?.to ?? ''),
    queryFn: compare ? () => request(PROJECT_DIFF, { id: projectId, from: compare.from, to: compare.to }) : skipToken,
  });
  const asOf = compare ? milestoneInstant(compare.fromDate).toISOString() : null;
  const fromMap = useQuery({
    queryKey: queryKeys.projectMapAt(projectId, asOf, hideConfidential),
    queryFn: asOf ? () => request(PROJECT_MAP_AT, { id: projectId, asOf, hideConfidential }) : skipToken,
  });
  // The nodes' and edges' `data` is JSON in the SDL; its shape is the model's (MapNode, MapEdge).
  const earlier = (fromMap.data?.projectMap ?? null) as Pick<ProjectMapData, 'nodes' | 'edges'> | null;
  return { diff: diff.data?.projectDiff ?? null, fromMap: earlier };
}

export function useTerritoryMilestones(territoryId: string, asOf: string | null) {
  return useQuery({
    queryKey: queryKeys.territoryMilestones(territoryId, asOf),
    queryFn: () => request(TERRITORY_MILESTONES, { id: territoryId, asOf }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Null `enabled`: the milestone the progress counts from is not known yet. `confidential` false
 * asks the server for the version without confidential items (print and CSV for a wider audience).
 */
export function useTerritoryReview(
  territoryId: string,
  asOf: string | null,
  sinceMilestone: string | null,
  enabled: boolean,
  confidential = true,
) {
  return useQuery({
    queryKey: queryKeys.territoryReview(territoryId, asOf, sinceMilestone, confidential),
    queryFn: enabled ? () => request(TERRITORY_REVIEW, { id: territoryId, asOf, sinceMilestone, confidential }) : skipToken,
    placeholderData: keepPreviousData,
  });
}

export function useProjectAnalysis(projectId: string, asOf: string | null) {
  return useQuery({
    queryKey: queryKeys.projectAnalysis(projectId, asOf),
    queryFn: () => request(PROJECT_ANALYSIS, { id: projectId, asOf }),
    placeholderData: keepPreviousData,
  });
}
