import { CONFLICT_STATUSES } from '@trame/graph/model';
import { abbreviate, MIN_LABEL_PX } from './labels.ts';
import { CONFLICT_LINK_IDS, LINK_KINDS, linkStyle } from './linkKinds.ts';
import { measureSize } from './measure.ts';

/**
 * The map's look, as plain data. Colours come from the Okabe–Ito palette (safe for the common
 * colour-vision deficiencies) and every actor kind also has its own shape, so nothing is told by
 * colour alone. `projection` enlarges type and strokes for a wall in a workshop.
 */
export interface KindStyle {
  color: string;
  shape: string;
}

export const ACTOR_KIND_STYLE: Record<string, KindStyle> = {
  ELU: { color: '#0072B2', shape: 'star' },
  SERVICE: { color: '#56B4E9', shape: 'round-rectangle' },
  ENTREPRISE: { color: '#E69F00', shape: 'diamond' },
  ASSOCIATION: { color: '#009E73', shape: 'ellipse' },
  HABITANT: { color: '#F0E442', shape: 'round-triangle' },
  INSTITUTION: { color: '#CC79A7', shape: 'hexagon' },
  TIERS: { color: '#999999', shape: 'barrel' },
  FINANCEUR: { color: '#D55E00', shape: 'octagon' },
};

/** A conflict's status as a chip's border (the tensions' table): its line's colour and style on the map (linkKinds.ts). */
export const CONFLICT_STATUS_STYLE: Record<string, { color: string; style: 'solid' | 'dashed' | 'dotted' }> = Object.fromEntries(
  CONFLICT_STATUSES.map((status) => {
    const kind = LINK_KINDS.find((k) => k.id === CONFLICT_LINK_IDS[status])!;
    const style = kind.dash.length === 0 ? 'solid' : kind.dash[0]! <= 2 ? 'dotted' : 'dashed';
    return [status, { color: kind.color, style }];
  }),
);

export const ECOSYSTEM_COLORS = ['#009E73', '#0072B2', '#CC79A7', '#E69F00', '#56B4E9', '#D55E00'];

/** The comparison's marks (added, changed): outline colours, the legend's as well. */
export const DIFF_COLOR = { added: '#009E73', changed: '#E69F00' } as const;

/** Node size from engagement rank 0 (concerné) … 4 (moteur). */
export function actorSize(rank: number, projection = false): number {
  const base = 26 + Math.max(0, Math.min(4, rank)) * 9;
  return projection ? Math.round(base * 1.3) : base;
}

type Style = { selector: string; style: Record<string, unknown> };

/** A perimeter's room around its members, in the drawing's units (`:parent` padding). */
export function perimeterPadding(projection = false): number {
  return projection ? 26 : 18;
}

/** A perimeter's name's font at label scale 1 (`:parent` font-size, multiplied by the scale as the labels'). */
export function perimeterFont(projection = false): number {
  return baseFont(projection) + 2;
}

/** The labels' base font, in the drawing's units (labels.ts enlarges it when zoomed out). */
export function baseFont(projection = false): number {
  return projection ? 18 : 13;
}

/**
 * `labelScale` (labels.ts): node and leap labels' font, wrap width and margins are multiplied by
 * it, so they stay at least MIN_LABEL_PX on screen when the map is zoomed out; a label that
 * would still be smaller (edges' values) is not drawn (`min-zoomed-font-size`).
 */
