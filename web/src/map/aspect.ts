import type { Core } from 'cytoscape';

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
