import type { ElementDef } from './types.ts';

/**
 * Where nodes go. Pure helpers: saved positions are kept, new nodes start beside their
 * neighbours, and the leaps view lays perimeters out along time.
 */
export type Positions = Record<string, { x: number; y: number }>;

function isLeaf(element: ElementDef, elements: ElementDef[]): boolean {
  return element.group === 'nodes' && !elements.some((e) => e.group === 'nodes' && e.data.parent === element.data.id);
}

/** Leaf nodes a layout positions (compound parents follow their children). */
export function leafIds(elements: ElementDef[]): string[] {
  return elements.filter((e) => isLeaf(e, elements)).map((e) => e.data.id);
}

/**
 * Where leaf nodes new to the canvas stand until they are placed (placeFromSaved, a layout…):
 * distinct points of a square grid, `spacing` (model px) apart, from `origin` rightwards and
 * down. Cytoscape computes edge geometry as soon as elements are added; nodes all stacked on
 * (0, 0) make the edges between them undrawable (its « invalid endpoints » warning).
 * `ids`: the nodes added; a compound parent's position is ignored by Cytoscape anyway.
 */
export function startPositions(
  ids: readonly string[],
  origin: { x: number; y: number } = { x: 0, y: 0 },
  spacing = 200,
): Positions {
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  const positions: Positions = {};
  ids.forEach((id, i) => {
    positions[id] = { x: origin.x + (i % columns) * spacing, y: origin.y + Math.floor(i / columns) * spacing };
  });
  return positions;
}

/**
 * Saved positions for the nodes that have one; a node without one goes near the centre of its
 * placed neighbours, at the first clear spot of a spiral around it (clearSpot); `missing` lists
 * nodes with no placed neighbour (they need a layout run). Positions in model units.
 */
export function placeFromSaved(elements: ElementDef[], saved: Positions): { positions: Positions; missing: string[] } {
  const leaves = leafIds(elements);
  const positions: Positions = {};
  for (const id of leaves) if (saved[id]) positions[id] = saved[id]!;
  const neighbours = new Map<string, string[]>();
  for (const edge of elements.filter((e) => e.group === 'edges')) {
    const source = String(edge.data.source);
    const target = String(edge.data.target);
    neighbours.set(source, [...(neighbours.get(source) ?? []), target]);
    neighbours.set(target, [...(neighbours.get(target) ?? []), source]);
  }
  const parentOf = new Map(
    elements.filter((e) => e.group === 'nodes' && e.data.parent).map((e) => [e.data.id, String(e.data.parent)]),
  );
  const boxes = perimeterBoxes(parentOf, positions);
  const missing: string[] = [];
  for (const id of leaves) {
    if (positions[id]) continue;
    const placed = (neighbours.get(id) ?? []).map((n) => positions[n]).filter((p): p is { x: number; y: number } => Boolean(p));
    if (placed.length === 0) {
      missing.push(id);
      continue;
    }
    const centre = {
      x: placed.reduce((sum, p) => sum + p.x, 0) / placed.length,
      y: placed.reduce((sum, p) => sum + p.y, 0) / placed.length,
    };
    positions[id] = clearSpot(centre, parentOf.get(id) ?? null, Object.values(positions), boxes);
  }
  return { positions, missing };
}

/** A box in model units (a perimeter's, the view). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Room around a member inside its perimeter's box (its shape and label), and the name's band above the box. */
const BOX_PADDING = 60;
const TITLE_BAND = 120;
/** Least distance between a new node and any other (model units: a node and its label). */
const NODE_GAP = 80;

function perimeterBoxes(parentOf: Map<string, string>, positions: Positions): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const [id, parent] of parentOf) {
    const p = positions[id];
    if (!p) continue;
    const box = boxes.get(parent) ?? { x1: p.x, y1: p.y, x2: p.x, y2: p.y };
    boxes.set(parent, {
      x1: Math.min(box.x1, p.x),
      y1: Math.min(box.y1, p.y),
      x2: Math.max(box.x2, p.x),
      y2: Math.max(box.y2, p.y),
    });
  }
  for (const [parent, box] of boxes)
    boxes.set(parent, { x1: box.x1 - BOX_PADDING, y1: box.y1 - BOX_PADDING, x2: box.x2 + BOX_PADDING, y2: box.y2 + BOX_PADDING });
  return boxes;
}

const inside = (p: { x: number; y: number }, b: Box) => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2;

/**
 * The first spot of a spiral from `centre` that keeps NODE_GAP from every placed node, stays in
 * its own perimeter's box (when its perimeter has placed members) and out of every other
 * perimeter's box and the name above it — so a newcomer neither covers a node or a perimeter's
 * name nor looks like a member of a perimeter it is not in; inside `within` (the view) when given.
 * `boxes`: perimeter id → box (its name's band above is added here). `centre` when nothing is clear.
 */
