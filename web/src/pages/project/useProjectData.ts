import { milestoneInstant, ENTITIES } from '@trame/graph/model';
import { useCallback, useMemo } from 'react';
import type { EntityData } from '../../api/entities.ts';
import { PROJECT_LISTS } from '../../api/projectLists.ts';
import { useComparisonData, useTerritoryActors } from '../../api/queries.ts';
import { useProjectView } from '../../api/useProjectView.ts';
import { useProjectLive } from '../../live/useProjectLive.ts';
import { comparisonFromDiff, type Comparison } from '../../map/elements.ts';
import type { RefOptions } from '../../panels/EntityForm.tsx';
import { entityTitle } from '../../panels/titles.ts';
import type { EditorParams } from '../../routes.ts';

export type Milestone = EntityData & { name: string; date: string };

/**
 * Everything the editor reads, for the URL's date, comparison and workshop: the project's view
 * now (its milestones date a comparison), the view at the date read (`asOf`), the comparison's
 * two sides and the territory's actors for the forms. Plus the lookups the panels need.
 */
export function useProjectData(projectId: string, { date, compare, workshop }: EditorParams) {
  // Milestones are needed to know the comparison's dates: they come with the view itself.
  const base = useProjectView(projectId, null, workshop);
  // The map now follows everyone's edits live (the workshop's too), once it is here.
  useProjectLive(projectId, workshop, { enabled: date === null && !compare && base.data !== null, refreshLists: true });
  const milestones = (base.data?.project.milestones ?? []) as Milestone[];
  const compareDates = compare
    ? { from: milestones.find((m) => m.id === compare.from)?.date, to: milestones.find((m) => m.id === compare.to)?.date }
    : null;
  /** The instant read: the later milestone's end of day when comparing, else the URL's date. */
  const asOf = compareDates?.to ? milestoneInstant(compareDates.to).toISOString() : date;
  // A relecteur, or a pilot of another project, reads the map and edits nothing.
  const canEdit = base.data?.project.can.edit ?? false;
  const readOnly = asOf !== null || workshop || !canEdit;
  const view = useProjectView(projectId, asOf, workshop, { enabled: asOf !== null });
  const current = asOf === null ? base : view;
  const data = current.data;

  const { diff, fromMap } = useComparisonData(
    projectId,
    compare && compareDates?.from ? { ...compare, fromDate: compareDates.from } : null,
    workshop,
  );
  const territoryActors = useTerritoryActors(data && !readOnly ? data.project.territory.id : null);

  const byId = useMemo(() => {
    const map = new Map<string, EntityData>();
    if (!data) return map;
    map.set(data.project.id, data.project);
    for (const [list] of PROJECT_LISTS)
      for (const entity of (data.project[list] as EntityData[] | undefined) ?? []) map.set(entity.id, entity);
    for (const actor of territoryActors.data?.territory.actors ?? []) if (!map.has(actor.id)) map.set(actor.id, actor);
    return map;
  }, [data, territoryActors.data]);

  const comparison = useMemo<Comparison | null>(
    () => (compare && diff && fromMap ? comparisonFromDiff(diff, fromMap) : null),
    [compare, diff, fromMap],
  );

  const refOptions = useMemo<RefOptions>(() => {
    const options: RefOptions = {};
    const nameOf = (id: string) => {
      const e = byId.get(id);
      return e ? String(e[ENTITIES[e.__typename].titleField] ?? id) : null;
    };
    for (const entity of byId.values())
      (options[entity.__typename] ??= []).push({ id: entity.id, label: entityTitle(entity, nameOf) });
    for (const list of Object.values(options)) list.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
    return options;
  }, [byId]);

  const titleOf = useCallback(
    (id: string): string | null => {
      const entity = byId.get(id);
      return entity ? entityTitle(entity, (other) => (other === id ? null : titleOf(other))) : null;
    },
    [byId],
  );

  return {
    data,
    error: current.error,
    loading: current.loading,
    refetch: current.refetch,
    asOf,
    readOnly,
    canEdit,
    canShare: base.data?.project.can.share ?? false,
    milestones,
    compareDates,
    diff,
    comparison,
    byId,
    refOptions,
    titleOf,
  };
}
