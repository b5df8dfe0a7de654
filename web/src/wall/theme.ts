import { LINK_KINDS, type LinkKindId } from '../map/linkKinds.ts';
import { mapStylesheet } from '../map/style.ts';

/**
 * The wall's two high-contrast themes (issue 14 part 1): every text colour reaches WCAG AA's
 * 4.5:1 against the theme's background, every kind's and link's colour 3:1 (non-text contrast,
 * WCAG 1.4.11). The map's shapes stay the editor's (style.ts): a kind is never told by colour
 * alone. Checked by tests/unit/wall-theme.test.ts.
 */
export type WallThemeName = 'light' | 'dark';

export interface WallTheme {
  background: string;
  text: string;
  /** Secondary text (dates, counts). */
  muted: string;
  /** Behind a label on the map. */
  labelBackground: string;
  actorBorder: string;
  objectiveFill: string;
  objectiveBorder: string;
  perimeterFill: string;
  perimeterBorder: string;
  kinds: Record<string, string>;
  /** Each kind of link's colour (its dashes and ends are the editor's: linkKinds.ts). */
  links: Record<LinkKindId, string>;
  influence: string;
  /** What a step brought in (a halo while it fades in). */
  highlight: string;
}

export const WALL_THEMES: Record<WallThemeName, WallTheme> = {
  light: {
    background: '#ffffff',
    text: '#111820',
    muted: '#4a5560',
    labelBackground: '#ffffff',
    actorBorder: '#111820',
    objectiveFill: '#ffffff',
    objectiveBorder: '#4a5560',
    perimeterFill: '#e9f1f8',
    perimeterBorder: '#5b7084',
    kinds: {
      ELU: '#0072B2',
      SERVICE: '#3F51B5',
      ENTREPRISE: '#A86B00',
      ASSOCIATION: '#007A5A',
      HABITANT: '#8A7A00',
      INSTITUTION: '#A4447F',
      TIERS: '#6B6B6B',
      FINANCEUR: '#C04F00',
    },
    links: {
      'position-for': '#007A5A',
      'position-against': '#B34700',
      convergence: '#007A5A',
      cooperation: '#0072B2',
      'conflict-identified': '#B34700',
      'conflict-worked': '#8F5A00',
      'conflict-arbitrated': '#A4447F',
      'conflict-overcome': '#6B6B6B',
      'conflict-persistent': '#8B0000',
      externality: '#7A6000',
      'externality-negative': '#B34700',
      leap: '#111820',
    },
    influence: '#6B7682',
    highlight: '#007A5A',
  },
  dark: {
    background: '#0f141a',
    text: '#f3f6f9',
    muted: '#b8c2cc',
    labelBackground: '#0f141a',
    actorBorder: '#f3f6f9',
    objectiveFill: '#1b232c',
    objectiveBorder: '#b8c2cc',
    perimeterFill: '#17202a',
    perimeterBorder: '#8fa3b8',
    kinds: {
      ELU: '#4FB3F0',
      SERVICE: '#A5AEF7',
      ENTREPRISE: '#F2A93B',
      ASSOCIATION: '#2FCB9C',
      HABITANT: '#F0E442',
      INSTITUTION: '#E597C6',
      TIERS: '#B5B5B5',
      FINANCEUR: '#FF8A3D',
    },
    links: {
      'position-for': '#2FCB9C',
      'position-against': '#FF8A3D',
      convergence: '#2FCB9C',
      cooperation: '#4FB3F0',
      'conflict-identified': '#FF8A3D',
      'conflict-worked': '#F2C14E',
      'conflict-arbitrated': '#E597C6',
      'conflict-overcome': '#9aa3ad',
      'conflict-persistent': '#FF6B6B',
      externality: '#E0C341',
      'externality-negative': '#FF8A3D',
      leap: '#f3f6f9',
    },
    influence: '#8d99a6',
    highlight: '#2FCB9C',
  },
};

/** WCAG's contrast ratio of two #rrggbb colours (1…21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Characters an abbreviated name keeps on the wall (the editor keeps 22): twice the type, shorter names. */
export const WALL_ABBREVIATE_AT = 16;

/** The smallest label on a 1920×1080 wall, in CSS pixels (issue 14 asks for 24; a little margin). */
export const WALL_LABEL_PX = 24.5;

