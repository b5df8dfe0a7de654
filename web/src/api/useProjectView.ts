import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from './client.ts';
import { PROJECT_LISTS_VIEW, PROJECT_VIEW, type ProjectListsData, type ProjectViewData } from './entityDocuments.ts';
import { DEFERRED_LISTS } from './projectLists.ts';
import { queryKeys } from './queryKeys.ts';

const NO_LISTS: Record<string, never[]> = Object.fromEntries(DEFERRED_LISTS.map(([list]) => [list, []]));

export interface ProjectViewOptions {
  /** False: not needed (no request). */
  enabled?: boolean;
  /** Refetch every so many milliseconds (the workshop's wall), or false. */
  refetchInterval?: number | false;
  /** False: the map and header only, never the other lists (the wall shows none of them). */
  lists?: boolean;
  /**
   * How long a map read stays fresh (ms; TanStack Query's staleTime, 0 by default): a fresh map is
   * not read again when a view mounts. The wall's is kept current by live updates, so its opening
   * read (started before the page rendered, App.tsx) is not asked for a second time as its first
   * map is laid out — that duplicate cost the server and the page's main thread during the layout.
   */
  staleTime?: number;
}

/**
 * The map-with-header read of useProjectView, as TanStack Query options: the same key and
 * request, so a page can start it before its code has loaded (App.tsx, the wall).
 */
export function projectViewQuery(projectId: string, asOf: string | null, hideConfidential: boolean) {
  return {
    queryKey: queryKeys.projectView(projectId, asOf, hideConfidential),
    queryFn: () => request<ProjectViewData>(PROJECT_VIEW, { id: projectId, asOf, hideConfidential }),
  };
}

/**
 * A project's view in two requests: the map with the header (PROJECT_VIEW), then the other lists
 * (PROJECT_LISTS_VIEW), asked for once the map is there so a large map never waits for them.
 * Until the lists arrive, the cached lists of the same project and date stand in (after an
 * edit), or empty ones (first load). A new date keeps the previous map on screen while the next
 * loads (`keepPreviousData`). `asOf`: an ISO instant, or null for now.
 */
export function useProjectView(
  projectId: string,
  asOf: string | null,
  hideConfidential: boolean,
  options: ProjectViewOptions = {},
) {
  const enabled = options.enabled ?? true;
  const refetchInterval = options.refetchInterval ?? false;
  const map = useQuery({
    ...projectViewQuery(projectId, asOf, hideConfidential),
    // `enabled`, not skipToken: the editor's two views share a key when the date read is now, and
    // a query whose queryFn is skipToken would count as disabled for both (no refetch after a save).
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval,
    staleTime: options.staleTime ?? 0,
  });
  const mapHere = map.data !== undefined && !map.isPlaceholderData;
  const lists = useQuery({
    queryKey: queryKeys.projectLists(projectId, asOf),
    queryFn: () => request<ProjectListsData>(PROJECT_LISTS_VIEW, { id: projectId, asOf }),
    enabled: enabled && mapHere && (options.lists ?? true),
    refetchInterval,
  });

  const data = useMemo<ProjectViewData | null>(() => {
    if (!map.data) return null;
    return { ...map.data, project: { ...NO_LISTS, ...lists.data?.project, ...map.data.project } };
  }, [map.data, lists.data]);

  return {
    data,
    error: map.error ?? lists.error,
    /** A request is under way: the map, or the lists that follow it. */
    loading: map.isFetching || lists.isFetching,
    refetch: () => void map.refetch(),
  };
}
