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
  /** `confidential` false: the « sans éléments confidentiels » version. */
  territoryReview: (territoryId: string, asOf: string | null, sinceMilestone: string | null, confidential = true) =>
    ['territory', territoryId, 'review', asOf, sinceMilestone, confidential] as const,

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
  /** One entity's change records (the side panel's history): an edit of the project invalidates it. */
  entityHistory: (projectId: string, entityId: string) => ['project', projectId, 'history', entityId] as const,
  wallLinks: (projectId: string) => ['project', projectId, 'wallLinks'] as const,

  /** Who is signed in: a sign-in or sign-out resets the whole cache instead (another person's data). */
  viewer: () => ['viewer'] as const,
  apiTokens: () => ['account', 'apiTokens'] as const,
  /** Users, their grants and the allowed domains (one request). */
  users: () => ['admin', 'users'] as const,
};
