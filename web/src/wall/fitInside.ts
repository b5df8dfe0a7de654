/** Room on each side of a drawing (its labels beyond the nodes' bodies), in screen px. */
export interface Sides {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A rectangle, in screen pixels or the drawing's units as said. */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Screen {
  width: number;
  height: number;
  /** Room kept free along every edge (px). */
  margin: number;
}

/**
 * The viewport that brings a drawn map inside the screen, or null when it is inside already.
 * `content`: what is drawn, labels and perimeters included (screen px); `bodies`: the nodes'
 * bodies alone (screen px) and `model` the same bodies in the drawing's units. The wall keeps
 * labels at a fixed size on screen whatever the zoom (labels.ts), so the room they take beyond
 * the bodies stays the same in pixels: only the bodies' extent scales with the zoom. Never
 * zooms in (a map that fits but sits off-centre is only moved); `zoomLimits` clamp the zoom.
 */
export function viewportInside(
  screen: Screen,
  zoom: number,
  content: Rect,
  bodies: Rect,
  model: Rect,
  zoomLimits: { min: number; max: number },
): { zoom: number; pan: { x: number; y: number } } | null {
  const { width, height, margin } = screen;
  const slack = 0.5;
  const inside =
    content.x1 >= margin - slack &&
    content.y1 >= margin - slack &&
    content.x2 <= width - margin + slack &&
    content.y2 <= height - margin + slack;
  if (inside) return null;
  return placed(screen, zoom, content, bodies, model, zoomLimits, zoom);
}

/**
 * The viewport that fills the screen with a drawn map, zooming in or out, its labels' room (in
 * pixels) kept around the bodies, centred: for a screen whose size changed (the wall's legend
 * hidden or shown). Arguments as viewportInside's.
 */
export function viewportFilled(
  screen: Screen,
  zoom: number,
  content: Rect,
  bodies: Rect,
  model: Rect,
  zoomLimits: { min: number; max: number },
): { zoom: number; pan: { x: number; y: number } } {
  return placed(screen, zoom, content, bodies, model, zoomLimits, Number.POSITIVE_INFINITY);
}

/** The largest zoom up to `most` at which bodies and labels fit the screen, centred there. */
function placed(
  screen: Screen,
  zoom: number,
  content: Rect,
  bodies: Rect,
  model: Rect,
  zoomLimits: { min: number; max: number },
  most: number,
): { zoom: number; pan: { x: number; y: number } } {
  const { width, height, margin } = screen;
  const room = {
    left: Math.max(0, bodies.x1 - content.x1),
    right: Math.max(0, content.x2 - bodies.x2),
    top: Math.max(0, bodies.y1 - content.y1),
    bottom: Math.max(0, content.y2 - bodies.y2),
  };
  let next = zoomWithRoom(screen, room, model, most);
  if (!(next > 0)) {
    // Labels alone fill the screen: shrink the whole drawing instead.
    const ratio = Math.min((width - 2 * margin) / (content.x2 - content.x1), (height - 2 * margin) / (content.y2 - content.y1));
    next = zoom * Math.max(ratio, 0.01);
  }
  next = Math.max(zoomLimits.min, Math.min(zoomLimits.max, next));
  return { zoom: next, pan: centredPan(screen, room, model, next) };
}

/**
 * The largest zoom, up to `most`, at which `model` (the nodes' bodies, in the drawing's units)
 * with `room` (screen px) on each side fits the screen inside its margin. Not clamped; zero or
 * less when the room alone fills the screen.
 */
export function zoomWithRoom(screen: Screen, room: Sides, model: Rect, most = Number.POSITIVE_INFINITY): number {
  const { width, height, margin } = screen;
  const modelW = Math.max(model.x2 - model.x1, 1e-6);
  const modelH = Math.max(model.y2 - model.y1, 1e-6);
  return Math.min(
    most,
    (width - 2 * margin - room.left - room.right) / modelW,
    (height - 2 * margin - room.top - room.bottom) / modelH,
  );
}

/** The pan that centres `model` drawn at `zoom` with `room` (screen px) on each side. */
export function centredPan(screen: Screen, room: Sides, model: Rect, zoom: number): { x: number; y: number } {
  const drawnW = Math.max(model.x2 - model.x1, 1e-6) * zoom + room.left + room.right;
  const drawnH = Math.max(model.y2 - model.y1, 1e-6) * zoom + room.top + room.bottom;
  return {
    x: (screen.width - drawnW) / 2 + room.left - model.x1 * zoom,
    y: (screen.height - drawnH) / 2 + room.top - model.y1 * zoom,
  };
}
