import { useI18n } from '../../i18n/index.tsx';
import { placeLabels, quadrants, type Label, type Quadrant } from '../../analysis/analysis.ts';
import { useNumberFormat } from '../useNumberFormat.ts';

const W = 760;
const H = 500;
const M = { left: 56, right: 24, top: 20, bottom: 48 };

const QUADRANT_COLOUR: Record<Quadrant, string> = {
  dominant: '#0072B2',
  relay: '#CC79A7',
  dominated: '#D55E00',
  autonomous: '#6b7280',
};
const QUADRANT_SHAPE: Record<Quadrant, 'circle' | 'square' | 'diamond' | 'triangle'> = {
  dominant: 'square',
  relay: 'diamond',
  dominated: 'triangle',
  autonomous: 'circle',
};

function Marker({ x, y, quadrant }: { x: number; y: number; quadrant: Quadrant }) {
  const fill = QUADRANT_COLOUR[quadrant];
  const props = { fill, stroke: '#1d2733', strokeWidth: 1 };
  switch (QUADRANT_SHAPE[quadrant]) {
    case 'square':
      return <rect x={x - 5.5} y={y - 5.5} width={11} height={11} {...props} />;
    case 'diamond':
      return <polygon points={`${x},${y - 7} ${x + 7},${y} ${x},${y + 7} ${x - 7},${y}`} {...props} />;
    case 'triangle':
      return <polygon points={`${x},${y - 7} ${x + 7},${y + 5} ${x - 7},${y + 5}`} {...props} />;
    default:
      return <circle cx={x} cy={y} r={5.5} {...props} />;
  }
}

/**
 * MACTOR's influence / dependence plane: x = dependence D, y = influence I, one labelled point
 * per actor, the means as dashed lines splitting dominants, relais, dominés and autonomes.
 * Quadrants are told by position, by a shape and by a colour.
 */
export function InfluencePlane({
  actors,
  influence,
  dependence,
}: {
  actors: Label[];
  influence: number[];
  dependence: number[];
}) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const { meanI, meanD, quadrant } = quadrants(influence, dependence);
  const maxI = Math.max(1, ...influence) * 1.08;
  const maxD = Math.max(1, ...dependence) * 1.08;
  // A little room below 0, so actors with no influence or dependence sit off the axes.
  const padD = maxD * 0.04;
  const padI = maxI * 0.05;
  const sx = (d: number) => M.left + ((d + padD) / (maxD + padD)) * (W - M.left - M.right);
  const sy = (i: number) => H - M.bottom - ((i + padI) / (maxI + padI)) * (H - M.top - M.bottom);
  const points = actors.map((a, k) => ({ id: a.id, label: a.label, x: sx(dependence[k] ?? 0), y: sy(influence[k] ?? 0) }));
  const quadrantNames: Record<Quadrant, string> = {
    dominant: t.quadrantDominant,
    relay: t.quadrantRelay,
    dominated: t.quadrantDominated,
    autonomous: t.quadrantAutonomous,
  };
  const noInfluence = influence.every((x) => x === 0) && dependence.every((x) => x === 0);
  // The quadrants' names: top corners, and just under the mean line for the lower two.
  const names: { q: Quadrant; x: number; y: number; anchor: 'start' | 'end' }[] = noInfluence
    ? []
    : [
        { q: 'dominant', x: M.left + 8, y: M.top + 16, anchor: 'start' },
        { q: 'relay', x: W - M.right - 8, y: M.top + 16, anchor: 'end' },
        { q: 'dominated', x: W - M.right - 8, y: sy(meanI) + 18, anchor: 'end' },
        { q: 'autonomous', x: M.left + 8, y: sy(meanI) + 18, anchor: 'start' },
      ];
  const obstacles = names.map((n) => {
    const w = quadrantNames[n.q].length * 9;
    return { x1: n.anchor === 'start' ? n.x : n.x - w, x2: n.anchor === 'start' ? n.x + w : n.x, y1: n.y - 13, y2: n.y + 3 };
  });
  const labels = placeLabels(points, {
    width: W - M.right,
    top: M.top,
    bottom: H - M.bottom,
    charWidth: 6.9,
    lineHeight: 14,
    obstacles,
  });
  const ticks = (max: number) => {
    const step = max > 40 ? 10 : max > 16 ? 5 : max > 6 ? 2 : 1;
    return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  };

  return (
    <figure className="influence-plane">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="plane-title plane-desc" className="plane-svg">
        <title id="plane-title">{t.planeTitle}</title>
        <desc id="plane-desc">
          {actors
            .map(
              (a, k) =>
                `${a.label} : I ${number(influence[k] ?? 0, 1)}, D ${number(dependence[k] ?? 0, 1)} (${quadrantNames[quadrant[k] ?? 'autonomous']})`,
            )
            .join(' ; ')}
        </desc>
        <rect x={M.left} y={M.top} width={W - M.left - M.right} height={H - M.top - M.bottom} fill="#fff" stroke="#c9c4b8" />
        {ticks(maxD).map((d) => (
          <g key={`x${d}`}>
            <line x1={sx(d)} x2={sx(d)} y1={H - M.bottom} y2={H - M.bottom + 4} stroke="#5b6570" />
            <text x={sx(d)} y={H - M.bottom + 16} textAnchor="middle" className="tick">
              {d}
            </text>
          </g>
        ))}
        {ticks(maxI).map((i) => (
          <g key={`y${i}`}>
            <line x1={M.left - 4} x2={M.left} y1={sy(i)} y2={sy(i)} stroke="#5b6570" />
            <text x={M.left - 7} y={sy(i) + 4} textAnchor="end" className="tick">
              {i}
            </text>
          </g>
        ))}
        {!noInfluence && (
          <>
            <line x1={sx(meanD)} x2={sx(meanD)} y1={M.top} y2={H - M.bottom} stroke="#5b6570" strokeDasharray="5 4" />
            <line x1={M.left} x2={W - M.right} y1={sy(meanI)} y2={sy(meanI)} stroke="#5b6570" strokeDasharray="5 4" />
            {names.map((n) => (
              <text key={n.q} x={n.x} y={n.y} textAnchor={n.anchor} className="quadrant-name">
                {quadrantNames[n.q]}
              </text>
            ))}
          </>
        )}
        <text x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle" className="axis-name">
          {t.axisDependence}
        </text>
        <text transform={`translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-name">
          {t.axisInfluence}
        </text>
        {labels.map((p, k) => (
          <g key={p.id} className="plane-point" data-actor={p.id}>
            {Math.abs(p.ly - 4 - p.y) > 10 && (
              <line
                x1={p.x}
                y1={p.y}
                x2={p.anchor === 'start' ? p.lx - 2 : p.lx + 2}
                y2={p.ly - 4}
                stroke="#9aa5b1"
                strokeWidth={0.8}
              />
            )}
            <Marker x={p.x} y={p.y} quadrant={quadrant[k] ?? 'autonomous'} />
            <text x={p.lx} y={p.ly} textAnchor={p.anchor} className="point-label">
              {actors[k]?.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="plane-legend">
        {(['dominant', 'relay', 'dominated', 'autonomous'] as const).map((q) => (
          <span key={q}>
            <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
              <Marker x={0} y={0} quadrant={q} />
            </svg>{' '}
            {quadrantNames[q]}
          </span>
        ))}
        <span className="muted">{t.planeMeans(number(meanI, 1), number(meanD, 1))}</span>
        {noInfluence && <strong>{t.planeNoInfluence}</strong>}
      </figcaption>
    </figure>
  );
}
