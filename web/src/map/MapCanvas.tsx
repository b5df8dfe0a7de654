import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import BubbleSets, { type BubbleSetsPlugin } from 'cytoscape-bubblesets';
import edgehandles from 'cytoscape-edgehandles';
import fcose from 'cytoscape-fcose';
import Layers from 'cytoscape-layers';
import cytoscapeSvg from 'cytoscape-svg';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { FCOSE, fitAspect, runSeededLayout } from './arrange.ts';
import { arrangeCanvasLabels, placeInView } from './canvasLabels.ts';
import { leapColumns, placeFromSaved, startPositions, type Positions } from './layout.ts';
import { ECOSYSTEM_COLORS, mapStylesheet } from './style.ts';
import type { ElementDef, MapEcosystem } from './types.ts';
import { drawLabelsDirectly } from './labelTextures.ts';

cytoscape.use(fcose);
cytoscape.use(edgehandles);
cytoscape.use(Layers as never);
cytoscape.use(BubbleSets as never);
cytoscape.use(cytoscapeSvg);

export type LayoutMode = 'free' | 'leaps';

export interface MapCanvasHandle {
  fit(): void;
  rearrange(): void;
  /** Centres an element and selects it (the panel shows it); `select: false` only centres and highlights it. */
  focus(id: string, options?: { select?: boolean }): void;
  png(): Promise<Blob>;
  svg(): string;
  setDrawMode(on: boolean): void;
}

export interface MapCanvasProps {
  elements: ElementDef[];
  savedPositions: Positions;
  /** Seeds a map's first arrangement (the project's id): the same one on every opening (arrange.ts). */
  layoutSeed: string;
  ecosystems: MapEcosystem[];
  perimeterOrder: string[];
  layoutMode: LayoutMode;
  projection: boolean;
  editable: boolean;
  onSelect(data: (Record<string, unknown> & { id: string }) | null): void;
  onConnect(source: Record<string, unknown> & { id: string }, target: Record<string, unknown> & { id: string }): void;
  /**
   * Positions after a drag or a layout, to be saved (not called in read-only views). `byUser`:
   * the pilot moved a node or asked for « Réorganiser » (false: the map arranged itself on opening).
   */
  onArranged(positions: Positions, byUser: boolean): void;
}

function leafPositions(cy: Core): Positions {
  const positions: Positions = {};
  cy.nodes()
    .filter((n) => !n.isParent())
    .forEach((n) => {
      const { x, y } = n.position();
      positions[n.id()] = { x, y };
    });
  return positions;
}

/** Adds, removes and updates elements in place, so the map does not jump on every change. */
function syncElements(cy: Core, elements: ElementDef[]): string[] {
  const wanted = new Map(elements.map((e) => [e.data.id, e]));
  const added: string[] = [];
  cy.batch(() => {
    cy.elements().forEach((element) => {
      // A link being drawn (edgehandles' ghost and preview) outlives a sync: a live update may
      // arrive in the middle of the gesture.
      if (element.hasClass('eh-ghost') || element.hasClass('eh-preview') || element.hasClass('eh-new')) return;
      const next = wanted.get(element.id());
      const parentChanged = next && element.isNode() && (element.data('parent') ?? null) !== (next.data.parent ?? null);
      const endsChanged =
        next && element.isEdge() && (element.data('source') !== next.data.source || element.data('target') !== next.data.target);
      if (!next || parentChanged || endsChanged) element.remove();
    });
    // Parents first so children can attach.
    const ordered = [...elements].sort((a, b) =>
      a.group === b.group ? (a.data.parent ? 1 : 0) - (b.data.parent ? 1 : 0) : a.group === 'nodes' ? -1 : 1,
    );
    // Newcomers start apart (below what is drawn) until they are placed: never stacked on one point.
    const parents = new Set(elements.map((e) => e.data.parent));
    const newcomers = elements
      .filter((e) => e.group === 'nodes' && !parents.has(e.data.id) && cy.getElementById(e.data.id).empty())
      .map((e) => e.data.id);
    const drawnBox = newcomers.length > 0 && cy.nodes().nonempty() ? cy.nodes().boundingBox({}) : null;
    const start = startPositions(newcomers, drawnBox ? { x: drawnBox.x1, y: drawnBox.y2 + 200 } : { x: 0, y: 0 });
    for (const def of ordered) {
      const existing = cy.getElementById(def.data.id);
      if (existing.nonempty()) {
        existing.data(def.data);
        existing.classes(def.classes ?? '');
      } else {
        cy.add({
          group: def.group,
          data: def.data,
          classes: def.classes ?? '',
          ...(def.position ? { position: def.position } : start[def.data.id] ? { position: start[def.data.id] } : {}),
        });
        if (def.group === 'nodes') added.push(def.data.id);
      }
    }
  });
  return added;
}

