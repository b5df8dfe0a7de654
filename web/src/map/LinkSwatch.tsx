import type { LinkDrawing } from './linkKinds.ts';
import { swatchMarks } from './linkSwatch.ts';

/** A kind of link as its legends show it: the map's colour, dashes and ends (linkKinds.ts). */
export function LinkSwatch({
  drawing,
  length,
  height,
  width,
}: {
  drawing: LinkDrawing;
  /** The swatch's box, in CSS px. */
  length: number;
  height: number;
  /** The line's width, in CSS px. */
  width: number;
}) {
  const marks = swatchMarks(drawing, { x: 1, y: 0, length: length - 2, height }, width);
  const { line } = marks;
  return (
    <svg width={length} height={height} aria-hidden="true" className="link-swatch">
      <line
        x1={line.x1}
        y1={line.y}
        x2={line.x2}
        y2={line.y}
        stroke={marks.color}
        strokeWidth={line.width}
        strokeDasharray={line.dash.length > 0 ? line.dash.join(' ') : undefined}
        strokeOpacity={line.opacity < 1 ? line.opacity : undefined}
      />
      {marks.ends.map((points) => {
        const key = points.map(([x, y]) => `${x},${y}`).join(' ');
        return <polygon key={key} points={key} fill={marks.color} />;
      })}
    </svg>
  );
}
