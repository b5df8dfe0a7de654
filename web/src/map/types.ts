import type { MapEcosystem, MapEdge, MapNode } from '@trame/graph/model';

export type { MapEcosystem, MapEdge, MapEdgeKind, MapNode, MapNodeKind } from '@trame/graph/model';

/** The API's projectMap, as the web app receives it (JSON: dates are strings). */
export interface ProjectMapData {
  asOf?: string;
  nodes: MapNode[];
  edges: MapEdge[];
  ecosystems: MapEcosystem[];
  perimeterOrder: string[];
}

/** A Cytoscape element definition, kept to what we produce. */
export interface ElementDef {
  group: 'nodes' | 'edges';
  data: Record<string, unknown> & { id: string };
  classes?: string;
  position?: { x: number; y: number };
}
