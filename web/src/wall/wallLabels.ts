import { abbreviate } from '../map/labels.ts';

/**
 * Where the wall's labels go, so that none covers another, a node or a perimeter's name
 * (issue 14: dense clusters on the demo maps at 1920×1080 piled names on each other). Labels
 * are placed by priority: each tries its full text, then its abbreviation, below its node,
 * then above, right and left, in the first free spot; a label with no free spot is hidden —
 * except that at least `minShare` of the names (actors and objectives) keep one, abbreviated,
 * where it covers the least. Pure: ProjectionCanvas measures and applies.
 */

export type LabelSide = 'bottom' | 'top' | 'right' | 'left';
export const LABEL_SIDES: readonly LabelSide[] = ['bottom', 'top', 'right', 'left'];

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface WallLabelCandidate {
  id: string;
  /** The node's centre and size, in the drawing's units. */
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  /** Higher first. */
  priority: number;
  /** Counts for the share of names kept (actors and objectives). */
  name: boolean;
}

export interface WallLabelMetrics {
  /** Font size, in the drawing's units. */
  font: number;
  /** Wrapping width (text-max-width), in the drawing's units. */
  maxWidth: number;
  /** Gap between a node and its label, in the drawing's units. */
  margin: number;
  /** Padding of the label's background, in the drawing's units. */
  padding: number;
  /** Characters an abbreviation keeps. */
  abbreviateAt: number;
  /** Width of a text at `font`, in the drawing's units. */
  measure(text: string): number;
}

export interface WallLabelChoice {
  /** Node id → how its label shows; a node not listed shows none. */
  placed: Map<string, { side: LabelSide; abbreviated: boolean }>;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));

