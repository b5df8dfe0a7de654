import { ACTOR_KINDS } from '@trame/graph/model';
import { useI18n } from '../i18n/index.tsx';
import { KindShape } from '../map/KindShape.tsx';
import { LinkSwatch } from '../map/LinkSwatch.tsx';
import { legendLineWidth } from '../map/linkKinds.ts';
import { ACTOR_KIND_STYLE } from '../map/style.ts';
import { legendLines } from './legendItems.ts';
import { WALL_THEMES, type WallThemeName } from './theme.ts';

/**
 * The wall's legend, in its own column beside the map (never over it), in the theme's colours:
 * each link drawn as the map draws it — colour, dashes, ends (linkKinds.ts).
 */
export function WallLegend({ theme }: { theme: WallThemeName }) {
  const i18n = useI18n();
  const { t, enumLabel } = i18n;
  const palette = WALL_THEMES[theme];
  return (
    <aside className="wall-legend" aria-label={t.wallLegendTitle}>
      <h2>{t.wallLegendTitle}</h2>
      <ul>
        {ACTOR_KINDS.map((kind) => (
          <li key={kind}>
            <KindShape shape={ACTOR_KIND_STYLE[kind]!.shape} color={palette.kinds[kind]!} size={24} />
            {enumLabel(kind)}
          </li>
        ))}
      </ul>
      <p className="wall-legend-note">{t.wallLegendEngagement}</p>
      <ul>
        {legendLines(theme, i18n).map((line) => (
          <li key={line.id} data-link={line.id}>
            <LinkSwatch drawing={line} length={52} height={22} width={legendLineWidth(line, true)} />
            {line.label}
          </li>
        ))}
      </ul>
    </aside>
  );
}
