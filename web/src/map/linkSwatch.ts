import type { LinkDrawing, LinkEnd } from './linkKinds.ts';

/**
 * A link's legend swatch as plain geometry — a line and its ends — drawn by the legends' SVG
 * (LinkSwatch.tsx), the exported SVG, the PNG's canvas and the PDF, so all draw the same thing.
 */
export interface SwatchMarks {
  /** The line, from (x1, y) to (x2, y). */
  line: { x1: number; x2: number; y: number; width: number; dash: readonly number[]; opacity: number };
  /** The ends, as filled polygons. */
  ends: [number, number][][];
  color: string;
}

/**
 * The swatch of `drawing` in a box of `length` × `height` at (x, y), its line `width` thick: the
 * ends sized as Cytoscape sizes them relative to the line, shrunk to fit the box.
 */
export function swatchMarks(
  drawing: LinkDrawing,
  box: { x: number; y: number; length: number; height: number },
  width: number,
): SwatchMarks {
  const mid = box.y + box.height / 2;
  const half = Math.min(box.height / 2, 1.6 * width + 2);
  const arrow = 2 * half;
  const end = (kind: LinkEnd, tip: number, dir: 1 | -1): { points: [number, number][]; inset: number } => {
    // `dir` points from the line towards the tip.
    const back = (d: number) => tip - dir * d;
    switch (kind) {
      case 'triangle':
        return {
          points: [
            [tip, mid],
            [back(arrow), mid - half],
            [back(arrow), mid + half],
          ],
          inset: arrow - 0.5,
        };
      case 'vee':
        return {
          points: [
            [tip, mid],
            [back(arrow), mid - half],
            [back(arrow * 0.6), mid],
            [back(arrow), mid + half],
          ],
          inset: arrow * 0.6,
        };
      case 'tee': {
        const t = Math.max(2, width * 0.9);
        return {
          points: [
            [tip, mid - half],
            [tip, mid + half],
            [back(t), mid + half],
            [back(t), mid - half],
          ],
          inset: t - 0.5,
        };
      }
      default:
        return { points: [], inset: 0 };
    }
  };
  const source = end(drawing.source, box.x, -1);
  const target = end(drawing.target, box.x + box.length, 1);
  return {
    line: {
      x1: box.x + source.inset,
      x2: box.x + box.length - target.inset,
      y: mid,
      width,
      dash: drawing.dash,
      opacity: drawing.opacity,
    },
    ends: [source.points, target.points].filter((p) => p.length > 0),
    color: drawing.color,
  };
}

const r = (n: number) => Math.round(n * 100) / 100;
const svgPoint = ([px, py]: [number, number]) => [r(px), r(py)].join(',');

/** The swatch as SVG elements (for a legend's <svg>, or an exported SVG). */
export function swatchSvg(marks: SwatchMarks): string {
  const { line } = marks;
  const dash = line.dash.length > 0 ? ` stroke-dasharray="${line.dash.join(' ')}"` : '';
  const opacity = line.opacity < 1 ? ` stroke-opacity="${line.opacity}"` : '';
  return [
    `<line x1="${r(line.x1)}" y1="${r(line.y)}" x2="${r(line.x2)}" y2="${r(line.y)}" stroke="${marks.color}" stroke-width="${line.width}"${dash}${opacity}/>`,
    ...marks.ends.map((points) => `<polygon points="${points.map(svgPoint).join(' ')}" fill="${marks.color}"/>`),
  ].join('');
}

/** Draws the swatch on a 2D canvas (the PNG export). */
export function drawSwatch(ctx: CanvasRenderingContext2D, marks: SwatchMarks): void {
  const { line } = marks;
  ctx.save();
  ctx.strokeStyle = marks.color;
  ctx.fillStyle = marks.color;
  ctx.lineWidth = line.width;
  ctx.globalAlpha = line.opacity;
  ctx.setLineDash([...line.dash]);
  ctx.beginPath();
  ctx.moveTo(line.x1, line.y);
  ctx.lineTo(line.x2, line.y);
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  for (const points of marks.ends) {
    ctx.beginPath();
    points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

/** The swatch scaled by `k` and moved by (dx, dy): pixels to a PDF's millimetres. */
export function scaleMarks(marks: SwatchMarks, k: number, dx: number, dy: number): SwatchMarks {
  const { line } = marks;
  return {
    line: {
      ...line,
      x1: dx + line.x1 * k,
      x2: dx + line.x2 * k,
      y: dy + line.y * k,
      width: line.width * k,
      dash: line.dash.map((d) => d * k),
    },
    ends: marks.ends.map((points) => points.map(([x, y]): [number, number] => [dx + x * k, dy + y * k])),
    color: marks.color,
  };
}

/** `color` at `opacity` over `background` (#rrggbb), for a medium with no transparency. */
export function blend(color: string, background: string, opacity: number): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
  return `#${[1, 3, 5]
    .map((i) => Math.round(channel(color, i) * opacity + channel(background, i) * (1 - opacity)))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}
