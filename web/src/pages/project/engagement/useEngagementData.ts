import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api/client.ts';
import type { EntityData } from '../../../api/entities.ts';
import { correctMutation, createMutation, entitySelection, updateMutation } from '../../../api/entityDocuments.ts';
import { queryKeys } from '../../../api/queryKeys.ts';

/**
 * The engagement panel's reads and writes. Keys nest under the project's and the territory's
 * (queryKeys.ts), so any edit of the project invalidates them and these writes invalidate what
 * they change, as the editor's other writes do (api/mutations.ts).
 */

/** One step of an engagement's level: the level and the day it took effect (ISO instant). */
export interface LevelStep {
  level: string;
  validFrom: string;
}

const LEVEL_HISTORY = `
  query EngagementLevelHistory($projectId: ID!, $entityId: ID!) {
    projectTimeline(projectId: $projectId, entityId: $entityId, first: 100) {
      changes { id op validFrom recordedAt fields after revertOf }
    }
  }
`;
interface LevelHistoryData {
  projectTimeline: { changes: LevelChange[] };
}

/** A change of the engagement's log, as levelSteps reads it. */
export interface LevelChange {
  id?: string;
  validFrom: string;
  recordedAt?: string;
  fields?: readonly string[];
  after: Record<string, unknown>;
  revertOf?: string | null;
}

/**
 * The level steps of one engagement, oldest first, read off its change log (projectTimeline):
 * each change that set `level` is a step; a step repeating the level before it is dropped.
 * Null id: nothing to read.
 */
export function useLevelHistory(projectId: string, engagementId: string | null) {
  return useQuery({
    queryKey: [...queryKeys.project(projectId), 'engagementHistory', engagementId ?? ''] as const,
    queryFn: engagementId
      ? async () =>
          levelSteps(
            (await request<LevelHistoryData>(LEVEL_HISTORY, { projectId, entityId: engagementId })).projectTimeline.changes,
          )
      : skipToken,
  });
}

/**
 * Changes (any order) to level steps, oldest first: pure, unit-tested. A correction (a change
 * of `validFrom` only that names the corrected change in `revertOf`) moves that change to its
 * new date; of two levels set at the same instant, the one recorded later holds.
 */
export function levelSteps(changes: readonly LevelChange[]): LevelStep[] {
  const redated = new Map<string, string>();
  for (const change of changes) {
    const moved = change.after?.validFrom;
    if (change.revertOf && change.fields?.length === 1 && change.fields[0] === 'validFrom' && typeof moved === 'string')
      redated.set(change.revertOf, moved);
  }
  const ordered = changes
    .map((change) => ({ ...change, validFrom: (change.id && redated.get(change.id)) || change.validFrom }))
    .sort(
      (a, b) =>
        Date.parse(a.validFrom) - Date.parse(b.validFrom) || String(a.recordedAt ?? '').localeCompare(String(b.recordedAt ?? '')),
    );
  const steps: LevelStep[] = [];
  for (const change of ordered) {
    const level = change.after?.level;
    if (typeof level !== 'string') continue;
    if (steps.at(-1) && Date.parse(steps.at(-1)!.validFrom) === Date.parse(change.validFrom)) steps.pop();
    if (steps.at(-1)?.level === level) continue;
    steps.push({ level, validFrom: change.validFrom });
  }
  return steps;
}

const ENGAGEMENT_LOAD = `
  query TerritoryEngagementLoad($id: ID!) {
    territory(id: $id) { id projects { id name engagements { id actorId level } } }
  }
`;
interface EngagementLoadData {
  territory: {
    id: string;
    projects: { id: string; name: string; engagements: { id: string; actorId: string; level: string }[] }[];
  };
}

/** Where each actor of the territory is engaged: actor id → [{ project, level }]. */
export type EngagementLoad = Map<string, { projectId: string; projectName: string; level: string }[]>;

/** The territory's engagement load (the projects each actor is engaged in). Null id: not needed. */
export function useEngagementLoad(territoryId: string | null) {
  return useQuery({
    queryKey: [...queryKeys.territory(territoryId ?? ''), 'engagementLoad'] as const,
    queryFn: territoryId
      ? async () => {
          const data = await request<EngagementLoadData>(ENGAGEMENT_LOAD, { id: territoryId });
          const load: EngagementLoad = new Map();
          for (const project of data.territory.projects)
            for (const engagement of project.engagements)
              load.set(engagement.actorId, [
                ...(load.get(engagement.actorId) ?? []),
                { projectId: project.id, projectName: project.name, level: engagement.level },
              ]);
          return load;
        }
      : skipToken,
  });
}

