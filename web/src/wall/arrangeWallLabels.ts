import { labelPriority } from '../map/canvasLabels.ts';
import type { Core, NodeSingular } from 'cytoscape';
import { abbreviate, labelScale } from '../map/labels.ts';
import { baseFont } from '../map/style.ts';
import { WALL_ABBREVIATE_AT, WALL_LABEL_PX, WALL_LABEL_SIDE_CLASSES, wallStylesheet, type WallThemeName } from './theme.ts';
import { chooseWallLabels, placeCaptions, type Box, type CaptionCandidate, type WallLabelCandidate } from './wallLabels.ts';

/** The node labels' font (web/src/map/style.ts), for measuring. */
const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, sans-serif';

let context: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

/** Width of `text` at `size` px in the labels' font (a canvas measures it as Cytoscape will draw it). */
function measureAt(size: number): (text: string) => number {
  context ??= document.createElement('canvas').getContext('2d');
  return (text) => {
    const key = `${size}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      if (context) {
        context.font = `${size}px ${FONT_FAMILY}`;
        width = context.measureText(text).width;
      } else width = text.length * 0.56 * size;
      if (widths.size > 5000) widths.clear();
      widths.set(key, width);
    }
    return width;
  };
}

const LABEL_ONLY = {
  includeNodes: false,
  includeEdges: false,
  includeLabels: true,
  includeMainLabels: true,
  includeSourceLabels: false,
  includeTargetLabels: false,
  includeOverlays: false,
  includeUnderlays: false,
} as const;

/**
 * Applies the wall's labels for the current zoom: the label scale (stylesheet rebuilt only when
 * it changes from `currentScale`: never under WALL_LABEL_PX on screen), then the leaps' captions
 * off the perimeters' names and the nodes (placeCaptions), then each node label's text and side
 * (wallLabels.ts), around those names and captions as Cytoscape draws them. Returns the scale in force.
 */
export function arrangeWallLabels(cy: Core, theme: WallThemeName, currentScale: number): number {
  const font = baseFont(true);
  const scale = labelScale(cy.zoom(), font, WALL_LABEL_PX);
  const leaves = cy.nodes().filter((n) => !n.isParent());
  // The nodes' bodies do not change with the label scale: read before a restyle, while every
  // node's style is computed (after a layout, a fit), not after, when reading them would compute
  // every node's style at the new scale once here and once more after the label classes change.
  const bodyOnly = { includeLabels: false, includeOverlays: false } as never;
  const geometry = new Map(
    leaves.map((n: NodeSingular) => [
      n.id(),
      {
        x: n.position('x'),
        y: n.position('y'),
        width: n.width(),
        height: n.height(),
        body: n.boundingBox(bodyOnly) as Box,
      },
    ]),
  );
  if (scale !== currentScale) cy.style(wallStylesheet(theme, scale) as never);
  const obstacles: Box[] = [];
  const labelled = (box: { x1: number; y1: number; x2: number; y2: number; w: number; h: number }) => box.w > 0 && box.h > 0;
  const names: Box[] = [];
  cy.nodes(':parent').forEach((parent) => {
    const box = parent.boundingBox(LABEL_ONLY as never);
    if (labelled(box)) names.push(box);
  });
  obstacles.push(...names);
  // The leaps' captions first: off the perimeters' names and the nodes, then obstacles to the node labels.
  const leaps = cy.edges('.leap');
  if (leaps.nonempty()) {
    leaps.removeStyle('text-margin-y');
    const captions: CaptionCandidate[] = [];
    leaps.forEach((edge) => {
      const box = edge.boundingBox(LABEL_ONLY as never);
      if (labelled(box)) captions.push({ id: edge.id(), box });
    });
    const bodies = [...geometry.values()].map((g) => g.body);
    const offsets = placeCaptions(captions, names, bodies);
    for (const caption of captions) {
      const dy = offsets.get(caption.id) ?? 0;
      const edge = cy.getElementById(caption.id);
      if (dy !== 0) edge.style('text-margin-y', edge.numericStyle('text-margin-y') + dy);
      obstacles.push({ ...caption.box, y1: caption.box.y1 + dy, y2: caption.box.y2 + dy });
    }
  }
  const candidates: WallLabelCandidate[] = [];
  // Zoomed out, an externality's sentence is shortened even when it fits: names come first.
  const shortOnly = (n: NodeSingular) => scale > 1 && n.data('kind') === 'EXTERNALITY';
  leaves.forEach((n) => {
    if (n.data('kind') === 'PERIMETER') {
      // A perimeter with no member yet: its body and name are in the way of the others.
      obstacles.push(n.boundingBox({ includeLabels: true, includeOverlays: false } as never));
      return;
    }
    const label = String(n.data('label') ?? '');
    const text = shortOnly(n) ? abbreviate(label, WALL_ABBREVIATE_AT) : label;
    const { x, y, width, height } = geometry.get(n.id())!;
    candidates.push({
      id: n.id(),
      x,
      y,
      width,
      height,
      text,
      priority: labelPriority(n),
      name: n.data('kind') === 'ACTOR' || n.data('kind') === 'OBJECTIVE',
    });
  });
  const size = font * scale;
  const { placed } = chooseWallLabels(candidates, obstacles, {
    font: size,
    maxWidth: 180 * scale,
    margin: 4 * scale,
    padding: 2 * scale,
    abbreviateAt: WALL_ABBREVIATE_AT,
    measure: measureAt(size),
  });
  cy.batch(() => {
    leaves.forEach((n) => {
      if (n.data('kind') === 'PERIMETER') return;
      const choice = placed.get(n.id());
      const shortened = choice !== undefined && (choice.abbreviated || shortOnly(n));
      n.toggleClass('label-abbrev', shortened);
      n.toggleClass('label-quiet', !choice);
      for (const [side, className] of Object.entries(WALL_LABEL_SIDE_CLASSES)) n.toggleClass(className, choice?.side === side);
    });
  });
  return scale;
}