export function mapStylesheet(
  options: {
    projection?: boolean;
    labelScale?: number;
    /** The smallest label drawn on screen, in CSS px (the wall asks for more than the editor). */
    minLabelPx?: number;
    /** Characters an abbreviated name keeps (labels.ts's ABBREVIATED_LENGTH by default). */
    abbreviateAt?: number;
  } = {},
): Style[] {
  const projection = options.projection ?? false;
  const k = options.labelScale ?? 1;
  const minZoomed = (options.minLabelPx ?? MIN_LABEL_PX) - 0.5;
  const font = baseFont(projection);
  const styles: Style[] = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': font * k,
        'font-family': 'system-ui, "Segoe UI", Roboto, sans-serif',
        color: '#1d2733',
        'text-wrap': 'wrap',
        'text-max-width': (projection ? 180 : 130) * k,
        'text-valign': 'bottom',
        'text-margin-y': 4 * k,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': 2 * k,
        'min-zoomed-font-size': minZoomed,
      },
    },
    {
      selector: 'node.actor',
      style: {
        width: (node: { data(key: string): unknown }) => actorSize(Number(node.data('engagementRank') ?? 0), projection),
        height: (node: { data(key: string): unknown }) => actorSize(Number(node.data('engagementRank') ?? 0), projection),
        'border-width': 2,
        'border-color': '#1d2733',
      },
    },
    // Sized by a measure of the analysis (measure.ts), when the menu asks for one; an actor
    // with no value (power not assessed…) is drawn at the smallest size.
    {
      selector: 'node.actor[measure >= 0]',
      style: {
        width: (node: { data(key: string): unknown }) => measureSize(Number(node.data('measure')), projection),
        height: (node: { data(key: string): unknown }) => measureSize(Number(node.data('measure')), projection),
      },
    },
    {
      selector: 'node.actor[?measureMissing]',
      style: { width: measureSize(0, projection), height: measureSize(0, projection) },
    },
    // Engagement as a ring: the more engaged, the thicker and darker the border.
    {
      selector: 'node.actor[engagement = "CONCERNE"]',
      style: { 'border-style': 'dashed', 'border-width': 1.5, 'border-color': '#777' },
    },
    { selector: 'node.actor[engagement = "COOPERANT"]', style: { 'border-width': 4 } },
    { selector: 'node.actor[engagement = "MOTEUR"]', style: { 'border-width': 6, 'border-style': 'double' } },
    ...Object.entries(ACTOR_KIND_STYLE).map(([kind, s]) => ({
      selector: `node.actor[actorKind = "${kind}"]`,
      style: { 'background-color': s.color, shape: s.shape },
    })),
    {
      selector: 'node.objective',
      style: {
        shape: 'round-rectangle',
        'background-color': '#ffffff',
        'border-color': '#5b6570',
        'border-width': 1.5,
        width: projection ? 30 : 22,
        height: projection ? 30 : 22,
        'font-style': 'italic',
      },
    },
    { selector: 'node.objective[?confidential]', style: { 'border-style': 'dashed', 'background-color': '#f3f0e6' } },
    {
      selector: 'node.externality',
      style: {
        shape: 'tag',
        'background-color': '#fdf6e3',
        'border-color': '#8a6d00',
        'border-width': 1.5,
        width: 20,
        height: 20,
      },
    },
    { selector: 'node.externality[sign = "NEGATIVE"]', style: { 'border-color': '#D55E00' } },
    { selector: 'node.externality[status = "INTERNALISEE"]', style: { 'background-color': '#e6f4ee' } },
    {
      selector: ':parent',
      style: {
        'background-opacity': 0.06,
        'background-color': '#0072B2',
        'border-color': '#9fb3c8',
        'border-width': 1.5,
        shape: 'round-rectangle',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-weight': 'bold',
        'font-size': perimeterFont(projection) * k,
        padding: perimeterPadding(projection),
      },
    },
    { selector: 'node.perimeter', style: { 'background-color': '#009E73', 'border-color': '#6fae94' } },
    { selector: 'node.perimeter:childless', style: { width: 80, height: 40, 'text-valign': 'center' } },
    {
      selector: 'edge',
      style: {
        width: projection ? 2.5 : 1.5,
        'curve-style': 'bezier',
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        label: 'data(label)',
        // Not enlarged when zoomed out: an edge's words show from zoom 1, never under 12 px.
        'font-size': font - 1,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': 1,
        'min-zoomed-font-size': minZoomed,
      },
    },
    {
      selector: 'edge.position',
      style: {
        width: (edge: { data(key: string): unknown }) =>
          (projection ? 1.5 : 1) + Number(edge.data('intensity') ?? 0) * (projection ? 1.3 : 0.9),
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        // The value shows on hover or selection: on every edge it would bury the names.
        label: '',
      },
    },
    { selector: 'edge.owns', style: { 'line-color': '#c4ccd4', width: 1, 'line-style': 'dotted', label: '' } },
    // Every kind of link as linkKinds.ts describes it, the legends' swatches as well.
    ...LINK_KINDS.map((kind) => ({ selector: kind.selector, style: linkStyle(kind, kind.color, projection, k) })),
    { selector: 'edge.cooperation', style: { 'curve-style': 'straight' } },
    {
      selector: 'edge.influence',
      style: {
        'line-color': '#b0b8c1',
        'target-arrow-shape': 'triangle-backcurve',
        'target-arrow-color': '#b0b8c1',
        width: (edge: { data(key: string): unknown }) => 0.5 + Number(edge.data('value') ?? 0) * 0.6,
        label: '',
        'line-opacity': 0.7,
      },
    },
    {
      selector: 'edge.leap',
      style: {
        'font-size': font * k,
        'font-weight': 'bold',
        'text-wrap': 'wrap',
        'text-max-width': 160 * k,
        // Zoomed out, a leap's long caption is shortened and kept level, so it does not cross the map.
        ...(k > 1
          ? {
              label: (edge: { data(key: string): unknown }) => abbreviate(String(edge.data('label') ?? ''), 30),
              'text-rotation': 'none',
            }
          : {}),
        'curve-style': 'straight',
      },
    },
    { selector: 'node.group', style: { 'background-color': '#CC79A7' } },
    // Comparison between two milestones.
    // Outlines around nodes and an underlay beneath edges, never a tint: the actors' kind colours stay
    // readable (a tint made « Service » blue look like « Tiers » grey). The legend is DiffLegend.tsx.
    { selector: 'node.added', style: { 'outline-width': 4, 'outline-color': DIFF_COLOR.added, 'outline-offset': 3 } },
    {
      selector: 'node.changed',
      style: { 'outline-width': 4, 'outline-color': DIFF_COLOR.changed, 'outline-offset': 3, 'outline-style': 'dashed' },
    },
    { selector: 'edge.added', style: { 'underlay-color': DIFF_COLOR.added, 'underlay-opacity': 0.45, 'underlay-padding': 4 } },
    { selector: 'edge.changed', style: { 'underlay-color': DIFF_COLOR.changed, 'underlay-opacity': 0.5, 'underlay-padding': 4 } },
    { selector: '.ended', style: { opacity: 0.35, 'line-style': 'dashed', 'border-style': 'dashed' } },
    // Interaction.
    {
      selector: 'edge.position:selected, edge.influence:selected, edge.position.hover, edge.influence.hover',
      style: { label: 'data(label)' },
    },
    // Labels by priority when zoomed out (labels.ts): abbreviated or hidden, whole again on hover or selection.
    {
      selector: 'node.label-abbrev',
      style: {
        label: (node: { data(key: string): unknown }) => abbreviate(String(node.data('label') ?? ''), options.abbreviateAt),
      },
    },
    { selector: 'node.label-quiet', style: { label: '' } },
    {
      selector:
        'node.label-abbrev:selected, node.label-quiet:selected, node.label-abbrev.hover, node.label-quiet.hover, node.found',
      style: { label: 'data(label)', 'z-index': 20 },
    },
    { selector: '.dimmed', style: { opacity: 0.15 } },
    { selector: ':selected', style: { 'overlay-color': '#0072B2', 'overlay-opacity': 0.2, 'overlay-padding': 8 } },
    { selector: '.found', style: { 'overlay-color': '#F0E442', 'overlay-opacity': 0.5, 'overlay-padding': 10 } },
    {
      selector: '.eh-handle',
      style: {
        'background-color': '#0072B2',
        width: 12,
        height: 12,
        shape: 'ellipse',
        'overlay-opacity': 0,
        'border-width': 12,
        'border-opacity': 0,
        label: '',
      },
    },
    { selector: '.eh-hover', style: { 'background-color': '#0072B2' } },
    { selector: '.eh-source', style: { 'border-width': 3, 'border-color': '#0072B2' } },
    { selector: '.eh-target', style: { 'border-width': 3, 'border-color': '#0072B2' } },
    {
      selector: '.eh-preview, .eh-ghost-edge',
      style: {
        'background-color': '#0072B2',
        'line-color': '#0072B2',
        'target-arrow-color': '#0072B2',
        'source-arrow-color': '#0072B2',
      },
    },
    { selector: '.eh-ghost-edge.eh-preview-active', style: { opacity: 0 } },
  ];
  return styles;
}
