/**
 * TanStack Query keys, one place. Keys nest so that a mutation invalidates exactly what it
 * changes by prefix: `project(id)` covers every read of that project (its map at every date,
 * its lists, diffs, analysis), `territory(id)` every read of that territory (its actors, its
 * milestones, its review — which reads all its projects).
 */
export const queryKeys = {
  territories: () => ['territories'] as const,

  territory: (territoryId: string) => ['territory', territoryId] as const,
  territoryActors: (territoryId: string) => ['territory', territoryId, 'actors'] as const,
  territoryMilestones: (territoryId: string, asOf: string | null) => ['territory', territoryId, 'milestones', asOf] as const,
  territoryReview: (territoryId: string, asOf: string | null, sinceMilestone: string | null) =>
    ['territory', territoryId, 'review', asOf, sinceMilestone] as const,

  project: (projectId: string) => ['project', projectId] as const,
  /** The map with its header (PROJECT_VIEW); `asOf` null is now. */
  projectView: (projectId: string, asOf: string | null, hideConfidential: boolean) =>
    ['project', projectId, 'view', asOf, hideConfidential] as const,
  /** Every date's view of a project: the saved layout is the same at all of them. */
  projectViews: (projectId: string) => ['project', projectId, 'view'] as const,
  projectLists: (projectId: string, asOf: string | null) => ['project', projectId, 'lists', asOf] as const,
  projectMapAt: (projectId: string, asOf: string | null, hideConfidential: boolean) =>
    ['project', projectId, 'mapAt', asOf, hideConfidential] as const,
  projectDiff: (projectId: string, from: string, to: string) => ['project', projectId, 'diff', from, to] as const,
  projectAnalysis: (projectId: string, asOf: string | null) => ['project', projectId, 'analysis', asOf] as const,
};
