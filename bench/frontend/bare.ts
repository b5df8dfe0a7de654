/**
 * The bare page of the front-end bench: Cytoscape with nothing around it, given the elements the
 * editor builds (fetched as a static file, added in the editor's order), the editor's stylesheet
 * (`?projection=1`: the wall's, web/src/wall/theme.ts)
 * and the same fcose layout seeded by the same project id (`?seed=`), then fitted. `?webgl=1` turns on Cytoscape's WebGL renderer;
 * `?interact=1` pans for a few dozen frames once drawn. Marks go to `window.__bench`.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fitAspect, runSeededLayout } from '../../web/src/map/arrange.ts';
import { mapStylesheet } from '../../web/src/map/style.ts';
import { wallStylesheet } from '../../web/src/wall/theme.ts';
import { PAGE_HOOKS, measurePanning, type BenchMarks, type BenchWindow } from './marks.ts';

// Runs in the browser; the root tsconfig has no DOM lib.
declare const document: { getElementById(id: string): { style: Record<string, string> } };
declare const location: { search: string };
declare const window: BenchWindow & Record<string, unknown>;

cytoscape.use(fcose);
// The same hooks as the app gets from the bench's init script.
new Function(PAGE_HOOKS)();

const params = new URLSearchParams(location.search);
const webgl = params.get('webgl') === '1';
// The size of the app's map area (the layout packs components to the container's aspect ratio).
const container = document.getElementById('cy');
if (params.get('w') && params.get('h'))
  Object.assign(container.style, {
    width: `${params.get('w')}px`,
    height: `${params.get('h')}px`,
    right: 'auto',
    bottom: 'auto',
  });
const response = await fetch(`/bench/elements/${encodeURIComponent(params.get('set') ?? '')}.json`);
const elements = (await response.json()) as (cytoscape.ElementDefinition & { group: 'nodes' | 'edges' })[];
const cy = cytoscape({
  container: container as never,
  // The projection view (the wall) draws with its own stylesheet: the editor's projection one and the theme.
  style: (params.get('projection') === '1' ? wallStylesheet('light') : mapStylesheet()) as never,
  wheelSensitivity: 0.3,
  minZoom: 0.1,
  maxZoom: 3,
  boxSelectionEnabled: false,
  ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
} as cytoscape.CytoscapeOptions);
window.__benchWatch(cy);
// The editor's syncElements order: nodes before edges, parents before children.
const ordered = [...elements].sort((a, b) =>
  a.group === b.group ? (a.data.parent ? 1 : 0) - (b.data.parent ? 1 : 0) : a.group === 'nodes' ? -1 : 1,
);
cy.batch(() => {
  for (const def of ordered)
    cy.add({ group: def.group, data: def.data, classes: def.classes ?? '' } as cytoscape.ElementDefinition);
});
// The app's first arrangement, seeded as the app seeds it (by the project's id, web/src/map/arrange.ts):
// both pages compute the same positions, so the ratio compares the pages, not two random draws.
runSeededLayout(cy, params.get('seed') ?? '', () => {
  // The editor's layout ends with its aspect stretch: the same positions to draw.
  fitAspect(cy);
  cy.fit(undefined, 40);
  if (params.get('interact') === '1') {
    const marks = window.__bench as BenchMarks;
    const wait = () => (marks.drawn === null ? setTimeout(wait, 20) : measurePanning(cy));
    wait();
  }
});
