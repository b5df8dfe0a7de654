import type { Viewer } from '../api/accessDocuments.ts';

/**
 * Whether the viewer may see any confidential item of a territory's review (docs/decisions/0004):
 * administrators, the territory's relecteurs, and its pilots (their own projects' items). For
 * anyone else the server already sends the review without them: the page offers no choice and
 * says so. The server decides what is sent; this only decides what the page offers.
 */
export function maySeeConfidentialIn(viewer: Viewer | null, territoryId: string): boolean {
  if (viewer?.kind !== 'USER') return false;
  if (viewer.can.administer) return true;
  return viewer.grants.some(
    (grant) =>
      grant.role === 'ADMINISTRATEUR' ||
      ((grant.role === 'RELECTEUR' || grant.role === 'PILOTE') && grant.territoryId === territoryId),
  );
}

/**
 * Who may start something (the server's policy, graph/src/access/policy.ts, decides; the home
 * page offers only what it would allow): administrators create territories and projects.
 */
export function mayCreateTerritory(viewer: Viewer | null): boolean {
  return viewer?.kind === 'USER' && (viewer.can.administer || viewer.grants.some((g) => g.role === 'ADMINISTRATEUR'));
}

export function mayCreateProject(viewer: Viewer | null, _territoryId: string): boolean {
  return mayCreateTerritory(viewer);
}

/**
 * Editing a territory (its name, code, description): administrators only — every project of the
 * territory shares it, so a project's pilot edits its actors, not its name (`territory:manage`).
 */
export function mayEditTerritory(viewer: Viewer | null, _territoryId: string): boolean {
  return mayCreateTerritory(viewer);
}

/** Editing a project (its name, description): administrators and the project's pilots. */
export function mayEditProject(viewer: Viewer | null, projectId: string): boolean {
  if (viewer?.kind !== 'USER') return false;
  if (mayCreateTerritory(viewer)) return true;
  return viewer.grants.some((g) => g.role === 'PILOTE' && g.projectId === projectId);
}
