import { useInfiniteQuery, useQuery, skipToken } from '@tanstack/react-query';
import type { EntityType } from '@trame/graph/model';
import { request } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { graphql } from '../../../generated/gql.ts';
import type { ProjectJournalQuery } from '../../../generated/graphql.ts';

/** The journal's reads and its one write: the project's change log with its actors' own changes, and undo. */

export const PROJECT_JOURNAL = graphql(`
  query ProjectJournal($projectId: ID!, $first: Int, $after: String, $entityId: ID, $entityType: EntityType, $author: String) {
    projectTimeline(
      projectId: $projectId
      first: $first
      after: $after
      entityId: $entityId
      entityType: $entityType
      author: $author
      withActors: true
    ) {
      changes { id entityId entityType op author recordedAt validFrom version fields before after revertOf causeId title }
      endCursor
      hasMore
    }
  }
`);

export const PROJECT_JOURNAL_AUTHORS = graphql(`
  query ProjectJournalAuthors($projectId: ID!, $entityId: ID, $entityType: EntityType) {
    projectTimelineAuthors(projectId: $projectId, entityId: $entityId, entityType: $entityType, withActors: true)
  }
`);

export const REVERT_CHANGE = graphql(`
  mutation RevertChange($changeId: ID!) {
    revertChange(changeId: $changeId) { id __typename }
  }
`);

export type JournalChange = ProjectJournalQuery['projectTimeline']['changes'][number];

export interface JournalFilters {
  entityType: EntityType | null;
  entityId: string | null;
  author: string | null;
}

/** Changes per page: a screenful at 1440×900, the rest on demand. */
export const JOURNAL_PAGE = 25;

/**
 * The journal's pages, newest first, as the server redacts them for the reader. Keyed under the
 * project, so that any edit of the project (and an undo) reads it again.
 */
export function useJournal(projectId: string, filters: JournalFilters) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.project(projectId), 'journal', filters.entityType, filters.entityId, filters.author] as const,
    queryFn: ({ pageParam }) =>
      request(PROJECT_JOURNAL, {
        projectId,
        first: JOURNAL_PAGE,
        after: pageParam,
        entityId: filters.entityId,
        entityType: filters.entityType,
        author: filters.author,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.projectTimeline.endCursor,
  });
}

/**
 * Everyone who recorded a change the journal's type and element filters keep (not only those of
 * the pages read), for its author filter. Keyed under the project: an edit reads it again.
 */
export function useJournalAuthors(projectId: string, filters: JournalFilters) {
  return useQuery({
    queryKey: [...queryKeys.project(projectId), 'journal-authors', filters.entityType, filters.entityId] as const,
    queryFn: async () =>
      (
        await request(PROJECT_JOURNAL_AUTHORS, {
          projectId,
          entityId: filters.entityId,
          entityType: filters.entityType,
        })
      ).projectTimelineAuthors,
  });
}

/** One entity's versions for the side panel: its changes (with the actor's own, for an actor), newest first. */
export function useEntityVersions(projectId: string, entityId: string | null) {
  return useQuery({
    queryKey: queryKeys.entityHistory(projectId, entityId ?? ''),
    queryFn: entityId
      ? () => request(PROJECT_JOURNAL, { projectId, entityId, first: 10, after: null, entityType: null, author: null })
      : skipToken,
  });
}
