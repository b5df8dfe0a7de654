import { CONFLICT_STATUSES, type EntityType } from '@trame/graph/model';

/**
 * How each kind of link is drawn: ONE description per kind, read by the map's stylesheet
 * (style.ts, and the wall's theme over it) and by every legend (Legend.tsx, WallLegend.tsx, the
 * story's exports), so a legend's swatch is what the map draws — colour, dashes, ends. No two
 * kinds share all three (linkKinds.test.ts), so none is told by colour alone.
 */

/** An end of a link, as Cytoscape names its arrow shapes. */
export type LinkEnd = 'none' | 'triangle' | 'tee' | 'vee';

/** A link's look, on the map and in a legend's swatch. */
export interface LinkDrawing {
  color: string;
  /** Dash and gap lengths in the drawing's units (a legend's pixels); empty: a solid line. */
  dash: readonly number[];
  source: LinkEnd;
  target: LinkEnd;
  /** The line's opacity: a convergence is a translucent band. */
  opacity: number;
  /** Line width in the editor and on the wall; null: the link's value sets it (a position's intensity). */
  width: { editor: number; wall: number } | null;
  /** The ends' size on the map, relative to Cytoscape's for the line's width (positions are many: smaller). */
  arrowScale: number;
}

export const CONFLICT_LINK_IDS = {
  IDENTIFIE: 'conflict-identified',
  MIS_AU_TRAVAIL: 'conflict-worked',
  ARBITRE: 'conflict-arbitrated',
  DEPASSE: 'conflict-overcome',
  PERSISTANT: 'conflict-persistent',
} as const satisfies Record<(typeof CONFLICT_STATUSES)[number], string>;

export type LinkKindId =
  | 'position-for'
  | 'position-against'
  | 'convergence'
  | 'cooperation'
  | (typeof CONFLICT_LINK_IDS)[keyof typeof CONFLICT_LINK_IDS]
  | 'externality'
  | 'externality-negative'
  | 'leap';

/** The words a legend's label is made of (useI18n's). */
export interface LinkWords {
  entity(type: EntityType): string;
  enumLabel(value: string): string;
  t: { colon: string };
}

export interface LinkKind extends LinkDrawing {
  id: LinkKindId;
  /** The Cytoscape selector of the edges drawn so. */
  selector: string;
  label(words: LinkWords): string;
}

// Okabe–Ito colours (safe for the common colour-vision deficiencies); the wall's themes have
// their own, contrasted (wall/theme.ts). Ends say what a link is: an arrow for what points at an
// objective or a perimeter (positions, leaps), tees for a conflict, a vee for an externality's
// effect, none for the symmetric links between peers (convergence, cooperation).
const CONFLICT_DRAWINGS: Record<(typeof CONFLICT_STATUSES)[number], Pick<LinkDrawing, 'color' | 'dash'>> = {
  // Long dashes: a tension seen, not yet worked on (a negative position's are short).
  IDENTIFIE: { color: '#D55E00', dash: [12, 5] },
  // Dash-dot: work under way.
  MIS_AU_TRAVAIL: { color: '#E69F00', dash: [12, 4, 3, 4] },
  // Reddish purple, solid: settled — never the cooperation's blue.
  ARBITRE: { color: '#CC79A7', dash: [] },
  DEPASSE: { color: '#999999', dash: [2, 4] },
  PERSISTANT: { color: '#8B0000', dash: [] },
};

const BAND = { editor: 3, wall: 4 };

