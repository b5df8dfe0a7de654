import { useI18n } from '../i18n/index.tsx';
import { DIFF_COLOR } from './style.ts';

function Mark({ stroke, dash, faded }: { stroke: string; dash?: string; faded?: boolean }) {
  return (
    <svg width="26" height="20" aria-hidden="true">
      <circle
        cx="13"
        cy="10"
        r="5"
        fill="#56B4E9"
        stroke="#1d2733"
        strokeWidth="1.5"
        opacity={faded ? 0.35 : 1}
        strokeDasharray={faded ? '2 2' : undefined}
      />
      {!faded && <circle cx="13" cy="10" r="8.5" fill="none" stroke={stroke} strokeWidth="3" strokeDasharray={dash} />}
    </svg>
  );
}

/** What the comparison's marks on the map mean (style.ts: outlines, not tints, so kind colours stay). */
export function DiffLegend() {
  const { t } = useI18n();
  return (
    <div className="diff-legend" role="note" aria-label={t.pathLegendTitle}>
      <span>
        <Mark stroke={DIFF_COLOR.added} /> {t.pathLegendAdded}
      </span>
      <span>
        <Mark stroke={DIFF_COLOR.changed} dash="4 2" /> {t.pathLegendChanged}
      </span>
      <span>
        <Mark stroke="none" faded /> {t.pathLegendEnded}
      </span>
    </div>
  );
}
