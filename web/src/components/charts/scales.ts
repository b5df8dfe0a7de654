/**
 * Colour scales for the heatmaps: sequential ColorBrewer palettes, Blues for convergence and
 * Oranges for divergence, which stay distinguishable for the common colour-vision deficiencies
 * and in greyscale print (the lightness runs one way). Every cell also prints its value, so
 * nothing is told by colour alone.
 */
export const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'] as const;
export const ORANGES = [
  '#fff5eb',
  '#fee6ce',
  '#fdd0a2',
  '#fdae6b',
  '#fd8d3c',
  '#f16913',
  '#d94801',
  '#a63603',
  '#7f2704',
] as const;

export const DARK_TEXT = '#1d2733';
export const LIGHT_TEXT = '#ffffff';

function parseHex(hex: string): [number, number, number] {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? value.replace(/./g, (c) => c + c) : value;
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The colour of `value` on a scale from 0 (the palette's lightest) to `max` (its darkest),
 * interpolated between the palette's stops. Zero, negatives and an empty scale give the lightest.
 */
export function sequentialColour(value: number, max: number, palette: readonly string[]): string {
  const first = palette[0] ?? '#ffffff';
  if (!(max > 0) || !(value > 0) || palette.length < 2) return first;
  const t = Math.min(1, value / max) * (palette.length - 1);
  const i = Math.min(palette.length - 2, Math.floor(t));
  const a = parseHex(palette[i]!);
  const b = parseHex(palette[i + 1]!);
  const f = t - i;
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Dark or white text, whichever reads better on the background. */
export function textColourOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}
