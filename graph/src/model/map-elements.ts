// The elements of a project map as the API sends them: shared by graph/ and web/.
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
