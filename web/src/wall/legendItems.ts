import { CONFLICT_STATUSES, type EntityType } from '@trame/graph/model';
import { ACTOR_KINDS } from '@trame/graph/model';
import { ACTOR_KIND_STYLE } from '../map/style.ts';
import { WALL_THEMES, type WallThemeName } from './theme.ts';

/** A line of the legend: a link's colour and dash, and what it means. */
export interface LegendLine {
  color: string;
  dash?: string;
  label: string;
}

interface Words {
  entity(type: EntityType): string;
  enumLabel(value: string): string;
}

/** The links' legend in the theme's colours: the same for the wall and its exports. */
export function legendLines(themeName: WallThemeName, words: Words): LegendLine[] {
  const theme = WALL_THEMES[themeName];
  return [
    { color: theme.stanceFor, label: `${words.entity('Position')} +` },
    { color: theme.stanceAgainst, dash: '6 3', label: `${words.entity('Position')} −` },
    { color: theme.convergence, label: words.entity('Convergence') },
    { color: theme.cooperation, label: words.entity('Cooperation') },
    ...CONFLICT_STATUSES.filter((s) => s !== 'DEPASSE').map((status) => ({
      color: theme.conflicts[status]!,
      dash: status === 'IDENTIFIE' ? '6 3' : undefined,
      label: `${words.entity('Conflict')} : ${words.enumLabel(status)}`,
    })),
    { color: theme.externality, dash: '2 3', label: words.entity('Externality') },
    { color: theme.leap, label: words.entity('SystemicLeap') },
  ];
}

/** The actor kinds' legend in the theme's colours (shape names are Cytoscape's). */
export function legendKinds(themeName: WallThemeName, words: Words): { shape: string; color: string; label: string }[] {
  const theme = WALL_THEMES[themeName];
  return ACTOR_KINDS.map((kind) => ({
    shape: ACTOR_KIND_STYLE[kind]!.shape,
    color: theme.kinds[kind]!,
    label: words.enumLabel(kind),
  }));
}