export const LINK_KINDS: readonly LinkKind[] = [
  {
    id: 'position-for',
    selector: 'edge.position[stance = "FOR"]',
    label: (w) => `${w.entity('Position')} +`,
    color: '#009E73',
    dash: [],
    source: 'none',
    target: 'triangle',
    opacity: 1,
    width: null,
    arrowScale: 0.8,
  },
  {
    id: 'position-against',
    selector: 'edge.position[stance = "AGAINST"]',
    label: (w) => `${w.entity('Position')} −`,
    color: '#D55E00',
    dash: [6, 3],
    source: 'none',
    target: 'triangle',
    opacity: 1,
    width: null,
    arrowScale: 0.8,
  },
  {
    id: 'convergence',
    selector: 'edge.convergence',
    label: (w) => w.entity('Convergence'),
    color: '#009E73',
    dash: [],
    source: 'none',
    target: 'none',
    opacity: 0.6,
    width: { editor: 5, wall: 7 },
    arrowScale: 1,
  },
  {
    id: 'cooperation',
    selector: 'edge.cooperation',
    label: (w) => w.entity('Cooperation'),
    color: '#0072B2',
    dash: [],
    source: 'none',
    target: 'none',
    opacity: 1,
    width: BAND,
    arrowScale: 1,
  },
  ...CONFLICT_STATUSES.map(
    (status): LinkKind => ({
      id: CONFLICT_LINK_IDS[status],
      selector: `edge.conflict[status = "${status}"]`,
      label: (w) => `${w.entity('Conflict')}${w.t.colon}${w.enumLabel(status)}`,
      ...CONFLICT_DRAWINGS[status],
      source: 'tee',
      target: 'tee',
      opacity: 1,
      width: BAND,
      arrowScale: 1,
    }),
  ),
  {
    id: 'externality',
    selector: 'edge.externality-source, edge.externality-effect',
    label: (w) => w.entity('Externality'),
    color: '#8a6d00',
    dash: [2, 4],
    source: 'none',
    target: 'vee',
    opacity: 1,
    width: { editor: 2, wall: 3 },
    arrowScale: 1,
  },
  {
    id: 'externality-negative',
    selector: 'edge.externality-effect[sign = "NEGATIVE"]',
    label: (w) => `${w.entity('Externality')} −`,
    color: '#D55E00',
    dash: [2, 4],
    source: 'none',
    target: 'vee',
    opacity: 1,
    width: { editor: 2, wall: 3 },
    arrowScale: 1,
  },
  {
    id: 'leap',
    selector: 'edge.leap',
    label: (w) => w.entity('SystemicLeap'),
    color: '#1d2733',
    dash: [],
    source: 'none',
    target: 'triangle',
    opacity: 1,
    width: { editor: 4, wall: 6 },
    arrowScale: 1,
  },
];

/**
 * A kind's Cytoscape style in `color` (the editor's, or a wall theme's). `scale` is the labels'
 * (labels.ts: about 1 / zoom when zoomed out): dashes grow with it, so they keep on screen the
 * length the legend draws them — at a wall's fit the drawing's 12 units would be 5 px, the long and
 * the short dashes alike — and the ends grow half as fast, so they stay readable from the room.
 */
export function linkStyle(kind: LinkKind, color: string, projection: boolean, scale = 1): Record<string, unknown> {
  return {
    'line-color': color,
    'line-style': kind.dash.length > 0 ? 'dashed' : 'solid',
    ...(kind.dash.length > 0 ? { 'line-dash-pattern': kind.dash.map((d) => d * scale) } : {}),
    ...(kind.source !== 'none' || kind.target !== 'none' ? { 'arrow-scale': kind.arrowScale * Math.sqrt(scale) } : {}),
    'line-opacity': kind.opacity,
    'source-arrow-shape': kind.source,
    'target-arrow-shape': kind.target,
    'source-arrow-color': color,
    'target-arrow-color': color,
    ...(kind.width ? { width: projection ? kind.width.wall : kind.width.editor } : {}),
  };
}

/** A legend's line: how a kind is drawn (in `colorOf`'s colours), and what it means. */
export interface LegendLink extends LinkDrawing {
  id: LinkKindId;
  label: string;
}

/** The links' legend, every kind in the table's order, in `colorOf`'s colours (the editor's by default). */
export function legendLinks(words: LinkWords, colorOf: (kind: LinkKind) => string = (kind) => kind.color): LegendLink[] {
  return LINK_KINDS.map((kind) => ({
    id: kind.id,
    label: kind.label(words),
    color: colorOf(kind),
    dash: kind.dash,
    source: kind.source,
    target: kind.target,
    opacity: kind.opacity,
    width: kind.width,
    arrowScale: kind.arrowScale,
  }));
}

/** A legend's line width (CSS px): the kind's own on the map, or a middle one for a position (its intensity sets it). */
export function legendLineWidth(drawing: LinkDrawing, projection: boolean): number {
  return drawing.width ? (projection ? drawing.width.wall : drawing.width.editor) : projection ? 4 : 3;
}
