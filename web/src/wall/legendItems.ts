import { ACTOR_KINDS } from '@trame/graph/model';
import { type LegendLink, type LinkWords, legendLinks } from '../map/linkKinds.ts';
import { ACTOR_KIND_STYLE } from '../map/style.ts';
import { WALL_THEMES, type WallThemeName } from './theme.ts';

/**
 * The links' legend in the theme's colours, the same for the wall and its exports: each kind's
 * dashes and ends are the map's (linkKinds.ts).
 */
export function legendLines(themeName: WallThemeName, words: LinkWords): LegendLink[] {
  const theme = WALL_THEMES[themeName];
  return legendLinks(words, (kind) => theme.links[kind.id]);
}

/** The actor kinds' legend in the theme's colours (shape names are Cytoscape's). */
export function legendKinds(
  themeName: WallThemeName,
  words: Pick<LinkWords, 'enumLabel'>,
): { shape: string; color: string; label: string }[] {
  const theme = WALL_THEMES[themeName];
  return ACTOR_KINDS.map((kind) => ({
    shape: ACTOR_KIND_STYLE[kind]!.shape,
    color: theme.kinds[kind]!,
    label: words.enumLabel(kind),
  }));
}
