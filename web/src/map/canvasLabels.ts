import type { Core, NodeSingular } from 'cytoscape';
import { chooseLabels, labelScale, type LabelCandidate } from './labels.ts';
import { freeSpotsInView } from './layout.ts';
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

/** New nodes with no placed neighbour: free places inside the view, near their perimeter's members. */
export function placeInView(cy: Core, ids: readonly string[]): void {
  const extent = cy.extent();
  const occupied = cy
    .nodes()
    .filter((n) => !n.isParent() && !ids.includes(n.id()))
    .map((n) => (n as NodeSingular).position());
  const byParent = new Map<string, string[]>();
  for (const id of ids) {
    const parent = String(cy.getElementById(id).data('parent') ?? '');
    byParent.set(parent, [...(byParent.get(parent) ?? []), id]);
  }
  for (const [parent, members] of byParent) {
    const siblings = parent
      ? cy
          .getElementById(parent)
          .children()
          .filter((n) => !ids.includes(n.id()))
      : cy.collection();
    const near = siblings.nonempty() ? siblings.boundingBox({}) : null;
    const spots = freeSpotsInView(
      extent,
      occupied,
      members.length,
      110,
      near ? { x: (near.x1 + near.x2) / 2, y: (near.y1 + near.y2) / 2 } : undefined,
    );
    members.forEach((id, i) => {
      cy.getElementById(id).position(spots[i]!);
      occupied.push(spots[i]!);
    });
  }
}
