import { labelPriority } from '../map/canvasLabels.ts';
import type { Collection, Core, NodeCollection, NodeSingular } from 'cytoscape';
import { abbreviate, labelScale } from '../map/labels.ts';
import { baseFont, perimeterFont, perimeterPadding } from '../map/style.ts';
import type { Sides } from './fitInside.ts';
import { WALL_ABBREVIATE_AT, WALL_LABEL_PX, WALL_LABEL_SIDE_CLASSES, wallStylesheet, type WallThemeName } from './theme.ts';
import {
  chooseWallLabels,
  placeCaptions,
  wallLabelBox,
  wrapLines,
  type Box,
  type CaptionCandidate,
  type LabelSide,
  type WallLabelCandidate,
  type WallLabelMetrics,
} from './wallLabels.ts';

/** The node labels' font (web/src/map/style.ts), for measuring. */
const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, sans-serif';

let context: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

/** Width of `text` at `size` px in the labels' font (a canvas measures it as Cytoscape will draw it); `bold`: the perimeters' names. */
function measureAt(size: number, bold = false): (text: string) => number {
  context ??= document.createElement('canvas').getContext('2d');
  return (text) => {
    const key = `${size}${bold ? 'b' : ''}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      if (context) {
        context.font = `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;
        width = context.measureText(text).width;
      } else width = text.length * 0.56 * size;
      if (widths.size > 5000) widths.clear();
      widths.set(key, width);
    }
    return width;
  };
}

/** The wall's node labels at `scale`, in the drawing's units, as its stylesheet draws them (map/style.ts). */
function wallMetrics(scale: number): WallLabelMetrics {
  const size = baseFont(true) * scale;
  return {
    font: size,
    maxWidth: 180 * scale,
    margin: 4 * scale,
    padding: 2 * scale,
    abbreviateAt: WALL_ABBREVIATE_AT,
    measure: measureAt(size),
  };
}

/** Zoomed out, an externality's sentence is shortened even when it fits: names come first. */
const shortOnly = (n: NodeSingular, scale: number) => scale > 1 && n.data('kind') === 'EXTERNALITY';

/** A node's label as chooseWallLabels weighs it; `at`: its centre and size in the drawing's units. */
function candidateOf(
  n: NodeSingular,
  at: { x: number; y: number; width: number; height: number },
  scale: number,
): WallLabelCandidate {
  const label = String(n.data('label') ?? '');
  return {
    id: n.id(),
    x: at.x,
    y: at.y,
    width: at.width,
    height: at.height,
    text: shortOnly(n, scale) ? abbreviate(label, WALL_ABBREVIATE_AT) : label,
    priority: labelPriority(n),
    name: n.data('kind') === 'ACTOR' || n.data('kind') === 'OBJECTIVE',
  };
}

const union = (a: Box | null, b: Box): Box =>
  a ? { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) } : { ...b };

/**
 * The box of `n`'s label as its classes show it now (side, abbreviation, hidden: arrangeWallLabels'
 * classes; none yet: whole, below), at `metrics`' scale, in the drawing's units — or null when hidden or empty.
 * `at`: the node's centre and size.
 */
function labelShown(
  n: NodeSingular,
  at: { x: number; y: number; width: number; height: number },
  metrics: WallLabelMetrics,
): Box | null {
  const label = String(n.data('label') ?? '');
  if (n.hasClass('label-quiet') || label === '') return null;
  const side = (Object.entries(WALL_LABEL_SIDE_CLASSES).find(([, className]) => n.hasClass(className))?.[0] ??
    'bottom') as LabelSide;
  const text = n.hasClass('label-abbrev') ? abbreviate(label, WALL_ABBREVIATE_AT) : label;
  return wallLabelBox(at, text, side, metrics);
}

/**
 * Grows `drawn` (node id → what it draws, in the drawing's units: leaves given, labels included)
 * with each perimeter of `nodes` — innermost first: its members' boxes and padding, then its
 * name above, as the wall's stylesheet draws a compound node at `scale` (map/style.ts: bold,
 * wrapped at the labels' width, `text-valign: top`) — and returns the names' boxes.
 */