export const MapCanvas = forwardRef<MapCanvasHandle, MapCanvasProps>(function MapCanvas(props, ref) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const bubblesRef = useRef<BubbleSetsPlugin | null>(null);
  const ehRef = useRef<{ enableDrawMode(): void; disableDrawMode(): void; destroy(): void } | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;

  // Labels (labels.ts): at least MIN_LABEL_PX on screen at every zoom, by priority when crowded.
  const labelScaleRef = useRef(1);
  const labelFrame = useRef<number | null>(null);
  const arrangeLabels = (cy: Core) => {
    labelScaleRef.current = arrangeCanvasLabels(cy, Boolean(propsRef.current.projection), labelScaleRef.current);
  };
  const scheduleLabels = () => {
    if (labelFrame.current !== null) return;
    labelFrame.current = requestAnimationFrame(() => {
      labelFrame.current = null;
      if (cyRef.current) arrangeLabels(cyRef.current);
    });
  };

  const runLayout = (cy: Core, randomize: boolean, byUser = false) => {
    const mode = propsRef.current.layoutMode;
    if (mode === 'leaps') {
      const positions = leapColumns(props.elements, propsRef.current.perimeterOrder);
      cy.layout({
        name: 'preset',
        positions: (node: NodeSingular) => positions[node.id()] ?? node.position(),
        fit: true,
        padding: 40,
      } as never).run();
      return;
    }
    const arranged = () => {
      fitAspect(cy);
      cy.fit(undefined, 40);
      scheduleLabels();
      bubblesRef.current?.update(true);
      if (propsRef.current.editable) propsRef.current.onArranged(leafPositions(cy), byUser);
    };
    // A map's first arrangement is the same on every opening (seeded by the project); « Réorganiser »
    // asks for another one, and the arrangement from where the nodes stand is not random at all.
    if (randomize && !byUser) {
      runSeededLayout(cy, propsRef.current.layoutSeed, arranged);
      return;
    }
    const layout = cy.layout({ ...FCOSE, randomize } as never);
    layout.one('layoutstop', arranged);
    layout.run();
  };

  // Create Cytoscape once; destroy it on unmount.
  // biome-ignore lint/correctness/useExhaustiveDependencies: mount only; scheduleLabels reads refs only.
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: mapStylesheet({ projection: propsRef.current.projection }) as never,
      minZoom: 0.1,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    drawLabelsDirectly(cy); // Cytoscape's label textures drew stale, stretched names (labelTextures.ts)
    (window as unknown as { __trameCy?: Core }).__trameCy = cy; // for browser tests and debugging
    cy.on('tap', (event) => {
      if (event.target === cy) propsRef.current.onSelect(null);
      else propsRef.current.onSelect(event.target.data());
    });
    cy.on('mouseover', 'edge, node', (event) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge, node', (event) => event.target.removeClass('hover'));
    cy.on('zoom resize', scheduleLabels);
    cy.on('dragfree', 'node', () => {
      scheduleLabels();
      bubblesRef.current?.update(true);
      if (propsRef.current.editable && propsRef.current.layoutMode === 'free')
        propsRef.current.onArranged(leafPositions(cy), true);
    });
    const eh = (cy as unknown as { edgehandles(o: object): typeof ehRef.current }).edgehandles({
      canConnect: (source: NodeSingular, target: NodeSingular) =>
        !source.same(target) && !source.isParent() && !target.isParent() && source.data('kind') !== 'PERIMETER',
      edgeParams: () => ({ data: {}, classes: 'eh-new' }),
      snap: true,
      hoverDelay: 100,
    });
    ehRef.current = eh;
    cy.on('ehcomplete', (_event, ...args: unknown[]) => {
      const [source, target, added] = args as [NodeSingular, NodeSingular, cytoscape.EdgeSingular];
      added.remove();
      propsRef.current.onConnect(source.data(), target.data());
    });
    bubblesRef.current = (cy as unknown as { bubbleSets(o?: object): BubbleSetsPlugin }).bubbleSets({
      interactive: true,
      includeLabels: false,
    });
    return () => {
      if (labelFrame.current !== null) cancelAnimationFrame(labelFrame.current);
      bubblesRef.current?.destroy();
      ehRef.current?.destroy();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the projection changes; scheduleLabels reads refs only.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.style(mapStylesheet({ projection: props.projection, labelScale: labelScaleRef.current }) as never);
    scheduleLabels();
  }, [props.projection]);

  // Elements: sync in place; place new nodes beside their neighbours, or lay out when needed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the elements, the layout mode or the ecosystems change; callbacks are read through refs.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wasEmpty = cy.nodes().empty();
    const added = syncElements(cy, props.elements);
    if (props.layoutMode === 'leaps') {
      runLayout(cy, false);
    } else if (added.length > 0) {
      const known = { ...props.savedPositions, ...leafPositions(cy) };
      for (const id of added) delete known[id];
      if (wasEmpty) Object.assign(known, props.savedPositions);
      const { positions, missing } = placeFromSaved(props.elements, known);
      cy.batch(() => {
        for (const [id, position] of Object.entries(positions)) {
          const node = cy.getElementById(id);
          if (node.nonempty() && !node.isParent()) node.position(position);
        }
      });
      if (wasEmpty && Object.keys(positions).length === 0) runLayout(cy, true);
      else if (missing.length > 0 && !wasEmpty) {
        // Unconnected newcomers: in free places of the part of the map on screen, near their
        // perimeter when it has members, never below the drawing where nobody sees them.
        placeInView(cy, missing);
      } else if (missing.length > 0) {
        const box = cy
          .nodes()
          .filter((n) => !missing.includes(n.id()))
          .boundingBox({});
        missing.forEach((id, i) =>
          cy.getElementById(id).position({ x: box.x1 + (i % 8) * 90, y: box.y2 + 80 + Math.floor(i / 8) * 80 }),
        );
      }
      if (wasEmpty) cy.fit(undefined, 40);
    }
    scheduleLabels();
    // Ecosystems as regions around their members (an actor may sit in several).
    const bubbles = bubblesRef.current;
    if (bubbles) {
      for (const path of bubbles.getPaths()) bubbles.removePath(path);
      props.ecosystems.forEach((eco, i) => {
        const members = cy.nodes().filter((n) => eco.memberIds.includes(n.id()));
        if (members.length < 2) return;
        const color = ECOSYSTEM_COLORS[i % ECOSYSTEM_COLORS.length]!;
        bubbles.addPath(members, null, null, {
          // Members can sit far apart: virtual edges route the outline between them.
          virtualEdges: true,
          style: {
            fill: `${color}22`,
            stroke: color,
            strokeWidth: '1.5',
            strokeDasharray: '6 3',
          } as Partial<CSSStyleDeclaration>,
          className: `ecosystem-${eco.id}`,
        });
      });
      // addPath drew each outline; they follow the rendered boxes (labels), so refresh them once
      // the frame is drawn — or two frames later when nothing is redrawn (only the ecosystems
      // changed). Once: each refresh of many outlines costs a frame or more at 2,000 elements.
      let refreshed = false;
      const refresh = () => {
        if (refreshed) return;
        refreshed = true;
        bubbles.update();
      };
      cy.one('render', refresh);
      requestAnimationFrame(() => requestAnimationFrame(refresh));
    }
  }, [props.elements, props.layoutMode, props.ecosystems]);

  useEffect(() => {
    if (!props.editable) ehRef.current?.disableDrawMode();
  }, [props.editable]);

  useImperativeHandle(ref, () => ({
    fit: () => cyRef.current?.fit(undefined, 40),
    rearrange: () => cyRef.current && runLayout(cyRef.current, true, true),
    focus: (id: string, options?: { select?: boolean }) => {
      const cy = cyRef.current;
      if (!cy) return;
      // An entity id: a node's own, or the engagement behind an actor node, or an edge's entity.
      const node = cy
        .elements()
        .filter((e) => e.id() === id || e.data('engagementId') === id || e.data('entityId') === id)
        .first();
      if (node.empty()) return;
      cy.elements().removeClass('found');
      node.addClass('found');
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
      if (options?.select === false) return;
      cy.elements().unselect();
      node.select();
      propsRef.current.onSelect(node.data());
    },
    png: async () => {
      const cy = cyRef.current;
      if (!cy) throw new Error('no map');
      return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' }) as unknown as Promise<Blob>;
    },
    svg: () => {
      const cy = cyRef.current as unknown as { svg(o: object): string } | null;
      if (!cy) throw new Error('no map');
      return cy.svg({ full: true, scale: 1, bg: '#ffffff' });
    },
    setDrawMode: (on: boolean) => {
      if (on) ehRef.current?.enableDrawMode();
      else ehRef.current?.disableDrawMode();
    },
  }));

  return <div ref={container} className="map-canvas" data-testid="map-canvas" aria-label={t.ariaMap} role="img" />;
});
