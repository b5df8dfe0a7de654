import { useMemo, useRef } from 'react';
import { PROJECT_LISTS_VIEW, PROJECT_VIEW } from './documents.ts';
import { useQuery, type QueryState } from './useQuery.ts';

/** The lists PROJECT_LISTS_VIEW brings (the header's perimeters and milestones come with the map). */
export const DEFERRED_LISTS = ['engagements', 'actors', 'objectives', 'positions', 'convergences', 'conflicts', 'externalities', 'cooperations', 'influences', 'leaps', 'ecosystems'] as const;

type Lists = Record<(typeof DEFERRED_LISTS)[number], unknown[]>;
const NO_LISTS = Object.fromEntries(DEFERRED_LISTS.map((list) => [list, []])) as unknown as Lists;

export interface ProjectViewState<V> extends QueryState<V> {
  /** The lists describe the map shown (false while they follow a new map). */
  listsFresh: boolean;
}

/**
 * A project's view in two requests: the map with the header (PROJECT_VIEW), then the other lists
 * (PROJECT_LISTS_VIEW), asked for each time a map arrives so that both describe the same state.
 * The map never waits for the lists: until they arrive, the previous lists of the same project
 * and date stand in (after an edit), or empty ones (first load).
 */
export function useProjectView<V extends { project: object }>(
  projectId: string,
  asOf: string | null,
  hideConfidential: boolean,
  skip = false,
): ProjectViewState<V> {
  const map = useQuery<V>(PROJECT_VIEW, { id: projectId, asOf, hideConfidential }, skip);
  // Each map received gets a revision; the lists are fetched for it.
  const revision = useRef({ data: null as V | null, n: 0 });
  if (map.data !== revision.current.data) revision.current = { data: map.data, n: revision.current.n + 1 };
  const scope = JSON.stringify({ id: projectId, asOf });
  const lists = useQuery<{ project: Lists }>(PROJECT_LISTS_VIEW, { id: projectId, asOf }, skip || !map.data, revision.current.n);
  const listsKey = `${scope}#${revision.current.n}`;
  const listsFresh = lists.dataKey === listsKey;
  const sameScope = lists.dataKey?.startsWith(`${scope}#`) ?? false;

  const data = useMemo<V | null>(() => {
    if (!map.data) return null;
    const project = { ...NO_LISTS, ...(sameScope && lists.data ? lists.data.project : {}), ...map.data.project };
    return { ...map.data, project };
  }, [map.data, lists.data, sameScope]);

  return {
    data,
    dataKey: map.dataKey,
    error: map.error ?? lists.error,
    loading: map.loading || (lists.loading && !listsFresh),
    reload: map.reload,
    listsFresh,
  };
}
