import { ACTOR_KINDS, CONFLICT_STATUSES } from '@trame/graph/model';
import { useI18n } from '../i18n/index.tsx';
import { KindShape } from './KindShape.tsx';
import { ACTOR_KIND_STYLE, CONFLICT_STATUS_STYLE, ECOSYSTEM_COLORS, STANCE_COLOR } from './style.ts';
import type { MapEcosystem } from './types.ts';

function Line({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg width="28" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="27" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}

const DASH = { solid: undefined, dashed: '6 3', dotted: '2 3' } as const;

/** The measure the actors' size follows, as the legend says it (measure.ts). */
export interface LegendMeasure {
  /** « le rapport de force r* ». */
  name: string;
  /** The smallest and largest values, formatted. */
  low: string;
  high: string;
}

/** What shapes, colours, lines — and sizes, when sized by a measure — mean: colour is never the only cue. */
export function Legend({ ecosystems, measure = null }: { ecosystems: MapEcosystem[]; measure?: LegendMeasure | null }) {
  const { t, enumLabel, entity } = useI18n();
  return (
    <details className="legend" open>
      <summary>{t.legend}</summary>
      {measure && (
        <p className="legend-measure" data-measure={measure.name}>
          <svg width="34" height="18" aria-hidden="true">
            <circle cx="6" cy="12" r="4" fill="#9aa4ae" />
            <circle cx="24" cy="9" r="8" fill="#9aa4ae" />
          </svg>{' '}
          <strong>{t.measureLegend(measure.name)}</strong> — {t.measureLegendRange(measure.low, measure.high)}
        </p>
      )}
      <ul>
        {ACTOR_KINDS.map((kind) => (
          <li key={kind}>
            <KindShape {...ACTOR_KIND_STYLE[kind]!} />
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
            <Line color={CONFLICT_STATUS_STYLE[status]!.color} dash={DASH[CONFLICT_STATUS_STYLE[status]!.style]} />{' '}
            {entity('Conflict')}
            {t.colon}
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
                <rect
                  x="1"
                  y="1"
                  width="18"
                  height="12"
                  rx="6"
                  fill={`${ECOSYSTEM_COLORS[i % ECOSYSTEM_COLORS.length]}33`}
                  stroke={ECOSYSTEM_COLORS[i % ECOSYSTEM_COLORS.length]}
                  strokeDasharray="4 2"
                />
              </svg>
              {eco.name}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
