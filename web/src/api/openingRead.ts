import { parseRoute } from '../routes.ts';
import { requestStarted } from './client.ts';
import { PROJECT_VIEW, type ProjectViewData } from './entityDocuments.ts';
import { openingVariables, takeEarlyRead } from './openingEarly.ts';

/** The projection's code, as App.tsx loads it (the same module, so the same chunk and promise). */
export const loadProjectionPage = () => import('../pages/wall/ProjectionPage.tsx');

let opening: { projectId: string; read: Promise<ProjectViewData> } | null = null;

/**
 * Started by main.tsx before React's code has loaded: on the projection route
 * (/projets/<id>/mur), the map's read (PROJECT_VIEW, as useProjectView asks for it: now,
 * confidential items withheld) — or the response to the same read the page's early script sent
 * before this code had loaded (openingEarly.ts) — and the page's code go out at once, the read no longer waiting
 * for React, the app and the page's chunks to load and run first (issue 14's projection figure:
 * the read is the first map's longest wait). Any other route: nothing. Returns the page's code
 * loading (main.tsx renders once it is there), or null.
 */
export function startOpeningRead(location: { pathname: string; search: string }): Promise<unknown> | null {
  const route = parseRoute(location.pathname, location.search);
  if (route.page !== 'projection') return null;
  const page = loadProjectionPage();
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