/** The lines Cytoscape draws for `text` wrapped at `maxWidth` (text-wrap: wrap breaks between words). */
export function wrapLines(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The box of a node's label on `side`, in the drawing's units (text, its background, a little air). */
export function wallLabelBox(
  c: Pick<WallLabelCandidate, 'x' | 'y' | 'width' | 'height'>,
  text: string,
  side: LabelSide,
  m: WallLabelMetrics,
): Box {
  const lines = wrapLines(text, m.maxWidth, m.measure);
  const width = Math.max(0, ...lines.map((line) => m.measure(line))) + 2 * m.padding;
  const height = lines.length * 1.2 * m.font + 2 * m.padding;
  switch (side) {
    case 'bottom': {
      const top = c.y + c.height / 2 + m.margin;
      return { x1: c.x - width / 2, y1: top, x2: c.x + width / 2, y2: top + height };
    }
    case 'top': {
      const bottom = c.y - c.height / 2 - m.margin;
      return { x1: c.x - width / 2, y1: bottom - height, x2: c.x + width / 2, y2: bottom };
    }
    case 'right': {
      const left = c.x + c.width / 2 + m.margin;
      return { x1: left, y1: c.y - height / 2, x2: left + width, y2: c.y + height / 2 };
    }
    case 'left': {
      const right = c.x - c.width / 2 - m.margin;
      return { x1: right - width, y1: c.y - height / 2, x2: right, y2: c.y + height / 2 };
    }
  }
}

/** A grid of taken boxes, for quick overlap tests. */
class Taken {
  readonly #cell: number;
  readonly #grid = new Map<string, Box[]>();
  constructor(cell: number) {
    this.#cell = Math.max(cell, 1);
  }
  #keys(b: Box): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(b.x1 / this.#cell); i <= Math.floor(b.x2 / this.#cell); i++)
      for (let j = Math.floor(b.y1 / this.#cell); j <= Math.floor(b.y2 / this.#cell); j++) keys.push(`${i}:${j}`);
    return keys;
  }
  #near(b: Box): Set<Box> {
    const near = new Set<Box>();
    for (const key of this.#keys(b)) for (const other of this.#grid.get(key) ?? []) near.add(other);
    return near;
  }
  free(b: Box, ignore?: Box): boolean {
    for (const other of this.#near(b)) if (other !== ignore && overlaps(b, other)) return false;
    return true;
  }
  covered(b: Box, ignore?: Box): number {
    let area = 0;
    for (const other of this.#near(b)) if (other !== ignore) area += overlapArea(b, other);
    return area;
  }
  take(b: Box): void {
    for (const key of this.#keys(b)) {
      const list = this.#grid.get(key);
      if (list) list.push(b);
      else this.#grid.set(key, [b]);
    }
  }
}

/**
 * Chooses each node label's text and side. `obstacles` are taken first (perimeters' names,
 * leaps' captions); every candidate's node body is an obstacle to the others' labels (a label
 * never covers a node), not to its own.
 */
export function chooseWallLabels(
  candidates: readonly WallLabelCandidate[],
  obstacles: readonly Box[],
  metrics: WallLabelMetrics,
  minShare = 0.5,
): WallLabelChoice {
  const taken = new Taken(metrics.maxWidth);
  for (const box of obstacles) taken.take(box);
  const bodies = new Map<string, Box>();
  for (const c of candidates) {
    const body = { x1: c.x - c.width / 2, y1: c.y - c.height / 2, x2: c.x + c.width / 2, y2: c.y + c.height / 2 };
    bodies.set(c.id, body);
    taken.take(body);
  }
  const placed: WallLabelChoice['placed'] = new Map();
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const skipped: WallLabelCandidate[] = [];
  for (const c of ordered) {
    const own = bodies.get(c.id);
    const short = abbreviate(c.text, metrics.abbreviateAt);
    const texts: [string, boolean][] =
      short !== c.text
        ? [
            [c.text, false],
            [short, true],
          ]
        : [[c.text, false]];
    let done = false;
    for (const [text, abbreviated] of texts) {
      for (const side of LABEL_SIDES) {
        const box = wallLabelBox(c, text, side, metrics);
        if (!taken.free(box, own)) continue;
        taken.take(box);
        placed.set(c.id, { side, abbreviated });
        done = true;
        break;
      }
      if (done) break;
    }
    if (!done) skipped.push(c);
  }
  // Enough names: the most important of the hidden ones, abbreviated, where they cover least.
  const wanted = Math.ceil(candidates.filter((c) => c.name).length * minShare);
  let names = candidates.filter((c) => c.name && placed.has(c.id)).length;
  for (const c of skipped) {
    if (names >= wanted) break;
    if (!c.name) continue;
    const text = abbreviate(c.text, metrics.abbreviateAt);
    const own = bodies.get(c.id);
    let best: { side: LabelSide; box: Box; cover: number } | null = null;
    for (const side of LABEL_SIDES) {
      const box = wallLabelBox(c, text, side, metrics);
      const cover = taken.covered(box, own);
      if (!best || cover < best.cover) best = { side, box, cover };
    }
    taken.take(best!.box);
    placed.set(c.id, { side: best!.side, abbreviated: text !== c.text });
    names += 1;
  }
  return { placed };
}

/** A leap's caption where Cytoscape draws it with no offset, in the drawing's units. */
export interface CaptionCandidate {
  id: string;
  box: Box;
}

/**
 * Vertical offsets (drawing's units) that move the leaps' captions off the perimeters' names,
 * off each other and, where it can, off the nodes (issue 14: « 14 mai 2019 · Restitution… »
 * sat on « Cantine bio »). Each caption tries its own place, then half its height up, down, a
 * whole height up, down… up to `reach` heights, and keeps the spot clear of names and captions
 * that covers the fewest nodes, the nearest first. Returns caption id → offset (0: unmoved).
 */
export function placeCaptions(captions: CaptionCandidate[], names: Box[], nodes: Box[], reach = 3): Map<string, number> {
  const offsets = new Map<string, number>();
  const placed: Box[] = [];
  for (const { id, box } of [...captions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const step = (box.y2 - box.y1) / 2;
    let best = { cost: Number.POSITIVE_INFINITY, dy: 0, box };
    for (let i = 0; i <= 4 * reach; i += 1) {
      const k = i % 2 ? (i + 1) / 2 : i === 0 ? 0 : -i / 2; // 0, 1, -1, 2, -2…: down first, as a caption reads under its line
      const moved = { x1: box.x1, x2: box.x2, y1: box.y1 + k * step, y2: box.y2 + k * step };
      const blocked = names.some((n) => overlaps(moved, n)) || placed.some((p) => overlaps(moved, p));
      const cost = (blocked ? 1e6 : 0) + nodes.filter((n) => overlaps(moved, n)).length * 10 + Math.abs(k);
      if (cost < best.cost) best = { cost, dy: k * step, box: moved };
      if (cost === 0) break;
    }
    offsets.set(id, best.dy);
    placed.push(best.box);
  }
  return offsets;
}
