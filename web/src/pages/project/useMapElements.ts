import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { toElements, type Comparison, type Grouping, type MapFilters } from '../../map/elements.ts';
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
    () =>
      projectMap
        ? toElements(projectMap, {
            grouping: leapsView ? 'perimeter' : grouping,
            filters,
            comparison,
            groupLabel: (kind, key) => (kind === 'kind' ? i18n.enumLabel(key) : key),
            formatDate: i18n.formatDate,
            measure,
          })
        : [],
    // The map only: the lists arriving after it change nothing drawn.
    [projectMap, grouping, filters, comparison, leapsView, i18n, measure],
  );
}