type Style = { selector: string; style: Record<string, unknown> };

/** A node label's side other than below (arrangeWallLabels.ts) → its class. */
export const WALL_LABEL_SIDE_CLASSES = { top: 'label-top', right: 'label-right', left: 'label-left' } as const;

/**
 * The wall's stylesheet: the editor's projection stylesheet (sizes, shapes, label scale, labels
 * never below WALL_LABEL_PX on screen), then the theme's colours over it, and the story's
 * animation and focus classes.
 */
export function wallStylesheet(themeName: WallThemeName, labelScale = 1): Style[] {
  const theme = WALL_THEMES[themeName];
  const base = mapStylesheet({
    projection: true,
    labelScale,
    minLabelPx: WALL_LABEL_PX,
    abbreviateAt: WALL_ABBREVIATE_AT,
  }) as Style[];
  const overrides: Style[] = [
    {
      selector: 'node',
      style: { color: theme.text, 'text-background-color': theme.labelBackground, 'text-background-opacity': 0.85 },
    },
    { selector: 'node.actor', style: { 'border-color': theme.actorBorder } },
    { selector: 'node.actor[engagement = "CONCERNE"]', style: { 'border-color': theme.muted } },
    ...Object.entries(theme.kinds).map(([kind, color]) => ({
      selector: `node.actor[actorKind = "${kind}"]`,
      style: { 'background-color': color },
    })),
    { selector: 'node.objective', style: { 'background-color': theme.objectiveFill, 'border-color': theme.objectiveBorder } },
    { selector: 'node.objective[?confidential]', style: { 'background-color': theme.objectiveFill } },
    {
      selector: 'node.externality',
      style: { 'background-color': theme.objectiveFill, 'border-color': theme.links.externality },
    },
    { selector: 'node.externality[sign = "NEGATIVE"]', style: { 'border-color': theme.links['externality-negative'] } },
    {
      selector: ':parent',
      style: {
        'background-color': theme.perimeterFill,
        'background-opacity': 1,
        'border-color': theme.perimeterBorder,
        color: theme.text,
      },
    },
    { selector: 'node.perimeter', style: { 'background-color': theme.perimeterFill, 'border-color': theme.perimeterBorder } },
    {
      selector: 'edge',
      style: {
        'line-color': theme.influence,
        'target-arrow-color': theme.influence,
        color: theme.text,
        'text-background-color': theme.labelBackground,
      },
    },
    { selector: 'edge.owns', style: { 'line-color': theme.influence } },
    // Every kind of link in the theme's colour: its dashes and ends stay the editor's (linkKinds.ts).
    ...LINK_KINDS.map((kind) => {
      const color = theme.links[kind.id];
      return {
        selector: kind.selector,
        style: { 'line-color': color, 'source-arrow-color': color, 'target-arrow-color': color },
      };
    }),
    { selector: 'edge.influence', style: { 'line-color': theme.influence, 'target-arrow-color': theme.influence } },
    // A leap crosses from one perimeter to another: drawn over them, its caption is never hidden by a perimeter.
    {
      selector: 'edge.leap',
      style: { color: theme.text, 'z-compound-depth': 'top' },
    },
    // Labels placed beside their node where below was taken (wallLabels.ts); margins as below's.
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -4 * labelScale } },
    {
      selector: 'node.label-right',
      style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4 * labelScale, 'text-margin-y': 0 },
    },
    {
      selector: 'node.label-left',
      style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -4 * labelScale, 'text-margin-y': 0 },
    },
    // The story: what a step brought in wears a halo while the caption speaks of it.
    { selector: '.story-new', style: { 'overlay-color': theme.highlight, 'overlay-opacity': 0.25, 'overlay-padding': 10 } },
    { selector: 'node.perimeter.story-new', style: { 'border-width': 6, 'border-color': theme.highlight } },
    // Focus: the rest of the map steps back.
    { selector: '.dimmed', style: { opacity: 0.12, 'overlay-opacity': 0 } },
    { selector: '.found', style: { 'overlay-color': theme.highlight, 'overlay-opacity': 0.3, 'overlay-padding': 10 } },
  ];
  return [...base, ...overrides];
}
