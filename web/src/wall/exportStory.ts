import type { Core } from 'cytoscape';
import { download } from '../export/download.ts';
import { type LegendLink, legendLineWidth, type LinkWords } from '../map/linkKinds.ts';
import { blend, drawSwatch, scaleMarks, swatchMarks, swatchSvg } from '../map/linkSwatch.ts';
import { legendKinds, legendLines } from './legendItems.ts';
import { WALL_THEMES, type WallThemeName } from './theme.ts';

/**
 * The story's exports (issue 14 part 6): the step on screen as a PNG or an SVG with its title,
 * date, caption and legend; the whole story as a PDF, one landscape page per step with its
 * caption (jsPDF, loaded when asked for).
 */

export interface StepMeta {
  title: string;
  step: string;
  date: string;
  caption: string;
  theme: WallThemeName;
}

export interface StoryPage {
  step: string;
  date: string;
  caption: string;
  /** The step's map as a PNG data URL (cy.png). */
  png: string;
}

type Words = LinkWords;

const LEGEND_WIDTH = 380;
const HEADER = 130;
const FOOTER = 90;
const FONT = 'system-ui, "Segoe UI", Roboto, sans-serif';

/** A file name from the project's name and the step's date: « archipel-nourricier-14-mai-2019 ». */
export function exportFileName(title: string, date: string): string {
  return `${title} ${date}`
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type LegendRow =
  | { kind: 'shape'; color: string; label: string }
  | { kind: 'line'; color: string; label: string; link: LegendLink };

/** The legend's rows, the same in the three exports: a link's swatch is the map's line (linkKinds.ts). */
function legendRows(theme: WallThemeName, words: Words): LegendRow[] {
  return [
    ...legendKinds(theme, words).map((k) => ({ kind: 'shape' as const, color: k.color, label: k.label })),
    ...legendLines(theme, words).map((l) => ({ kind: 'line' as const, color: l.color, label: l.label, link: l })),
  ];
}

/** A link's swatch in a row of the exported legend, `x`…`x + 36` wide, centred on `y` (px). */
const rowSwatch = (link: LegendLink, x: number, y: number) =>
  swatchMarks(link, { x, y: y - 10, length: 36, height: 20 }, legendLineWidth(link, true));

/** The step as a PNG or an SVG download: title, step and date above the map, legend beside it, caption below. */
export async function exportStepImage(cy: Core, format: 'png' | 'svg', meta: StepMeta, words: Words): Promise<void> {
  const theme = WALL_THEMES[meta.theme];
  const name = exportFileName(meta.title, meta.date);
  if (format === 'svg') {
    const map = (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: theme.background });
    const size = /<svg[^>]*width="([\d.]+)(?:px)?"[^>]*height="([\d.]+)(?:px)?"/.exec(map);
    const w = Number(size?.[1] ?? 1200);
    const h = Number(size?.[2] ?? 800);
    const width = w + LEGEND_WIDTH;
    const height = HEADER + Math.max(h, 600) + FOOTER;
    const rows = legendRows(meta.theme, words)
      .map((row, i) => {
        const y = HEADER + 30 + i * 34;
        const mark =
          row.kind === 'shape'
            ? `<circle cx="${w + 34}" cy="${y - 7}" r="10" fill="${row.color}" stroke="${theme.text}"/>`
            : swatchSvg(rowSwatch(row.link, w + 18, y - 7));
        return `${mark}<text x="${w + 64}" y="${y}" font-size="20">${escapeXml(row.label)}</text>`;
      })
      .join('');
    const inner = map
      .replace(/^<\?xml[^>]*>\s*/, '')
      .replace(/<!DOCTYPE[^>]*>\s*/, '')
      .replace('<svg', `<svg x="0" y="${HEADER}"`);
    const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}' fill="${theme.text}">
<rect width="100%" height="100%" fill="${theme.background}"/>
<text x="24" y="52" font-size="40" font-weight="bold">${escapeXml(meta.title)}</text>
<text x="24" y="100" font-size="30">${escapeXml(`${meta.step} — ${meta.date}`)}</text>
${inner}
${rows}
<text x="24" y="${height - 36}" font-size="26">${escapeXml(meta.caption)}</text>
</svg>`;
    download(svg, `${name}.svg`, 'image/svg+xml');
    return;
  }
  const mapBlob = (await cy.png({
    output: 'blob-promise',
    full: true,
    scale: 2,
    bg: theme.background,
  } as never)) as unknown as Blob;
  const image = await createImageBitmap(mapBlob);
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = image.width + LEGEND_WIDTH * scale;
  canvas.height = (HEADER + FOOTER) * scale + Math.max(image.height, 600 * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, HEADER * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = theme.text;
  ctx.font = `bold 40px ${FONT}`;
  ctx.fillText(meta.title, 24, 52);
  ctx.font = `30px ${FONT}`;
  ctx.fillText(`${meta.step} — ${meta.date}`, 24, 100);
  const left = image.width / scale + 20;
  ctx.font = `20px ${FONT}`;
  legendRows(meta.theme, words).forEach((row, i) => {
    const y = HEADER + 30 + i * 34;
    if (row.kind === 'shape') {
      ctx.strokeStyle = theme.text;
      ctx.fillStyle = row.color;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(left + 14, y - 7, 10, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    } else drawSwatch(ctx, rowSwatch(row.link, left, y - 7));
    ctx.fillStyle = theme.text;
    ctx.fillText(row.label, left + 46, y);
  });
  ctx.font = `26px ${FONT}`;
  ctx.fillText(meta.caption, 24, canvas.height / scale - 36, canvas.width / scale - 48);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'),
  );
  download(blob, `${name}.png`, 'image/png');
}

/** The whole story as a PDF: a landscape A4 page per step, its name, date and caption, its map, the legend. */
export async function exportStoryPdf(
  pages: StoryPage[],
  meta: { title: string; theme: WallThemeName },
  words: Words & { t: { wallPdfPage(i: number, n: number): string } },
): Promise<void> {
  const { jsPDF } = await import('jspdf');
  const theme = WALL_THEMES[meta.theme];
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4' });
  const [W, H] = [297, 210];
  const legendW = 62;
  const rows = legendRows(meta.theme, words);
  const rgb = (hex: string): [number, number, number] =>
    [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  for (const [i, page] of pages.entries()) {
    if (i > 0) pdf.addPage();
    pdf.setFillColor(...rgb(theme.background));
    pdf.rect(0, 0, W, H, 'F');
    pdf.setTextColor(...rgb(theme.text));
    pdf.setFontSize(18);
    pdf.text(meta.title, 10, 14);
    pdf.setFontSize(14);
    pdf.text(`${page.step} — ${page.date}`, 10, 22);
    pdf.setFontSize(11);
    const caption = pdf.splitTextToSize(page.caption, W - 20) as string[];
    pdf.text(caption.slice(0, 3), 10, H - 16);
    const props = pdf.getImageProperties(page.png);
    const boxW = W - 20 - legendW;
    const boxH = H - 28 - 22;
    const ratio = Math.min(boxW / props.width, boxH / props.height);
    const [w, h] = [props.width * ratio, props.height * ratio];
    pdf.addImage(page.png, 'PNG', 10 + (boxW - w) / 2, 28 + (boxH - h) / 2, w, h);
    pdf.setFontSize(8);
    rows.forEach((row, k) => {
      const y = 32 + k * 6.2;
      const x = W - legendW;
      if (row.kind === 'shape') {
        pdf.setFillColor(...rgb(row.color));
        pdf.circle(x + 2, y - 1.2, 1.8, 'F');
      } else {
        // The row's swatch, from pixels to millimetres; a translucent line blended into the page.
        const marks = scaleMarks(rowSwatch(row.link, 0, 0), 5.6 / 36, x, y - 1.2);
        pdf.setDrawColor(...rgb(blend(row.color, theme.background, marks.line.opacity)));
        pdf.setLineWidth(marks.line.width);
        pdf.setLineDashPattern([...marks.line.dash], 0);
        pdf.line(marks.line.x1, marks.line.y, marks.line.x2, marks.line.y);
        pdf.setLineDashPattern([], 0);
        pdf.setFillColor(...rgb(row.color));
        for (const [first, ...rest] of marks.ends) {
          let [px, py] = first!;
          const steps = rest.map(([ex, ey]) => {
            const step = [ex - px, ey - py];
            [px, py] = [ex, ey];
            return step;
          });
          pdf.lines(steps, first![0], first![1], [1, 1], 'F', true);
        }
      }
      pdf.setTextColor(...rgb(theme.text));
      pdf.text(row.label, x + 7, y);
    });
    pdf.setFontSize(8);
    pdf.text(words.t.wallPdfPage(i + 1, pages.length), W - 10, H - 5, { align: 'right' });
  }
  const name = exportFileName(meta.title, 'recit');
  download(pdf.output('blob'), `${name}.pdf`, 'application/pdf');
}
