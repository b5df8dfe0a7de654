import { skipToken, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from '../../api/client.ts';
import { graphql } from '../../generated/gql.ts';
import { projectCounts, scaleMeasure, type MapMeasure, type ScaledMeasure } from '../../map/measure.ts';
import type { ProjectMapData } from '../../map/types.ts';

const MAP_MEASURES = graphql(`
  query MapMeasures($id: ID!, $asOf: DateTime) {
    projectAnalysis(projectId: $id, asOf: $asOf) {
      mactor { actors { id } normalisedBalanceOfPower powerAssessed }
      brokers { actor { id } betweenness }
    }
  }
`);

const MAP_TERRITORY_ENGAGEMENTS = graphql(`
  query MapTerritoryEngagements($id: ID!, $asOf: DateTime) {
    territory(id: $id, asOf: $asOf) { id projects { id engagements { actorId level } } }
  }
`);

/**
 * The values of the measure the map's actors are sized by, scaled 0…1 (measure.ts), with the
 * raw range for the legend. Engagement comes from the map itself; r* and betweenness from the
 * project's analysis; the number of projects from the territory's engagements. Null measure: none.
 */
export function useMapMeasure(
  measure: MapMeasure | null,
  projectId: string,
  territoryId: string | null,
  asOf: string | null,
  projectMap: ProjectMapData | null,
): { scaled: ScaledMeasure | null; loading: boolean } {
  const analysis = useQuery({
    queryKey: ['project', projectId, 'map-measures', asOf],
    queryFn: measure === 'rStar' || measure === 'betweenness' ? () => request(MAP_MEASURES, { id: projectId, asOf }) : skipToken,
  });
  const territory = useQuery({
    queryKey: ['territory', territoryId, 'map-engagements', asOf],
    queryFn:
      measure === 'projects' && territoryId ? () => request(MAP_TERRITORY_ENGAGEMENTS, { id: territoryId, asOf }) : skipToken,
  });
  const scaled = useMemo(() => {
    if (!measure || !projectMap) return null;
    const values = new Map<string, number>();
    if (measure === 'engagement') {
      for (const node of projectMap.nodes) {
        if (node.kind === 'ACTOR') values.set(node.id, Number(node.data.engagementRank ?? 0));
      }
    } else if (measure === 'rStar') {
      const mactor = analysis.data?.projectAnalysis.mactor;
      if (!mactor) return null;
      mactor.actors.forEach((a, i) => {
        // An actor whose power was not assessed has no value: drawn at the smallest size.
        if (mactor.powerAssessed[i]) values.set(a.id, mactor.normalisedBalanceOfPower[i] ?? 0);
      });
    } else if (measure === 'betweenness') {
      const brokers = analysis.data?.projectAnalysis.brokers;
      if (!brokers) return null;
      for (const b of brokers) values.set(b.actor.id, b.betweenness);
    } else {
      const projects = territory.data?.territory.projects;
      if (!projects) return null;
      for (const [id, n] of projectCounts(projects)) values.set(id, n);
    }
    return scaleMeasure(values);
  }, [measure, projectMap, analysis.data, territory.data]);
  return { scaled, loading: analysis.isFetching || territory.isFetching };
}
