import { useI18n } from '../../i18n/index.tsx';
import { KindShape } from '../../map/KindShape.tsx';
import { ACTOR_KIND_STYLE } from '../../map/style.ts';

/** The actor kinds present in the graphs, with the map's shapes and colours. */
export function KindLegend({ kinds }: { kinds: string[] }) {
  const { t, enumLabel } = useI18n();
  const present = Object.keys(ACTOR_KIND_STYLE).filter((k) => kinds.includes(k));
  if (present.length === 0) return null;
  return (
    <ul className="kind-legend" aria-label={t.legend}>
      {present.map((kind) => (
        <li key={kind}>
          <KindShape {...ACTOR_KIND_STYLE[kind]!} size={18} /> {enumLabel(kind)}
        </li>
      ))}
      <li className="muted">{t.graphLegendFaded}</li>
    </ul>
  );
}
