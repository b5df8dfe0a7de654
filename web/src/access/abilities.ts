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
