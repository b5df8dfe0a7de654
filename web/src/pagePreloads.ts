/**
 * The map pages whose code the server names in the HTML it sends for their address, as
 * `<link rel="modulepreload">` (written at build time to `dist/preloads.json` by
 * web/preloadsPlugin.ts, read by api/src/web/preloads.ts): the browser then fetches the page's
 * chunks — Cytoscape among them — together with the app's, instead of once the app has run and
 * asked for them (issue 14: the wall's first frame). `pattern` is the address (the page of
 * routes.ts `parseRoute` gives for it; a unit test holds the two together), `module` the page's
 * source, relative to web/, as App.tsx imports it lazily. `early`: the page's first read also
 * leaves before the app's code, from a small script of its own (api/openingEarly.ts).
 */
export const PRELOADED_PAGES = [
  { page: 'projection', pattern: '^/projets/[a-z0-9-]+/mur/?$', module: 'src/pages/wall/ProjectionPage.tsx', early: true },
  { page: 'wall', pattern: '^/mur/?$', module: 'src/pages/wall/WallPage.tsx', early: false },
  { page: 'project', pattern: '^/projets/[a-z0-9-]+/?$', module: 'src/pages/project/ProjectPage.tsx', early: false },
] as const;
