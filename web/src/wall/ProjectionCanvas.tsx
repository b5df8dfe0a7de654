import cytoscape, { type Collection, type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import cytoscapeSvg from 'cytoscape-svg';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { fitAspect, runSeededLayout } from '../map/arrange.ts';
import { placeInView } from '../map/canvasLabels.ts';
import { placeFromSaved, startPositions, type Positions } from '../map/layout.ts';
import { applyDefsInPlace, nextClasses, sameData } from '../live/applyToCanvas.ts';
import { actorSize, baseFont } from '../map/style.ts';
import type { ElementDef } from '../map/types.ts';
import type { StoryDelta } from './story.ts';
import { arrangeWallLabels, predictedLabelRoom } from './arrangeWallLabels.ts';
import { centredPan, viewportFilled, viewportInside, zoomWithRoom } from './fitInside.ts';
import { WALL_LABEL_PX, wallStylesheet, type WallThemeName } from './theme.ts';
import { drawLabelsDirectly } from '../map/labelTextures.ts';

cytoscape.use(fcose);
cytoscape.use(cytoscapeSvg);

/** How long a step's changes take to play (ms): slow enough for a room to follow them. */
export const STEP_ANIMATION_MS = 900;
/** Space left around the map when it is fitted to the screen (px). */
const FIT_PADDING = 36;
/** How long the view takes to bring back inside what a step's fit left out (ms). */
const KEEP_INSIDE_MS = 300;

export interface ProjectionCanvasHandle {
  cy(): Core | null;
  /** The step key whose elements are on the canvas, once their animation has ended (null before the first). */
  settledKey(): string | null;
  /**
   * A live edit drawn at once, without React (web/src/live/applyToCanvas.ts): on the settled
   * step `stepKey` with no focus, `defs` replace or join their elements, `removedIds` leave, the
   * labels are arranged again. False (nothing done): the render path draws it instead.
   */
  applyLive(stepKey: string, defs: readonly ElementDef[], removedIds: readonly string[]): boolean;
}

export interface ProjectionCanvasProps {
  elements: ElementDef[];
  /** The pilot's saved positions (projectLayout). */
  savedPositions: Positions;
  /** Seeds the first arrangement of a map the pilot never arranged (the project's id, as the editor's; arrange.ts). */
  layoutSeed: string;
  /** The step these elements belong to: a new key plays the step's changes; the same key applies an update quietly. */
  stepKey: string;
  /** What changed since the previous step (story.ts), or null: no animation. */
  delta: StoryDelta | null;
  theme: WallThemeName;
  /** Node and edge ids kept lit (focus.ts), or null: the whole map. */
  focus: Set<string> | null;
  /** The focused node's id (drawn with its full name and a halo), or null. */
  focusId: string | null;
  /** Cytoscape's WebGL renderer (cytoscape ≥ 3.31), for very large maps. */
  webgl: boolean;
  onTap(id: string | null): void;
  /** A step's changes have played (or the first map is drawn). */
  onSettled?(key: string): void;
  /** Describes the map for screen readers. */
  label: string;
}

/**
 * What fitInside.ts reads of `eles` as drawn now — the screen (margin: half the padding), the
 * zoom, the drawing with its labels (screen px), the nodes' bodies (screen px and drawing units)
 * and the zoom limits — or null when no node of them is shown (an ending one is not).
 */
function drawnNow(cy: Core, eles: Collection, padding: number): Parameters<typeof viewportFilled> | null {
  const shown = eles.filter((e) => !e.removed() && !e.hasClass('story-ending'));
  const leaves = shown.nodes().filter((n) => !n.isParent());
  if (leaves.empty()) return null;
  const bodiesOnly = { includeLabels: false, includeOverlays: false } as never;
  return [
    { width: cy.width(), height: cy.height(), margin: padding / 2 },
    cy.zoom(),
    shown.renderedBoundingBox({ includeLabels: true, includeOverlays: false } as never),
    leaves.renderedBoundingBox(bodiesOnly),
    leaves.boundingBox(bodiesOnly),
    { min: cy.minZoom(), max: cy.maxZoom() },
  ];
}

function leafPositions(cy: Core): Positions {
  const positions: Positions = {};
  cy.nodes()
    .filter((n) => !n.isParent())
    .forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
  return positions;
}

/**
 * The wall's map: Cytoscape with no editing at all, the pilot's positions, labels of at least
 * WALL_LABEL_PX on screen (the editor's label choice, labels.ts), the theme's colours. A new
 * step plays its changes (what ended fades out, what appears fades in, engagement grows or
 * shrinks, a new perimeter widens the view); an update within the same step changes only what
 * changed, and nothing moves. Exposed to tests as `window.__trameCy`, as the editor's map is.
 */
export const ProjectionCanvas = forwardRef<ProjectionCanvasHandle, ProjectionCanvasProps>(function ProjectionCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const scaleRef = useRef(1);
  const knownPositions = useRef<Positions>({});
  const shownKey = useRef<string | null>(null);
  const settled = useRef<string | null>(null);
  const labelFrame = useRef<number | null>(null);
  const focusedBefore = useRef(false);

  /** The zoom the labels were last arranged for: a zoom event at that zoom (a fit's own) needs no second pass. */
  const arrangedZoom = useRef<number | null>(null);
  const arrangeLabels = (cy: Core) => {
    scaleRef.current = arrangeWallLabels(cy, propsRef.current.theme, scaleRef.current);
    arrangedZoom.current = cy.zoom();
  };
  /** Whether the next frame's arrangement is needed whatever the zoom (elements, theme or size changed). */
  const labelsForced = useRef(false);
  /**
   * What the next frame does with the last fitted elements: brings them back inside the screen
   * (`inside`: a new theme), or fits them again (`fit`: the canvas changed size — the legend hidden
   * or shown, the window resized — so the map takes the room it has).
   */
  const refitPending = useRef<'inside' | 'fit' | null>(null);
  /** The canvas's size when the view was last fitted. */
  const fittedSize = useRef<{ width: number; height: number } | null>(null);
  /** The elements the view was last fitted to (the map, or a focus) and the padding used. */
  const lastFit = useRef<{ eles: Collection; padding: number } | null>(null);
  /**
   * Arranges the labels at the next frame. `zoom`: only if the zoom is not the one they were
   * arranged for; `change`: elements changed; `refit`: the screen's size or the theme changed, so
   * the labels' room did too — what was fitted is brought back inside (never after a live edit:
   * nothing moves then); `resize`: the canvas's size changed, what was fitted is fitted again.
   */
  const scheduleLabels = (reason: 'zoom' | 'change' | 'refit' | 'resize' = 'change') => {
    if (reason !== 'zoom') labelsForced.current = true;
    if (reason === 'refit' && refitPending.current === null) refitPending.current = 'inside';
    if (reason === 'resize') refitPending.current = 'fit';
    if (labelFrame.current !== null) return;
    labelFrame.current = requestAnimationFrame(() => {
      labelFrame.current = null;
      const cy = cyRef.current;
      const needed = labelsForced.current || cy?.zoom() !== arrangedZoom.current;
      const refit = refitPending.current;
      labelsForced.current = false;
      refitPending.current = null;
      if (!cy || !needed) return;
      const size = fittedSize.current;
      const resized = size !== null && (size.width !== cy.width() || size.height !== cy.height());
      if (refit === 'fit' && resized && lastFit.current) {
        // A step's move under way would land where the old size wanted: this fit replaces it.
        cy.stop(true, false);
        fillScreen(cy, lastFit.current.eles, lastFit.current.padding);
        return;
      }
      arrangeLabels(cy);
      if (refit && lastFit.current) keepInside(cy, lastFit.current.eles, lastFit.current.padding, 0);
    });
  };

  /** The step whose changes have played, also on the container (`data-settled`) for tests and exports. */
  const markSettled = (key: string | null) => {
    settled.current = key;
    if (container.current) container.current.dataset.settled = key ?? '';
    if (key !== null) propsRef.current.onSettled?.(key);
  };

  /**
   * Where fitting `eles` lands with room for their labels: labels keep at least WALL_LABEL_PX on
   * screen whatever the zoom (labels.ts), so the room they need around the nodes is known in
   * screen pixels — predicted (arrangeWallLabels.ts `predictedLabelRoom`: the labels chosen as the
   * arrangement will, the perimeters' boxes and names around them), not measured by fitting,
   * arranging and fitting again (each arrangement at a new zoom restyles every element: on a
   * 500-element map, 150 of the 364 ms from the layout's end to a fitted map).
   */
  const fittedViewport = (cy: Core, eles: Collection, padding: number) => {
    // The nodes' bodies alone: the edges run between them, and measuring an edge computes its
    // route, which the labels' restyle (a new label scale) right after throws away — on a large
    // first map a whole pass over the edges for nothing.
    const leaves = eles.nodes().filter((n) => !n.isParent());
    const box = (leaves.nonempty() ? leaves : eles.nodes()).boundingBox({
      includeLabels: false,
      includeOverlays: false,
    } as never);
    const [width, height] = [cy.width(), cy.height()];
    const limit = (zoom: number) => Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
    // A first guess (two lines of label below, part of one at the sides), then the predicted room.
    let font = WALL_LABEL_PX;
    let zoom = 1;
    for (let round = 0; round < 2; round += 1) {
      zoom = limit(
        Math.min(
          (width - 2 * (padding + 3 * font)) / Math.max(box.w, 1),
          (height - 2 * (padding + 2.6 * font)) / Math.max(box.h, 1),
        ),
      );
      font = Math.max(WALL_LABEL_PX, baseFont(true) * zoom);
    }
    // The room changes little with the zoom (which labels fit, the perimeters' padding): predicted
    // again only when the zoom moved far from the one it was predicted at.
    const screen = { width, height, margin: padding };
    let room = predictedLabelRoom(eles, zoom);
    for (let round = 0; round < 3; round += 1) {
      const next = limit(zoomWithRoom(screen, room, box));
      const moved = Math.abs(next - zoom) / zoom;
      zoom = next;
      if (moved < 0.25) break;
      room = predictedLabelRoom(eles, zoom);
    }
    // Centred with the labels' room on each side.
    const pan = centredPan(screen, room, box, zoom);
    return { zoom, pan };
  };
  /**
   * Once the labels are arranged: brings what `eles` draws (labels, captions, perimeters' boxes
   * and names) inside the screen if the fit's estimate left some of it out — a perimeter's box
   * grows with its members' labels, which the estimate does not know. At most `rounds` moves.
   */
  const keepInside = (cy: Core, eles: Collection, padding: number, duration: number, rounds = 2) => {
    const drawn = drawnNow(cy, eles, padding);
    if (!drawn || rounds <= 0) return;
    const target = viewportInside(...drawn);
    if (!target) return;
    // The labels' arrangement is in the drawing's units: a move alone leaves it as it is.
    const zoomed = target.zoom !== cy.zoom();
    const then = () => {
      if (!zoomed) return;
      arrangeLabels(cy);
      keepInside(cy, eles, padding, 0, rounds - 1);
    };
    if (duration <= 0) {
      cy.viewport(target);
      then();
    } else cy.animate(target, { duration, complete: then });
  };
  /**
   * Fits `eles` to a screen whose size changed, from where they are drawn now: the labels, already
   * arranged, keep their room in pixels and the bodies take the rest — zooming in when the screen
   * grew (fittedViewport's estimate, counting the perimeters' boxes grown with their labels, would
   * shrink the map instead).
   */
  const fillScreen = (cy: Core, eles: Collection, padding: number) => {
    fittedSize.current = { width: cy.width(), height: cy.height() };
    const drawn = drawnNow(cy, eles, padding);
    if (drawn) cy.viewport(viewportFilled(...drawn));
    arrangeLabels(cy);
    keepInside(cy, eles, padding, 0);
  };
  /** Fits `eles` to the screen, labels included, at once or over `duration` ms. */
  const fitTo = (cy: Core, eles: Collection, padding: number, duration = 0) => {
    lastFit.current = { eles, padding };
    fittedSize.current = { width: cy.width(), height: cy.height() };
    const target = fittedViewport(cy, eles, padding);
    if (duration <= 0) {
      cy.viewport(target);
      arrangeLabels(cy);
      keepInside(cy, eles, padding, 0);
    } else
      cy.animate(target, {
        duration,
        complete: () => {
          arrangeLabels(cy);
          keepInside(cy, eles, padding, KEEP_INSIDE_MS);
        },
      });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: mount only; callbacks read refs.
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: wallStylesheet(propsRef.current.theme) as never,
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
      ...(propsRef.current.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    drawLabelsDirectly(cy); // Cytoscape's label textures drew stale, stretched names (labelTextures.ts)
    (window as unknown as { __trameCy?: Core }).__trameCy = cy; // for browser tests and debugging
    cy.on('tap', (event) => {
      const target = event.target as Core | NodeSingular;
      propsRef.current.onTap(target === cy || !(target as NodeSingular).isNode?.() ? null : (target as NodeSingular).id());
    });
    // A fit arranges the labels itself: its own zoom event asks for no second pass.
    cy.on('zoom', () => scheduleLabels('zoom'));
    // Cytoscape follows its container's size (hiding the legend widens it): the map is fitted to the new room.
    cy.on('resize', () => scheduleLabels('resize'));
    return () => {
      if (labelFrame.current !== null) cancelAnimationFrame(labelFrame.current);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  const styledTheme = useRef(props.theme);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the theme only; labels read refs.
  useEffect(() => {
    const cy = cyRef.current;
    // Created with this theme: restyling now would only delay the first map by a frame.
    if (!cy || styledTheme.current === props.theme) return;
    styledTheme.current = props.theme;
    cy.style(wallStylesheet(props.theme, scaleRef.current) as never);
    scheduleLabels('refit');
  }, [props.theme]);

  // Elements: a new step plays its changes; the same step applies an update in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the elements or the step change; the rest is read through refs.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const newStep = shownKey.current !== null && shownKey.current !== props.stepKey;
    const animate = newStep && props.delta !== null;
    shownKey.current = props.stepKey;
    markSettled(null);
    const wasEmpty = cy.nodes().empty();
    Object.assign(knownPositions.current, leafPositions(cy));
    cy.stop(true, true);
    cy.elements().stop(true, true);

    const wanted = new Map(props.elements.map((e) => [e.data.id, e]));
    const leaving: Collection = cy.collection();
    const sizes = new Map<string, number>();
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const next = wanted.get(element.id());
        const parentChanged = next && element.isNode() && (element.data('parent') ?? null) !== (next.data.parent ?? null);
        const endsChanged =
          next &&
          element.isEdge() &&
          (element.data('source') !== next.data.source || element.data('target') !== next.data.target);
        if (parentChanged || endsChanged) element.remove();
        else if (!next) leaving.merge(element);
      });
      if (animate) {
        // What ends stays a moment, fading, so the room sees it go.
        leaving.addClass('story-ending');
      } else leaving.remove();
    });
    const added: string[] = [];
    const ordered = [...props.elements].sort((a, b) =>
      a.group === b.group ? (a.data.parent ? 1 : 0) - (b.data.parent ? 1 : 0) : a.group === 'nodes' ? -1 : 1,
    );
    // Newcomers start on a grid below the map (placed just after): stacked at (0, 0), the edges
    // between them have no drawable route, as in the editor (MapCanvas).
    const newcomers = ordered
      .filter((def) => def.group === 'nodes' && cy.getElementById(def.data.id).empty())
      .map((def) => def.data.id);
    const drawnBox = newcomers.length > 0 && cy.nodes().nonempty() ? cy.nodes().boundingBox({}) : null;
    const start = startPositions(newcomers, drawnBox ? { x: drawnBox.x1, y: drawnBox.y2 + 200 } : { x: 0, y: 0 });
    cy.batch(() => {
      for (const def of ordered) {
        const existing = cy.getElementById(def.data.id);
        if (existing.nonempty()) {
          if (existing.isNode() && existing.data('kind') === 'ACTOR')
            sizes.set(def.data.id, actorSize(Number(existing.data('engagementRank') ?? 0), true));
          // Only what changed: touching an element restyles and re-measures it (a live edit changes one or two).
          if (!sameData(existing.data() as Record<string, unknown>, def.data)) existing.data(def.data);
          // The label classes arrangeLabels put are kept (it runs again below): resetting them
          // restyled and redrew every labelled node at each update.
          const classes = nextClasses(existing.classes(), def, (name) => name.startsWith('label-'));
          if (classes !== null) existing.classes(classes);
        } else {
          const position = start[def.data.id];
          cy.add({ group: def.group, data: def.data, classes: def.classes ?? '', ...(position ? { position } : {}) });
          added.push(def.data.id);
        }
      }
    });

    // Positions: the pilot's, then where each node stood at another step, then beside neighbours.
    const known = { ...props.savedPositions, ...knownPositions.current };
    const { positions, missing } = placeFromSaved(props.elements, known);
    cy.batch(() => {
      for (const [id, position] of Object.entries(positions)) {
        const node = cy.getElementById(id);
        if (node.nonempty() && node.isNode() && !node.isParent() && (added.includes(id) || wasEmpty)) node.position(position);
      }
    });
    /** `labels`: now (an update in place: drawn in the same frame as the change, not one later), at the next frame, or done already (a fit arranged them). */
    const finish = (labels: 'now' | 'later' | 'done' = 'later') => {
      Object.assign(knownPositions.current, leafPositions(cy));
      if (labels === 'now') arrangeLabels(cy);
      else if (labels === 'later') scheduleLabels();
    };
    if (wasEmpty && Object.keys(positions).length === 0 && props.elements.length > 0) {
      // Never arranged by the pilot: the editor's first layout, kept for the other steps.
      // Seeded by the project, as the editor's: the same arrangement as the editor's first one.
      runSeededLayout(cy, props.layoutSeed, () => {
        fitAspect(cy);
        fitTo(cy, cy.elements(), FIT_PADDING);
        finish('done');
        markSettled(props.stepKey);
      });
      return;
    }
    if (missing.length > 0) {
      if (wasEmpty) {
        const box = cy
          .nodes()
          .filter((n) => !missing.includes(n.id()))
          .boundingBox({});
        missing.forEach((id, i) =>
          cy.getElementById(id).position({ x: box.x1 + (i % 8) * 120, y: box.y2 + 100 + Math.floor(i / 8) * 100 }),
        );
      } else placeInView(cy, missing);
    }

    if (!animate) {
      const fitted = wasEmpty || newStep;
      if (fitted) fitTo(cy, cy.elements(), FIT_PADDING);
      finish(fitted ? 'done' : 'now');
      markSettled(props.stepKey);
      return;
    }
    const delta = props.delta!;
    const duration = STEP_ANIMATION_MS;
    cy.elements().removeClass('story-new');
    const appearing = cy.collection();
    for (const id of added) appearing.merge(cy.getElementById(id));
    appearing.addClass('story-new');
    appearing.forEach((element) => {
      element.style('opacity', 0);
      element.animate({ style: { opacity: 1 } }, { duration, complete: () => element.removeStyle('opacity') });
    });
    leaving.forEach((element) => {
      element.animate({ style: { opacity: 0 } }, { duration, complete: () => element.remove() });
    });
    for (const id of [...delta.grown, ...delta.shrunk]) {
      const node = cy.getElementById(id);
      const before = sizes.get(id);
      if (node.empty() || before === undefined) continue;
      const after = actorSize(Number(node.data('engagementRank') ?? 0), true);
      node.style({ width: before, height: before });
      node.animate({ style: { width: after, height: after } }, { duration, complete: () => node.removeStyle('width height') });
    }
    // A leap widens the project: the view opens out to hold the new perimeter with the rest.
    const visible = cy.elements().not(leaving);
    fitTo(cy, visible, FIT_PADDING, delta.newPerimeters.size > 0 ? duration * 1.5 : duration);
    const key = props.stepKey;
    setTimeout(
      () => {
        if (shownKey.current !== key) return;
        finish();
        markSettled(key);
      },
      duration * 1.5 + 60,
    );
  }, [props.elements, props.stepKey]);

  // Focus: the neighbourhood stays, the rest steps back; the view closes in on it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the focus changes.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const focus = props.focus;
    const hadFocus = focusedBefore.current;
    focusedBefore.current = focus !== null;
    if (!focus && !hadFocus) return;
    cy.batch(() => {
      // A focus is a new subject: the last step's halo gives way.
      cy.elements().removeClass('dimmed found story-new');
      if (!focus) return;
      cy.elements()
        .filter((e) => !focus.has(e.id()))
        .addClass('dimmed');
    });
    if (focus) {
      const kept = cy.elements().filter((e) => focus.has(e.id()));
      cy.getElementById(props.focusId ?? '').addClass('found');
      if (kept.nonempty()) fitTo(cy, kept, FIT_PADDING * 2, 500);
    } else fitTo(cy, cy.elements(), FIT_PADDING, 500);
  }, [props.focus]);

  useImperativeHandle(ref, () => ({
    cy: () => cyRef.current,
    settledKey: () => settled.current,
    applyLive: (stepKey, defs, removedIds) => {
      const cy = cyRef.current;
      if (!cy || settled.current !== stepKey || shownKey.current !== stepKey || focusedBefore.current) return false;
      if (!applyDefsInPlace(cy, defs, removedIds)) return false;
      arrangeLabels(cy);
      return true;
    },
  }));

  return <div ref={container} className="map-canvas wall-canvas" data-testid="map-canvas" aria-label={props.label} role="img" />;
});
