import type { Core, NodeSingular } from 'cytoscape';
import { chooseLabels, labelScale, type LabelCandidate } from './labels.ts';
import { clearSpot, freeSpotsInView, type Box } from './layout.ts';
import { baseFont, mapStylesheet } from './style.ts';

/**
 * What MapCanvas does to its Cytoscape instance for readable labels and visible newcomers; the
 * decisions are labels.ts's and layout.ts's (pure, unit-tested).
 */

/**
 * Applies the labels for the current zoom: the stylesheet's label scale (rebuilt only when it
 * changes from `currentScale`), then which names show in full, abbreviated or not at all.
 * Returns the scale now in force. `options` (the wall): a larger smallest size on screen, and
 * the stylesheet to rebuild in place of the editor's.
 */
export function arrangeCanvasLabels(
  cy: Core,
  projection: boolean,
  currentScale: number,
  options: { minPx?: number; stylesheet?: (scale: number) => unknown[]; abbreviateAt?: number } = {},
): number {
  const font = baseFont(projection);
  const scale = labelScale(cy.zoom(), font, options.minPx);
  if (scale !== currentScale)
    cy.style((options.stylesheet ? options.stylesheet(scale) : mapStylesheet({ projection, labelScale: scale })) as never);
  const leaves = cy.nodes().filter((n) => !n.isParent() && n.data('kind') !== 'PERIMETER');
  const candidates: LabelCandidate[] = leaves.map((element) => {
    const n = element as NodeSingular;
    return {
      id: n.id(),
      x: n.position('x'),
      y: n.position('y'),
      height: n.height(),
      text: String(n.data('label') ?? ''),
      priority: labelPriority(n),
      name: n.data('kind') === 'ACTOR' || n.data('kind') === 'OBJECTIVE',
    };
  });
  const { full, abbreviated } = chooseLabels(candidates, {
    font: font * scale,
    maxWidth: (projection ? 180 : 130) * scale,
    margin: 4 * scale,
    abbreviateAt: options.abbreviateAt,
  });
  cy.batch(() => {
    leaves.forEach((n) => {
      const id = n.id();
      // Zoomed out, an externality's sentence is shortened even when it fits: names come first.
      const short = abbreviated.has(id) || (scale > 1 && full.has(id) && n.data('kind') === 'EXTERNALITY');
      n.toggleClass('label-abbrev', short);
      n.toggleClass('label-quiet', !full.has(id) && !abbreviated.has(id));
    });
  });
  return scale;
}

/** Which names show first when they do not all fit: engaged actors, then connected objectives. */
export function labelPriority(node: NodeSingular): number {
  const degree = node.connectedEdges().length;
  switch (node.data('kind')) {
    case 'ACTOR':
      return 100 + Number(node.data('engagementRank') ?? 0) * 20 + degree * 2;
    case 'OBJECTIVE':
      return 90 + degree * 3;
    default:
      return 50 + degree;
  }
}

/**
 * New nodes with no placed neighbour: free places inside the view, near their perimeter's
 * members, off other nodes and off other perimeters' boxes and names (layout.ts clearSpot).
 */
export function placeInView(cy: Core, ids: readonly string[]): void {
  const extent = cy.extent();
  const margin = 55;
  const view = { x1: extent.x1 + margin, y1: extent.y1 + margin, x2: extent.x2 - margin, y2: extent.y2 - margin };
  const occupied = cy
    .nodes()
    .filter((n) => !n.isParent() && !ids.includes(n.id()))
    .map((n) => ({ ...(n as NodeSingular).position() }));
  // Perimeters as their placed members draw them (a newcomer not yet placed would stretch its
  // perimeter's box to where it was added); clearSpot adds the band of their names.
  const boxes = new Map<string, Box>();
  cy.nodes()
    .filter((n) => n.isParent())
    .forEach((n) => {
      const members = n.children().filter((m) => !ids.includes(m.id()));
      if (members.empty()) return;
      const b = members.boundingBox({ includeLabels: true } as never);
      boxes.set(n.id(), { x1: b.x1 - 20, y1: b.y1 - 20, x2: b.x2 + 20, y2: b.y2 + 20 });
    });
  for (const id of ids) {
    const node = cy.getElementById(id);
    const parent = String(node.data('parent') ?? '') || null;
    const siblings = parent
      ? cy
          .getElementById(parent)
          .children()
          .filter((n) => !ids.includes(n.id()))
      : cy.collection();
    const near = siblings.nonempty() ? siblings.boundingBox({}) : null;
    const centre = near
      ? { x: (near.x1 + near.x2) / 2, y: (near.y1 + near.y2) / 2 }
      : { x: (view.x1 + view.x2) / 2, y: (view.y1 + view.y2) / 2 };
    const fallback = freeSpotsInView(extent, occupied, 1, 110, centre)[0]!;
    const spot = clearSpot(centre, parent, occupied, boxes, view);
    const chosen = spot === centre && occupied.some((p) => Math.hypot(p.x - centre.x, p.y - centre.y) < 80) ? fallback : spot;
    node.position(chosen);
    occupied.push(chosen);
  }
}
