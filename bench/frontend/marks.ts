import type { Core } from 'cytoscape';

// Runs in the browser; the root tsconfig has no DOM lib.
declare const window: Record<string, unknown>;
declare function requestAnimationFrame(callback: () => void): number;

/** The editor's fcose options, so both pages lay out the same way. */
export { FCOSE } from '../../web/src/map/arrange.ts';

/**
 * Marks of one page load, in ms since navigation start. The same code runs in the app (as the
 * init script of bench/frontend.ts, hooked on window.__trameCy) and in the bare page.
 */
export interface BenchMarks {
  /** Cytoscape created. */
  created: number | null;
  /** The first elements added: the data is there, the layout starts right after. */
  added: number | null;
  layoutStop: number | null;
  /** The first frame drawn after the layout stopped. */
  drawn: number | null;
  nodes: number;
  edges: number;
  webgl: boolean;
  /** Size of the Cytoscape container (px). */
  width: number;
  height: number;
  /** Mean ms per frame while panning (bare page with ?interact=1). */
  frameMs: number | null;
  /** Requests of the page: [url path, start, end] (ms since navigation start), filled in by the bench. */
  requests?: [string, number, number][];
  /** The page's GraphQL operations by name, in the order asked (filled in by the bench). */
  operations?: string[];
}

/**
 * The bench's page hooks, as text (installed with addInitScript in the app, evaluated here in the
 * bare page): a seeded Math.random reset when the first elements are added, so that fcose's
 * random start, and so its work, is the same in every page and every run; and the marks.
 */
export const PAGE_HOOKS = `
  window.__benchSeed = (seed) => {
    let a = seed;
    Math.random = () => {
      a |= 0; a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  window.__benchWatch = (cy) => {
    const marks = { created: performance.now(), added: null, layoutStop: null, drawn: null, nodes: 0, edges: 0, webgl: false, width: 0, height: 0, frameMs: null };
    window.__bench = marks;
    cy.one('add', () => { marks.added = performance.now(); window.__benchSeed(20261126); });
    cy.on('layoutstop', () => {
      if (marks.layoutStop !== null) return;
      marks.layoutStop = performance.now();
      marks.nodes = cy.nodes().length;
      marks.edges = cy.edges().length;
      marks.webgl = Boolean(cy.renderer().webgl);
      marks.width = cy.width();
      marks.height = cy.height();
      const done = () => { if (marks.drawn === null) marks.drawn = performance.now(); };
      cy.one('render', () => requestAnimationFrame(done));
      requestAnimationFrame(() => requestAnimationFrame(done));
    });
  };
`;

export type BenchWindow = { __benchWatch(cy: Core): void; __bench: BenchMarks };

/**
 * Pans by a few pixels on each of `frames` animation frames and records the mean time per frame
 * (the renderer redraws in the same frames; 16.7 ms is the display's cap).
 */
export function measurePanning(cy: Core, frames = 20): void {
  const marks = window.__bench as BenchMarks;
  let count = 0;
  let started = 0;
  const step = () => {
    if (count === 0) started = performance.now();
    if (count === frames) {
      marks.frameMs = (performance.now() - started) / frames;
      return;
    }
    count += 1;
    cy.panBy({ x: 7, y: 3 });
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
