import { projectNetwork } from './network.ts';
import type { ProjectSnapshot } from './snapshot.ts';

/** Cytoscape desktop's JSON network (File › Import › Network from File, .cyjs). */
export interface Cyjs {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; shared_name: string; selected: boolean };
  elements: {
    nodes: { data: Record<string, string | number>; position: { x: number; y: number } }[];
    edges: { data: Record<string, string | number | boolean> }[];
  };
}

/**
 * The project for Cytoscape desktop, with the map's positions (`layout`, or a circle):
 * `name` is what Cytoscape labels nodes with, `interaction` the relation of an edge.
 */
export function writeCyjs(snapshot: ProjectSnapshot): Cyjs {
  const network = projectNetwork(snapshot);
  const name = `${snapshot.project.name} — ${snapshot.territory.name}`;
  return {
    format_version: '1.0',
    generated_by: 'Trame',
    target_cytoscapejs_version: '~2.1',
    data: { name, shared_name: name, selected: true },
    elements: {
      nodes: network.mapNodes((key, a) => ({
        data: {
          id: key,
          name: a.label,
          shared_name: a.label,
          type: a.type,
          kind: a.kind,
          level: a.level,
          description: a.description,
          start: a.spells[0]?.start ?? '',
        },
        position: { x: a.x, y: a.y },
      })),
      edges: network.mapEdges((key, a, source, target) => ({
        data: {
          id: key,
          source,
          target,
          interaction: a.type,
          shared_interaction: a.type,
          name: `${network.getNodeAttribute(source, 'label')} (${a.type}) ${network.getNodeAttribute(target, 'label')}`,
          label: a.label,
          weight: a.weight,
          directed: a.directed,
        },
      })),
    },
  };
}
