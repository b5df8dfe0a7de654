/** The API's projectMap, as the web app receives it. */
export type MapNodeKind = 'ACTOR' | 'OBJECTIVE' | 'PERIMETER' | 'EXTERNALITY';
export type MapEdgeKind =
  | 'POSITION'
  | 'OWNS'
  | 'CONVERGENCE'
  | 'CONFLICT'
  | 'EXTERNALITY_SOURCE'
  | 'EXTERNALITY_EFFECT'
  | 'COOPERATION'
  | 'INFLUENCE'
  | 'LEAP';

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  label: string;
  parent: string | null;
  entityVersion: number;
  data: Record<string, unknown>;
}

export interface MapEdge {
  id: string;
  kind: MapEdgeKind;
  source: string;
  target: string;
  label: string | null;
  entityVersion: number;
  data: Record<string, unknown>;
}

export interface MapEcosystem {
  id: string;
  name: string;
  memberIds: string[];
  perimeterId: string | null;
}

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