export function clearSpot(
  centre: { x: number; y: number },
  parent: string | null,
  placed: readonly { x: number; y: number }[],
  boxes: ReadonlyMap<string, Box>,
  within?: Box,
): { x: number; y: number } {
  const box = parent ? (boxes.get(parent) ?? null) : null;
  const others = [...boxes].filter(([id]) => id !== parent).map(([, b]) => ({ ...b, y1: b.y1 - TITLE_BAND }));
  // A crowded perimeter: the second pass lets the newcomer widen its box a little.
  const owns = box
    ? [box, { x1: box.x1 - NODE_GAP, y1: box.y1 - NODE_GAP, x2: box.x2 + NODE_GAP, y2: box.y2 + NODE_GAP }]
    : [null];
  for (const own of owns)
    for (let i = 0; i < 400; i += 1) {
      const radius = i === 0 ? 0 : 20 + 6 * i;
      const angle = i * 2.4;
      const spot = { x: centre.x + Math.cos(angle) * radius, y: centre.y + Math.sin(angle) * radius };
      if (own && !inside(spot, own)) continue;
      if (within && !inside(spot, within)) continue;
      if (others.some((b) => inside(spot, b))) continue;
      if (placed.every((p) => Math.hypot(p.x - spot.x, p.y - spot.y) >= NODE_GAP)) return spot;
    }
  return centre;
}

/**
 * The leaps view: one column per perimeter, in the order of the leaps, left to right; the
 * actors and objectives each perimeter brought in stacked inside it; the rest below.
 */
export function leapColumns(
  elements: ElementDef[],
  perimeterOrder: string[],
  options = { columnWidth: 460, cell: 130 },
): Positions {
  const positions: Positions = {};
  const leaves = elements.filter((e) => isLeaf(e, elements) && e.data.kind !== 'PERIMETER');
  const columns = perimeterOrder.map((perimeterId) => leaves.filter((e) => e.data.parent === perimeterId));
  const perColumn = 3;
  let deepest = 0;
  columns.forEach((members, column) => {
    const sorted = [...members].sort(
      (a, b) =>
        String(a.data.kind).localeCompare(String(b.data.kind)) || String(a.data.label).localeCompare(String(b.data.label)),
    );
    sorted.forEach((element, i) => {
      const row = Math.floor(i / perColumn);
      deepest = Math.max(deepest, row);
      positions[element.data.id] = {
        x: column * options.columnWidth + (i % perColumn) * options.cell,
        y: row * options.cell * 0.8,
      };
    });
  });
  const rest = leaves.filter((e) => !perimeterOrder.includes(String(e.data.parent ?? '')));
  const width = Math.max(1, perimeterOrder.length) * options.columnWidth;
  const perRow = Math.max(1, Math.floor(width / options.cell));
  rest.forEach((element, i) => {
    positions[element.data.id] = {
      x: (i % perRow) * options.cell,
      y: (deepest + 2 + Math.floor(i / perRow)) * options.cell * 0.8,
    };
  });
  return positions;
}

/**
 * Free places for `count` new nodes inside the visible part of the map (`view`, the drawing's
 * units), nearest to `near` first (default: the view's centre), at least `gap` from any
 * `occupied` point and from each other. Scans a grid of `gap` steps; when the view is full the
 * remaining nodes go beside the nearest free place found, so none lands off screen.
 */
export function freeSpotsInView(
  view: { x1: number; y1: number; x2: number; y2: number },
  occupied: readonly { x: number; y: number }[],
  count: number,
  gap = 110,
  near?: { x: number; y: number },
): { x: number; y: number }[] {
  const margin = gap / 2;
  const centre = near ?? { x: (view.x1 + view.x2) / 2, y: (view.y1 + view.y2) / 2 };
  const grid: { x: number; y: number }[] = [];
  for (let x = view.x1 + margin; x <= view.x2 - margin; x += gap)
    for (let y = view.y1 + margin; y <= view.y2 - margin; y += gap) grid.push({ x, y });
  if (grid.length === 0) grid.push({ x: centre.x, y: centre.y });
  grid.sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
  const taken = [...occupied];
  const spots: { x: number; y: number }[] = [];
  for (const spot of grid) {
    if (spots.length >= count) break;
    if (taken.every((p) => Math.hypot(p.x - spot.x, p.y - spot.y) >= gap * 0.8)) {
      spots.push(spot);
      taken.push(spot);
    }
  }
  // A full view: the rest in a small spiral around the best place (still inside the view).
  const base = spots[0] ?? grid[0]!;
  for (let i = spots.length; i < count; i++) {
    const angle = i * 2.4;
    const radius = 25 + 12 * i;
    spots.push({
      x: Math.min(view.x2 - margin, Math.max(view.x1 + margin, base.x + Math.cos(angle) * radius)),
      y: Math.min(view.y2 - margin, Math.max(view.y1 + margin, base.y + Math.sin(angle) * radius)),
    });
  }
  return spots;
}
