import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from './client.ts';
import { entitySelection } from './entityDocuments.ts';
import type { EntityData } from './entities.ts';
import { queryKeys } from './queryKeys.ts';

/** mergeActors (docs/API.md « Renaming and merging actors »): a preview (dryRun) or the merge. */
const MERGE_ACTORS = `
  mutation MergeActors($keepId: ID!, $mergeId: ID!, $validFrom: DateTime, $dryRun: Boolean) {
    mergeActors(keepId: $keepId, mergeId: $mergeId, validFrom: $validFrom, dryRun: $dryRun) {
      kept { ${entitySelection('Actor')} }
      merged { ${entitySelection('Actor')} }
      validFrom
      changeId
      steps { entityId entityType action projectId title value }
    }
  }
`;

export interface MergeStepData {
  entityId: string;
  entityType: string;
  action: 'MOVED' | 'RECREATED' | 'ENDED';
  projectId: string | null;
  title: string | null;
  value: string | null;
}

export interface MergeData {
  kept: EntityData;
  merged: EntityData;
  validFrom: string;
  changeId: string | null;
  steps: MergeStepData[];
}

export interface MergeRequest {
  keepId: string;
  mergeId: string;
  /** YYYY-MM-DD, or null for now. */
  validFrom: string | null;
}

/** What a merge would do; nothing is written. */
export function previewMerge(input: MergeRequest): Promise<MergeData> {
  return request<{ mergeActors: MergeData }>(MERGE_ACTORS, { ...input, dryRun: true }).then((d) => d.mergeActors);
}

/** The merge; it changes the territory's actors and any of its projects, so both are read again. */
export function useMergeActors(territoryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeRequest) =>
      request<{ mergeActors: MergeData }>(MERGE_ACTORS, { ...input, dryRun: false }).then((d) => d.mergeActors),
    onSuccess: () =>
      void Promise.all([
        client.invalidateQueries({ queryKey: ['project'] }),
        client.invalidateQueries({ queryKey: queryKeys.territory(territoryId) }),
      ]),
  });
}
