import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { toElements, type Comparison, type ElementOptions, type Grouping, type MapFilters } from '../../map/elements.ts';
import type { ElementDef, ProjectMapData } from '../../map/types.ts';

/** The map's Cytoscape elements for the current grouping, filters and comparison, in the UI language. */
export function useMapElements(
  projectMap: ProjectMapData | null,
  grouping: Grouping,
  filters: MapFilters,
  comparison: Comparison | null,
  leapsView: boolean,
  /** Actor id → 0…1 when the actors are sized by a measure (useMapMeasure). */
  measure: ReadonlyMap<string, number> | null = null,
): ElementDef[] {
  const i18n = useI18n();
  return useMemo(
    () => (projectMap ? toElements(projectMap, mapElementOptions(i18n, grouping, filters, comparison, leapsView, measure)) : []),
    // The map only: the lists arriving after it change nothing drawn.
    [projectMap, grouping, filters, comparison, leapsView, i18n, measure],
  );
}

/** The options `useMapElements` draws with (also the wall's live edits, web/src/live/applyToCanvas.ts). */
export function mapElementOptions(
  i18n: Pick<ReturnType<typeof useI18n>, 'enumLabel' | 'formatDate'>,
  grouping: Grouping,
  filters: MapFilters,
  comparison: Comparison | null,
  leapsView: boolean,
  measure: ReadonlyMap<string, number> | null = null,
): ElementOptions {
  return {
    grouping: leapsView ? 'perimeter' : grouping,
    filters,
    comparison,
    groupLabel: (kind, key) => (kind === 'kind' ? i18n.enumLabel(key) : key),
    formatDate: i18n.formatDate,
    measure,
  };
}
