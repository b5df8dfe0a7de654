import type { Core } from 'cytoscape';
import seedrandom from 'seedrandom';

/**
 * How the editor arranges a map opened for the first time: fcose, then a stretch to the
 * screen's shape. The benchmark's bare Cytoscape page uses the same two (bench/frontend/bare.ts).
 */
export const FCOSE = {
  name: 'fcose',
  quality: 'proof',
  animate: false,
  randomize: true,
  // Labels count as part of the node, so the layout keeps names apart.
  nodeDimensionsIncludeLabels: true,
  nodeSeparation: 60,
  idealEdgeLength: 70,
  edgeElasticity: 0.2,
  nodeRepulsion: 6000,
  packComponents: true,
  tile: true,
  nestingFactor: 0.1,
  gravity: 0.9,
  gravityRange: 1.5,
  gravityCompound: 1.5,
  gravityRangeCompound: 1.2,
  numIter: 2500,
} as const;

/**
 * Runs the FCOSE layout (with `randomize: true`) with its random start drawn from a generator
 * seeded by `seed` — the project's id: the same map gets the same first arrangement on every
 * opening and every screen (the editor, the wall, the benchmark's bare page), instead of a new
 * one each time. fcose draws all its random numbers (spectral sampling, start coordinates)
 * synchronously in `run()` when `animate` is false, so Math.random is swapped for that call only
 * and restored before `onStop` runs (nothing else draws from the seeded generator).
 * `onStop()` runs once the positions are set, as a `layoutstop` handler would.
 */
export function runSeededLayout(cy: Core, seed: string, onStop: () => void): void {
  const original = Math.random;
  const layout = cy.layout({ ...FCOSE, randomize: true } as never);
  layout.one('layoutstop', () => {
    Math.random = original;
    onStop();
  });
  Math.random = seedrandom(`trame-layout:${seed}`);
  try {
    layout.run();
  } finally {
    Math.random = original;
  }
}

/**
 * fcose draws a roughly square map; a screen (or a wall) is wide. Stretching it horizontally
 * and squeezing it vertically by the same factor keeps the drawing's topology and lets it fit
 * at a larger zoom, so names are readable without zooming in.
 */
export function fitAspect(cy: Core): void {
  const leaves = cy.nodes().filter((n) => !n.isParent());
  if (leaves.length < 3) return;
  const box = leaves.boundingBox({});
  const ratio = cy.width() / Math.max(1, cy.height()) / (box.w / Math.max(1, box.h));
  if (ratio <= 1.1) return;
  const factor = Math.sqrt(Math.min(ratio, 3));
  const cx = (box.x1 + box.x2) / 2;
  const cy0 = (box.y1 + box.y2) / 2;
  cy.batch(() => {
    leaves.forEach((n) => {
      const { x, y } = n.position();
      n.position({ x: cx + (x - cx) * factor, y: cy0 + (y - cy0) / factor });
    });
  });
}
