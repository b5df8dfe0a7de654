import { useMemo } from 'react';
import { parseProjectionParams } from '../../routes.ts';
import { ProjectionView } from '../../wall/ProjectionView.tsx';

/**
 * /projets/<id>/mur: the projection for a room's wall, opened by a signed-in user who can read
 * the project (« Projeter » in the editor). Confidential items are not asked for; the server
 * withholds the rest by role. A refusal shows the view's own notice.
 */
export function ProjectionPage({ projectId, params }: { projectId: string; params: URLSearchParams }) {
  const { webgl } = useMemo(() => parseProjectionParams(params), [params]);
  return <ProjectionView projectId={projectId} webgl={webgl} />;
}
