import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EntityType } from '@trame/graph/model';
import type { Positions } from '../map/layout.ts';
import { request } from './client.ts';
import { IMPORT_ACTORS, SAVE_LAYOUT } from './documents.ts';
import { correctEndEntity, correctEntity, createEntity, endEntity, updateEntity, type EntityData } from './entities.ts';
import type { ProjectViewData } from './entityDocuments.ts';
import type { ImportActorsMutationVariables } from '../generated/graphql.ts';
import { queryKeys } from './queryKeys.ts';

/**
 * The app's writes on TanStack Query. Each invalidates exactly what it changes; the reads shown
 * are fetched again in the background (the write's promise does not wait for them, so the form
 * is free as soon as the API has answered, as before).
 */

/**
 * What an entity edit in a project changes: every read of the project (its map at every date,
 * lists, diffs, analysis) and of its territory (the actors the forms offer, the review).
 */
function invalidateProjectEdit(client: QueryClient, projectId: string, territoryId: string | null): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
    territoryId ? client.invalidateQueries({ queryKey: queryKeys.territory(territoryId) }) : null,
  ]);
}

export interface EntityMutations {
  create(type: EntityType, input: Record<string, unknown>, validFrom: string | null): Promise<EntityData>;
  update(
    type: EntityType,
    id: string,
    version: number,
    patch: Record<string, unknown>,
    validFrom: string | null,
  ): Promise<EntityData>;
  end(type: EntityType, id: string, version: number, validFrom: string | null): Promise<void>;
  /** A change dated before the latest entry, as a correction of that entry's date (DATE_BEFORE_LAST_CHANGE offered). */
  correct(type: EntityType, id: string, version: number, patch: Record<string, unknown>, validFrom: string): Promise<EntityData>;
  /** An end dated before the latest entry, as a correction of that entry's date, then the end there (one transaction). */
  correctEnd(type: EntityType, id: string, version: number, validFrom: string): Promise<void>;
  /** Fetch the project again without writing (after a version conflict is discarded); resolves once fetched. */
  refresh(): Promise<void>;
}

type EntityCommand =
  | { op: 'create'; type: EntityType; input: Record<string, unknown>; validFrom: string | null }
  | { op: 'update'; type: EntityType; id: string; version: number; patch: Record<string, unknown>; validFrom: string | null }
  | { op: 'end'; type: EntityType; id: string; version: number; validFrom: string | null }
  | { op: 'correct'; type: EntityType; id: string; version: number; patch: Record<string, unknown>; validFrom: string }
  | { op: 'correctEnd'; type: EntityType; id: string; version: number; validFrom: string };

/** Create, update and end entities of a project; errors are ApiError (VERSION_CONFLICT carries `current`). */
export function useEntityMutations(projectId: string, territoryId: string | null): EntityMutations {
  const client = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: async (command: EntityCommand): Promise<EntityData | null> => {
      if (command.op === 'create') return createEntity(command.type, command.input, command.validFrom);
      if (command.op === 'update')
        return updateEntity(command.type, command.id, command.version, command.patch, command.validFrom);
      if (command.op === 'correct')
        return correctEntity(command.type, command.id, command.version, command.patch, command.validFrom);
      if (command.op === 'correctEnd') {
        await correctEndEntity(command.type, command.id, command.version, command.validFrom);
        return null;
      }
      await endEntity(command.type, command.id, command.version, command.validFrom);
      return null;
    },
    onSuccess: () => void invalidateProjectEdit(client, projectId, territoryId),
  });
  return {
    create: async (type, input, validFrom) => (await mutateAsync({ op: 'create', type, input, validFrom }))!,
    update: async (type, id, version, patch, validFrom) =>
      (await mutateAsync({ op: 'update', type, id, version, patch, validFrom }))!,
    end: async (type, id, version, validFrom) => void (await mutateAsync({ op: 'end', type, id, version, validFrom })),
    correct: async (type, id, version, patch, validFrom) =>
      (await mutateAsync({ op: 'correct', type, id, version, patch, validFrom }))!,
    correctEnd: async (type, id, version, validFrom) =>
      void (await mutateAsync({ op: 'correctEnd', type, id, version, validFrom })),
    refresh: () => invalidateProjectEdit(client, projectId, territoryId).then(() => undefined),
  };
}

/**
 * Saves the map's arrangement. The layout is the same at every date and nothing else changes:
 * the cached views take the new positions without a new request.
 */
export function useSaveLayout(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (positions: Positions) => request(SAVE_LAYOUT, { id: projectId, positions }),
    onSuccess: (_saved, positions) => {
      client.setQueriesData<ProjectViewData>({ queryKey: queryKeys.projectViews(projectId) }, (view) =>
        view ? { ...view, projectLayout: positions } : view,
      );
    },
  });
}

type ImportInput = Omit<ImportActorsMutationVariables, 'projectId' | 'dryRun'>;

/** The import's dry run: what the server would do with these rows; changes nothing. */
export function useImportPreview(projectId: string) {
  return useMutation({
    mutationFn: async (input: ImportInput) => (await request(IMPORT_ACTORS, { ...input, projectId, dryRun: true })).importActors,
  });
}

/** The import itself: new actors in the territory, engagements in the project. */
export function useImportActors(projectId: string, territoryId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: ImportInput) => (await request(IMPORT_ACTORS, { ...input, projectId, dryRun: false })).importActors,
    onSuccess: () => void invalidateProjectEdit(client, projectId, territoryId),
  });
}