function perimeterNames(nodes: NodeCollection, drawn: Map<string, Box>, scale: number, metrics: WallLabelMetrics): Box[] {
  const depth = (n: NodeSingular) => n.ancestors().length;
  const parents = nodes
    .filter((n) => n.isParent())
    .toArray()
    .sort((a, b) => depth(b as NodeSingular) - depth(a as NodeSingular)) as NodeSingular[];
  const titleFont = perimeterFont(true) * scale;
  const padding = perimeterPadding(true);
  const measureTitle = measureAt(titleFont, true);
  const names: Box[] = [];
  for (const p of parents) {
    let box: Box | null = null;
    p.children().forEach((child) => {
      const own = drawn.get(child.id());
      if (own) box = union(box, own);
    });
    if (!box) continue;
    const b = box as Box;
    const inner = { x1: b.x1 - padding, y1: b.y1 - padding, x2: b.x2 + padding, y2: b.y2 + padding };
    const lines = wrapLines(String(p.data('label') ?? ''), metrics.maxWidth, measureTitle);
    const cx = (inner.x1 + inner.x2) / 2;
    let title: Box | null = null;
    if (lines.length > 0) {
      const width = Math.max(...lines.map((line) => measureTitle(line))) + 2 * metrics.padding;
      const height = lines.length * 1.2 * titleFont + 2 * metrics.padding;
      title = { x1: cx - width / 2, y1: inner.y1 - height, x2: cx + width / 2, y2: inner.y1 };
      names.push(title);
    }
    drawn.set(p.id(), title ? union(inner, title) : inner);
  }
  return names;
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
  const metrics = wallMetrics(scale);
  const obstacles: Box[] = [];
  const labelled = (box: { x1: number; y1: number; x2: number; y2: number; w: number; h: number }) => box.w > 0 && box.h > 0;
  // The perimeters' names where Cytoscape draws them at this scale, around their members' labels
  // as they are shown now — computed (perimeterNames), not asked of Cytoscape: a perimeter's box
  // is its members' boxes, labels included, so asking for it styled every node at the new scale
  // here, and again once the label classes below changed (on a 500-element map, a whole restyle
  // of the nodes between the layout and the first frame).
  const shown = new Map<string, Box>();
  leaves.forEach((n) => {
    // A perimeter with no member yet draws its name across its body (\`text-valign: center\`):
    // measured, as it is drawn (one node's style).
    if (n.data('kind') === 'PERIMETER') {
      shown.set(n.id(), n.boundingBox({ includeLabels: true, includeOverlays: false } as never));
      return;
    }
    const g = geometry.get(n.id())!;
    const label = labelShown(n, g, metrics);
    shown.set(n.id(), label ? union(g.body, label) : g.body);
  });
  const names = perimeterNames(cy.nodes(), shown, scale, metrics);
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
  leaves.forEach((n) => {
    if (n.data('kind') === 'PERIMETER') {
      // A perimeter with no member yet: its body and name are in the way of the others.
      obstacles.push(shown.get(n.id())!);
      return;
    }
    candidates.push(candidateOf(n, geometry.get(n.id())!, scale));
  });
  const { placed } = chooseWallLabels(candidates, obstacles, metrics);
  cy.batch(() => {
    leaves.forEach((n) => {
      if (n.data('kind') === 'PERIMETER') return;
      const choice = placed.get(n.id());
      const shortened = choice !== undefined && (choice.abbreviated || shortOnly(n, scale));
      n.toggleClass('label-abbrev', shortened);
      n.toggleClass('label-quiet', !choice);
      for (const [side, className] of Object.entries(WALL_LABEL_SIDE_CLASSES)) n.toggleClass(className, choice?.side === side);
    });
  });
  return scale;
}

/**
 * The room the wall's labels will take beyond the nodes' bodies of `eles` once arranged at
 * `zoom` (screen px on each side), predicted without restyling anything: the node labels as
 * arrangeWallLabels would choose them at the label scale of that zoom (chooseWallLabels; the
 * perimeters' names and leaps' captions, known only once drawn at that scale, are left out as
 * obstacles), each perimeter's box around its members and their labels with its padding, and
 * its name above it. A fit that leaves this room lands where the labels fit at once — instead of
 * fitting, restyling every element for the new scale, measuring, and fitting and restyling again
 * (on a 500-element map, 150 of the 364 ms from the layout's end to a fitted map). Reads the nodes' positions
 * and sizes (their style must be computed: after a layout or a fit). Zero when `eles` has no node.
 */
export function predictedLabelRoom(eles: Collection, zoom: number): Sides {
  const none = { left: 0, right: 0, top: 0, bottom: 0 };
  const leaves = eles.nodes().filter((n) => !n.isParent());
  if (leaves.empty()) return none;
  const scale = labelScale(zoom, baseFont(true), WALL_LABEL_PX);
  const metrics = wallMetrics(scale);
  const candidates: WallLabelCandidate[] = [];
  const drawn = new Map<string, Box>();
  leaves.forEach((n) => {
    const at = { x: n.position('x'), y: n.position('y'), width: n.width(), height: n.height() };
    drawn.set(n.id(), { x1: at.x - at.width / 2, y1: at.y - at.height / 2, x2: at.x + at.width / 2, y2: at.y + at.height / 2 });
    if (n.data('kind') !== 'PERIMETER') candidates.push(candidateOf(n, at, scale));
  });
  let bodies: Box | null = null;
  for (const box of drawn.values()) bodies = union(bodies, box);
  const { placed } = chooseWallLabels(candidates, [], metrics);
  for (const c of candidates) {
    const choice = placed.get(c.id);
    if (!choice) continue;
    const text = choice.abbreviated ? abbreviate(c.text, WALL_ABBREVIATE_AT) : c.text;
    drawn.set(c.id, union(drawn.get(c.id)!, wallLabelBox(c, text, choice.side, metrics)));
  }
  perimeterNames(eles.nodes(), drawn, scale, metrics);
  let content: Box | null = null;
  for (const box of drawn.values()) content = union(content, box);
  const [c, b] = [content as unknown as Box, bodies as unknown as Box];
  return {
    left: Math.max(0, (b.x1 - c.x1) * zoom),
    right: Math.max(0, (c.x2 - b.x2) * zoom),
    top: Math.max(0, (b.y1 - c.y1) * zoom),
    bottom: Math.max(0, (c.y2 - b.y2) * zoom),
  };
}
