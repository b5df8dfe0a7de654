import { useI18n } from '../i18n/index.tsx';
import { ACTOR_KIND_STYLE } from '../map/style.ts';

// The map's actor shapes, as small SVGs (the map's Legend keeps its own private copy).
const SHAPES: Record<string, string> = {
  star: '10,1 12.6,7.4 19.5,7.6 14,11.8 16,18.5 10,14.6 4,18.5 6,11.8 0.5,7.6 7.4,7.4',
  diamond: '10,1 19,10 10,19 1,10',
  'round-triangle': '10,2 19,18 1,18',
  hexagon: '5,2 15,2 19,10 15,18 5,18 1,10',
  octagon: '6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6',
};

function Shape({ shape, color }: { shape: string; color: string }) {
  const points = SHAPES[shape];
  return (
    <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
      {points ? (
        <polygon points={points} fill={color} stroke="#1d2733" strokeWidth="1" />
      ) : shape === 'ellipse' ? (
        <circle cx="10" cy="10" r="8.5" fill={color} stroke="#1d2733" strokeWidth="1" />
      ) : (
        <rect x="2" y="3" width="16" height="14" rx={shape === 'barrel' ? 6 : 3} fill={color} stroke="#1d2733" strokeWidth="1" />
      )}
    </svg>
  );
}

/** The actor kinds present in the graphs, with the map's shapes and colours. */
export function KindLegend({ kinds }: { kinds: string[] }) {
  const { t, enumLabel } = useI18n();
  const present = Object.keys(ACTOR_KIND_STYLE).filter((k) => kinds.includes(k));
  if (present.length === 0) return null;
  return (
    <ul className="kind-legend" aria-label={t.legend}>
      {present.map((kind) => (
        <li key={kind}>
          <Shape {...ACTOR_KIND_STYLE[kind]!} /> {enumLabel(kind)}
        </li>
      ))}
      <li className="muted">{t.graphLegendFaded}</li>
    </ul>
  );
}