/** A client-chosen actor id, so the engagement created in the same operation can refer to it. */
export function newActorId(): string {
  return `act-${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/**
 * A new actor and its engagement in ONE operation: the API runs a mutation's root fields in one
 * transaction (ADR 0006), in order, so the engagement refers to the actor created just before it
 * by the id the client chose; both are recorded at the same date, or neither.
 */
export const CREATE_ENGAGED_ACTOR = `
  mutation CreateEngagedActor($actorId: ID!, $actor: CreateActorInput!, $engagement: CreateEngagementInput!, $validFrom: DateTime) {
    actor: createActor(id: $actorId, input: $actor, validFrom: $validFrom) { ${entitySelection('Actor')} }
    engagement: createEngagement(input: $engagement, validFrom: $validFrom) { ${entitySelection('Engagement')} }
  }
`;

type Write =
  | {
      op: 'createEngagedActor';
      actor: Record<string, unknown>;
      engagement: Record<string, unknown>;
      validFrom: string | null;
    }
  | { op: 'createEngagement'; input: Record<string, unknown>; validFrom: string | null }
  | { op: 'updateEngagement'; id: string; version: number; patch: Record<string, unknown>; validFrom: string | null }
  | { op: 'correctEngagement'; id: string; version: number; patch: Record<string, unknown>; validFrom: string };

export interface EngagementWrites {
  /** Both saved, or neither (ApiError of the first failing field). Returns the saved actor and engagement. */
  createEngagedActor(
    actor: Record<string, unknown>,
    engagement: Record<string, unknown>,
    validFrom: string | null,
  ): Promise<{ actor: EntityData; engagement: EntityData }>;
  createEngagement(input: Record<string, unknown>, validFrom: string | null): Promise<EntityData>;
  updateEngagement(id: string, version: number, patch: Record<string, unknown>, validFrom: string | null): Promise<EntityData>;
  /** An update dated before the engagement's latest entry, as a correction of that entry's date (correctEngagement). */
  correctEngagement(id: string, version: number, patch: Record<string, unknown>, validFrom: string): Promise<EntityData>;
}

/** The engagement panel's writes; each invalidates the project and its territory. */
export function useEngagementWrites(projectId: string, territoryId: string): EngagementWrites {
  const client = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: async (write: Write): Promise<Record<string, EntityData>> => {
      switch (write.op) {
        case 'createEngagedActor': {
          const actorId = newActorId();
          return request<Record<string, EntityData>>(CREATE_ENGAGED_ACTOR, {
            actorId,
            actor: { ...write.actor, territoryId },
            engagement: { ...write.engagement, actorId, projectId },
            validFrom: write.validFrom,
          });
        }
        case 'createEngagement':
          return request<Record<string, EntityData>>(createMutation('Engagement'), {
            input: { ...write.input, projectId },
            validFrom: write.validFrom,
          });
        case 'updateEngagement':
          return request<Record<string, EntityData>>(updateMutation('Engagement'), {
            id: write.id,
            version: write.version,
            patch: write.patch,
            validFrom: write.validFrom,
          });
        case 'correctEngagement':
          return request<Record<string, EntityData>>(correctMutation('Engagement'), {
            id: write.id,
            version: write.version,
            patch: write.patch,
            validFrom: write.validFrom,
          });
      }
    },
    onSuccess: () =>
      void Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
        client.invalidateQueries({ queryKey: queryKeys.territory(territoryId) }),
      ]),
  });
  return {
    createEngagedActor: async (actor, engagement, validFrom) => {
      const data = await mutateAsync({ op: 'createEngagedActor', actor, engagement, validFrom });
      return { actor: data.actor!, engagement: data.engagement! };
    },
    createEngagement: async (input, validFrom) =>
      (await mutateAsync({ op: 'createEngagement', input, validFrom })).createEngagement!,
    updateEngagement: async (id, version, patch, validFrom) =>
      (await mutateAsync({ op: 'updateEngagement', id, version, patch, validFrom })).updateEngagement!,
    correctEngagement: async (id, version, patch, validFrom) =>
      (await mutateAsync({ op: 'correctEngagement', id, version, patch, validFrom })).correctEngagement!,
  };
}
