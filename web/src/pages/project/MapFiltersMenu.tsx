import { ACTOR_KINDS, CONFLICT_STATUSES, ENGAGEMENT_LEVELS, type EntityType } from '@trame/graph/model';
import { useI18n } from '../../i18n/index.tsx';
import type { MapFilters } from '../../map/elements.ts';
import { MAP_MEASURES, type MapMeasure } from '../../map/measure.ts';

interface Facet {
  facet: keyof MapFilters;
  /** The entity type whose name is the fieldset's legend. */
  legend: EntityType;
  options: { value: string; label: string }[];
}

/** The name of a measure in the menu and the legend (« le rapport de force r* »). */
export function measureName(t: ReturnType<typeof useI18n>['t'], measure: MapMeasure | null): string {
  switch (measure) {
    case 'engagement':
      return t.measureEngagement;
    case 'betweenness':
      return t.measureBetweenness;
    case 'rStar':
      return t.measureRStar;
    case 'projects':
      return t.measureProjects;
    default:
      return t.measureNone;
  }
}

/**
 * The map's « Filtres »: one fieldset per facet, each a list of checkboxes (none checked: no
 * filter); then, when the page offers it, the measure the actors' size follows (one choice).
 */
export function MapFiltersMenu({
  filters,
  perimeters,
  onChange,
  measure,
  onMeasure,
}: {
  filters: MapFilters;
  perimeters: { id: string; name: unknown }[];
  onChange(filters: MapFilters): void;
  measure?: MapMeasure | null;
  onMeasure?(measure: MapMeasure | null): void;
}) {
  const i18n = useI18n();
  const codes = (values: readonly string[]) => values.map((value) => ({ value, label: i18n.enumLabel(value) }));
  const facets: Facet[] = [
    { facet: 'actorKinds', legend: 'Actor', options: codes(ACTOR_KINDS) },
    { facet: 'engagements', legend: 'Engagement', options: codes(ENGAGEMENT_LEVELS) },
    { facet: 'perimeters', legend: 'Perimeter', options: perimeters.map((p) => ({ value: p.id, label: String(p.name) })) },
    { facet: 'conflictStatuses', legend: 'Conflict', options: codes(CONFLICT_STATUSES) },
  ];
  const toggle = (facet: keyof MapFilters, value: string) => {
    const next = new Set(filters[facet]);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onChange({ ...filters, [facet]: next });
  };
  return (
    <details className="filters">
      <summary>{i18n.t.filters}</summary>
      {facets.map(({ facet, legend, options }) => (
        <fieldset key={facet}>
          <legend>{i18n.entity(legend)}</legend>
          {options.map((option) => (
            <label key={option.value}>
              <input type="checkbox" checked={filters[facet].has(option.value)} onChange={() => toggle(facet, option.value)} />{' '}
              {option.label}
            </label>
          ))}
        </fieldset>
      ))}
      {onMeasure && (
        <fieldset className="measure-choice">
          <legend>{i18n.t.measureLabel}</legend>
          {[null, ...MAP_MEASURES].map((m) => (
            <label key={m ?? 'none'}>
              <input type="radio" name="map-measure" checked={(measure ?? null) === m} onChange={() => onMeasure(m)} />{' '}
              {measureName(i18n.t, m)}
            </label>
          ))}
        </fieldset>
      )}
    </details>
  );
}
