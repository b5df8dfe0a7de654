import { ACTOR_KINDS, CONFLICT_STATUSES } from '@trame/graph/model';
import { useI18n } from '../i18n/index.tsx';
import { ACTOR_KIND_STYLE, CONFLICT_STATUS_STYLE, ECOSYSTEM_COLORS, STANCE_COLOR } from './style.ts';
import type { MapEcosystem } from './types.ts';

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
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
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

function Line({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg width="28" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}

const DASH = { solid: undefined, dashed: '6 3', dotted: '2 3' } as const;

/** What shapes, colours and lines mean: colour is never the only cue. */
export function Legend({ ecosystems }: { ecosystems: MapEcosystem[] }) {
  const { t, enumLabel, entity } = useI18n();
  return (
    <details className="legend" open>
      <summary>{t.legend}</summary>
      <ul>
        {ACTOR_KINDS.map((kind) => (
          <li key={kind}>
            <Shape {...ACTOR_KIND_STYLE[kind]!} />
            {enumLabel(kind)}
          </li>
        ))}
      </ul>
      <ul>
        <li>
          <Line color={STANCE_COLOR.FOR} /> {entity('Position')} +
        </li>
        <li>
          <Line color={STANCE_COLOR.AGAINST} dash="6 3" /> {entity('Position')} −
        </li>
        <li>
          <Line color="#009E73" /> {entity('Convergence')}
        </li>
        <li>
          <Line color="#0072B2" /> {entity('Cooperation')}
        </li>
        {CONFLICT_STATUSES.map((status) => (
          <li key={status}>
            <Line color={CONFLICT_STATUS_STYLE[status]!.color} dash={DASH[CONFLICT_STATUS_STYLE[status]!.style]} /> {entity('Conflict')} :{' '}
            {enumLabel(status)}
          </li>
        ))}
        <li>
          <Line color="#8a6d00" dash="2 3" /> {entity('Externality')}
        </li>
        <li>
          <Line color="#1d2733" /> {entity('SystemicLeap')}
        </li>
      </ul>
      {ecosystems.length > 0 && (
        <ul>
          {ecosystems.map((eco, i) => (
            <li key={eco.id}>
              <svg width="20" height="14" aria-hidden="true">
                <rect x="1" y="1" width="18" height="12" rx="6" fill={`${ECOSYSTEM_COLORS[i % ECOSYSTEM_COLORS.length]}33`} stroke={ECOSYSTEM_COLORS[i % ECOSYSTEM_COLORS.length]} strokeDasharray="4 2" />
              </svg>
              {eco.name}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
