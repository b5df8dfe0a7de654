import { ACTOR_KINDS } from '@trame/graph/model';
import { useI18n } from '../i18n/index.tsx';
import { KindShape } from './KindShape.tsx';
import { LinkSwatch } from './LinkSwatch.tsx';
import { legendLineWidth, legendLinks } from './linkKinds.ts';
import { ACTOR_KIND_STYLE, ECOSYSTEM_COLORS } from './style.ts';
import type { MapEcosystem } from './types.ts';

/** The measure the actors' size follows, as the legend says it (measure.ts). */
export interface LegendMeasure {
  /** « le rapport de force r* ». */
  name: string;
  /** The smallest and largest values, formatted. */
  low: string;
  high: string;
}

/**
 * What shapes, colours, lines — and sizes, when sized by a measure — mean: colour is never the
 * only cue. Each link's swatch is drawn from the map's own description of its kind (linkKinds.ts).
 */
export function Legend({ ecosystems, measure = null }: { ecosystems: MapEcosystem[]; measure?: LegendMeasure | null }) {
  const i18n = useI18n();
  const { t, enumLabel } = i18n;
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
        {legendLinks(i18n).map((link) => (
          <li key={link.id} data-link={link.id}>
            <LinkSwatch drawing={link} length={36} height={14} width={legendLineWidth(link, false)} /> {link.label}
          </li>
        ))}
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
