import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ACTOR_KIND_STYLE } from '../../map/style.ts';
import { matrixToElements, thresholdRange, type Label } from '../../analysis/analysis.ts';
import type { Tone } from './Heatmap.tsx';
import { useNumberFormat } from '../useNumberFormat.ts';

cytoscape.use(fcose); // also registered by the map; registering twice is harmless

const EDGE_COLOUR: Record<Tone, string> = { convergence: '#2171b5', divergence: '#d94801' };

function graphStyle(tone: Tone) {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 13,
        'font-family': 'system-ui, "Segoe UI", Roboto, sans-serif',
        color: '#1d2733',
        'text-wrap': 'wrap',
        'text-max-width': 120,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': 2,
        width: 30,
        height: 30,
        'border-width': 1.5,
        'border-color': '#1d2733',
        'background-color': '#9aa5b1',
      },
    },
    ...Object.entries(ACTOR_KIND_STYLE).map(([kind, s]) => ({
      selector: `node[actorKind = "${kind}"]`,
      style: { 'background-color': s.color, shape: s.shape },
    })),
    { selector: 'node[degree = 0]', style: { opacity: 0.4 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': EDGE_COLOUR[tone],
        opacity: 0.75,
        'curve-style': 'straight',
        label: 'data(label)',
        'font-size': 11,
        color: '#1d2733',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 1,
        ...(tone === 'divergence' ? { 'line-style': 'dashed', 'line-dash-pattern': [10, 4] } : {}),
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0b5cad' } },
  ];
}

type Registry = Record<string, Core>;
const registry = (): Registry => {
  const w = window as unknown as { __trameAnalysisCy?: Registry };
  w.__trameAnalysisCy ??= {};
  return w.__trameAnalysisCy;
};

/**
 * The convergence (kCAA) or divergence (kDAA) graph between actors, drawn with Cytoscape: an
 * edge where the value reaches the threshold the user moves, its width by the value. Nodes keep
 * their place while the threshold moves; *Réorganiser* lays them out again.
 */
export function ActorGraph(props: {
  id: string;
  title: string;
  actors: Label[];
  values: number[][];
  kinds: Record<string, string>;
  tone: Tone;
}) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const nodeKey = useRef('');
  const printImage = useRef<HTMLImageElement>(null);
  const snapshotTimer = useRef<number | undefined>(undefined);
  const range = useMemo(() => thresholdRange(props.values), [props.values]);
  const [threshold, setThreshold] = useState(range.min);
  const current = Math.min(Math.max(threshold, range.min), range.max);
  const elements = useMemo(
    () => matrixToElements(props.actors, props.values, current, props.kinds),
    [props.actors, props.values, current, props.kinds],
  );
  const edgeCount = elements.filter((e) => e.group === 'edges').length;

  const layout = (cy: Core) => {
    if (cy.nodes().empty()) return;
    cy.layout({
      name: 'fcose',
      quality: 'proof',
      animate: false,
      randomize: true,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: 110,
      nodeRepulsion: 9000,
      nodeSeparation: 90,
      packComponents: true,
      fit: true,
      padding: 24,
    } as never).run();
  };

  const snapshot = (cy: Core) => {
    if (!printImage.current || cy.destroyed()) return;
    printImage.current.src = cy.nodes().empty() ? '' : cy.png({ full: true, scale: 2, bg: '#ffffff' });
  };

  // Create Cytoscape once; destroy it on unmount.
  // biome-ignore lint/correctness/useExhaustiveDependencies: mount only; later props reach Cytoscape through the effects below.
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(props.tone) as never,
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    registry()[props.id] = cy; // for browser tests and debugging
    const onResize = () => cy.resize();
    // A canvas does not follow the page into print: print a picture of the graph instead.
    const onBeforePrint = () => snapshot(cy);
    window.addEventListener('resize', onResize);
    window.addEventListener('beforeprint', onBeforePrint);
    return () => {
      window.removeEventListener('resize', onResize);
      window.removeEventListener('beforeprint', onBeforePrint);
      window.clearTimeout(snapshotTimer.current);
      if (registry()[props.id] === cy) delete registry()[props.id];
      cy.destroy();
      cyRef.current = null;
      nodeKey.current = '';
    };
  }, []);

  // Elements: a new set of actors is laid out afresh; a new threshold only swaps the edges.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a new element set only; the rest is read through refs.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const nodes = elements.filter((e) => e.group === 'nodes');
    const edges = elements.filter((e) => e.group === 'edges');
    const key = nodes.map((n) => n.data.id).join('|');
    cy.batch(() => {
      if (key !== nodeKey.current) {
        cy.elements().remove();
        // Start on a circle, so no edge joins two nodes on the same spot before the layout runs.
        const r = 40 * Math.max(3, nodes.length);
        cy.add(
          nodes.map((n, i) => ({
            ...n,
            position: { x: r * Math.cos((2 * Math.PI * i) / nodes.length), y: r * Math.sin((2 * Math.PI * i) / nodes.length) },
          })) as never,
        );
        cy.add(edges as never);
      } else {
        cy.edges().remove();
        for (const n of nodes) cy.getElementById(n.data.id).data(n.data);
        cy.add(edges as never);
      }
    });
    if (key !== nodeKey.current) {
      nodeKey.current = key;
      layout(cy);
    }
    window.clearTimeout(snapshotTimer.current);
    snapshotTimer.current = window.setTimeout(() => snapshot(cy), 300);
  }, [elements]);

  const empty = range.max === 0;
  return (
    <figure className={`actor-graph actor-graph-${props.tone}`}>
      <figcaption>
        <h3>{props.title}</h3>
        <div className="graph-controls no-print">
          <label>
            {t.threshold}{' '}
            <input
              type="range"
              min={range.min}
              max={range.max}
              step={range.step}
              value={current}
              disabled={empty || range.min === range.max}
              onChange={(e) => setThreshold(Number(e.target.value))}
              aria-valuetext={t.thresholdValue(number(current, 2), edgeCount)}
            />
          </label>
          <output>{t.thresholdValue(number(current, 2), edgeCount)}</output>
          <button
            type="button"
            onClick={() => {
              const cy = cyRef.current;
              if (!cy) return;
              layout(cy);
              snapshot(cy);
            }}
            disabled={empty}
          >
            {t.rearrange}
          </button>
        </div>
        <p className="print-only hint small">{t.thresholdValue(number(current, 2), edgeCount)}</p>
      </figcaption>
      <div className="graph-canvas-wrap">
        <div
          ref={container}
          className="graph-canvas"
          role="img"
          aria-label={`${props.title} — ${t.thresholdValue(number(current, 2), edgeCount)}`}
          data-testid={props.id}
        />
        {empty && <p className="graph-empty">{t.graphEmpty}</p>}
      </div>
      <img ref={printImage} className="graph-print print-only" alt={props.title} />
    </figure>
  );
}
