import { graphqlRequestInit } from './client.ts';

/**
 * The projection's opening read, sent before the app's code has loaded. Built on its own as a
 * small classic script (web/preloadsPlugin.ts, `dist/assets/opening-<hash>.js`) that the API
 * names first in the HTML of /projets/<id>/mur only (`async`): it runs as soon as it arrives,
 * while the app's modules are still downloading and compiling, so the map's read — the wall's
 * longest wait before its first frame (issue 14's projection figure) — overlaps them instead of
 * following them. The app takes the response (openingRead.ts `startOpeningRead`) and reads it as
 * any other (client.ts `requestStarted`: same errors, same bookmark rules).
 *
 * Once the read has left, it asks for the page's modules (preloadModules).
 *
 * Kept small on purpose: it imports client.ts only (not routes.ts nor the documents, which bring
 * the whole model); the build passes it PROJECT_VIEW's text, and openingEarly.test.ts holds its
 * address parsing to routes.ts.
 */

/** Where the early script leaves its read for the app. */
export const EARLY_READ_KEY = '__trameEarlyRead';

export interface EarlyRead {
  projectId: string;
  response: Promise<Response>;
}

/** The variables of the projection's first read: the map of now, confidential items withheld. */
export function openingVariables(projectId: string): { id: string; asOf: null; hideConfidential: true } {
  return { id: projectId, asOf: null, hideConfidential: true };
}

/** The project of a projection's address (/projets/<id>/mur), as routes.ts reads it, or null. */
export function projectionProjectId(pathname: string): string | null {
  return /^\/projets\/([a-z0-9-]+)\/mur\/?$/.exec(pathname)?.[1] ?? null;
}

/**
 * On the projection's address, sends its read (`document`: PROJECT_VIEW, given by the build) and
 * leaves it on `target[EARLY_READ_KEY]`; elsewhere nothing.
 */
export function sendEarlyRead(location: { pathname: string }, target: Record<string, unknown>, document: string): void {
  const projectId = projectionProjectId(location.pathname);
  if (projectId === null) return;
  const response = fetch('/graphql', graphqlRequestInit(document, openingVariables(projectId)));
  // Taken by the app, which reports its errors; an app that never comes leaves no unhandled rejection.
  response.catch(() => undefined);
  target[EARLY_READ_KEY] = { projectId, response } satisfies EarlyRead;
}

/** The early read for `projectId`, once, or null: none was sent (an older page, another route). */
export function takeEarlyRead(projectId: string, target: Record<string, unknown>): Promise<Response> | null {
  const early = target[EARLY_READ_KEY] as EarlyRead | undefined;
  if (!early || early.projectId !== projectId) return null;
  delete target[EARLY_READ_KEY];
  return early.response;
}

/**
 * Asks for the page's modules — a `<link rel="modulepreload">` in <head> for each of `files`
 * (`/assets/…` paths, given by the build: web/preloadsPlugin.ts) — once its read has left. The
 * API leaves them out of the HTML of a page whose early script it writes inline (api/src/plugins/
 * page-preloads.ts): over HTTP/1.1 a browser opens six connections to a server, and the page's
 * ten chunks asked for first kept the read waiting for one (at 500 elements, its answer came
 * 200 ms later, and the first frame with it). Asked for twice (the script by its address, links
 * in the HTML), a module is fetched once.
 */
export function preloadModules(doc: Pick<Document, 'createElement' | 'head'>, files: readonly string[]): void {
  for (const href of files) {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    doc.head.appendChild(link);
  }
}
