import { parseRoute } from '../routes.ts';
import { requestStarted } from './client.ts';
import { PROJECT_VIEW, type ProjectViewData } from './entityDocuments.ts';
import { openingVariables, takeEarlyRead } from './openingEarly.ts';
import { pageCode } from './pageCode.ts';

/** The projection's code, as App.tsx draws it (one loading, known once there: components/lazyPage.tsx). */
export const projectionPageCode = pageCode(() => import('../pages/wall/ProjectionPage.tsx'));
/** The wall link's page (/mur#…), likewise. */
export const wallPageCode = pageCode(() => import('../pages/wall/WallPage.tsx'));

let opening: { projectId: string; read: Promise<ProjectViewData> } | null = null;

/**
 * Started by main.tsx before React's code has loaded: on the projection route
 * (/projets/<id>/mur), the map's read (PROJECT_VIEW, as useProjectView asks for it: now,
 * confidential items withheld) — or the response to the same read the page's early script sent
 * before this code had loaded (openingEarly.ts) — and the page's code go out at once, the read no longer waiting
 * for React, the app and the page's chunks to load and run first (issue 14's projection figure:
 * the read is the first map's longest wait). On the wall link's route (/mur#…), its page's code.
 * Any other route: nothing. Returns the page's code loading (main.tsx renders once it is there,
 * so App draws the page in its first render: components/lazyPage.tsx), or null.
 */
export function startOpeningRead(location: { pathname: string; search: string }): Promise<unknown> | null {
  const route = parseRoute(location.pathname, location.search);
  // The wall link's page reads its link first (WallPage): only its code is worth starting here.
  if (route.page === 'wall') return wallPageCode.load();
  if (route.page !== 'projection') return null;
  const page = projectionPageCode.load();
  // Sent already by the early script the page's HTML names (openingEarly.ts), or now.
  const early = takeEarlyRead(route.projectId, window as unknown as Record<string, unknown>);
  const read = requestStarted<ProjectViewData>(PROJECT_VIEW, openingVariables(route.projectId), early);
  // Taken by the query cache (which reports its errors), or never: no unhandled rejection either way.
  read.catch(() => undefined);
  opening = { projectId: route.projectId, read };
  return page;
}

/**
 * The read startOpeningRead started for `projectId`, once (the cache holds it from then on),
 * or null: none was started, or it was taken already.
 */
export function takeOpeningRead(projectId: string): Promise<ProjectViewData> | null {
  if (opening?.projectId !== projectId) return null;
  const { read } = opening;
  opening = null;
  return read;
}
