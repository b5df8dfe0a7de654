import type { ElementDef, MapEdge, MapNode, ProjectMapData } from './types.ts';

/**
 * From the API's projectMap to Cytoscape elements: grouping, filters and comparison classes.
 * Pure, so it is tested without a browser.
 */
export type Grouping = 'perimeter' | 'ecosystem' | 'kind' | 'none';

export interface MapFilters {
  /** Empty set: no filter on that facet. */
  actorKinds: ReadonlySet<string>;
  engagements: ReadonlySet<string>;
  perimeters: ReadonlySet<string>;
  conflictStatuses: ReadonlySet<string>;
}

export const NO_FILTERS: MapFilters = {
  actorKinds: new Set(),
  engagements: new Set(),
  perimeters: new Set(),
  conflictStatuses: new Set(),
};

/** Comparison between two dates: ids added since, changed since, or ended since (ghosts). */
export interface Comparison {
  added: ReadonlySet<string>;
  changed: ReadonlySet<string>;
  /** Elements of the earlier map that are gone: drawn faded so the eye sees what ended. */
  ended: { nodes: MapNode[]; edges: MapEdge[] };
}

export interface ElementOptions {
  grouping: Grouping;
  filters?: MapFilters;
  comparison?: Comparison | null;
  /** Group labels (actor kinds, ecosystem names) in the UI language. */
  groupLabel?: (kind: 'kind' | 'ecosystem', key: string) => string;
  /** Dates on the leaps, in the UI language. */
  formatDate?: (iso: string) => string;
  /**
   * Size actors by a measure of the analysis (measure.ts): actor id → 0…1. Given, every actor
   * node gets `measure` (its scaled value) or `measureMissing` (no value: power not assessed…).
   */
  measure?: ReadonlyMap<string, number> | null;
}

const passes = (set: ReadonlySet<string>, value: unknown) => set.size === 0 || (typeof value === 'string' && set.has(value));

function nodeVisible(node: MapNode, filters: MapFilters): boolean {
  switch (node.kind) {
    case 'ACTOR':
      return (
        passes(filters.actorKinds, node.data.actorKind) &&
        passes(filters.engagements, node.data.engagement) &&
        (filters.perimeters.size === 0 || passes(filters.perimeters, node.data.perimeterId))
      );
    case 'OBJECTIVE':
      return filters.perimeters.size === 0 || passes(filters.perimeters, node.data.perimeterId);
    case 'PERIMETER':
      return passes(filters.perimeters, node.id);
    case 'EXTERNALITY':
      return true;
  }
}

function edgeVisible(edge: MapEdge, filters: MapFilters): boolean {
  return edge.kind !== 'CONFLICT' || passes(filters.conflictStatuses, edge.data.status);
}

/** The compound parent of a node under a grouping. */
function parentOf(node: MapNode, grouping: Grouping): string | null {
  switch (grouping) {
    case 'perimeter':
      return node.parent;
    case 'ecosystem': {
      const ecosystems = (node.data.ecosystemIds as string[] | undefined) ?? [];
      return node.kind === 'ACTOR' && ecosystems[0] ? `group-eco-${ecosystems[0]}` : null;
    }
    case 'kind':
      return node.kind === 'ACTOR' ? `group-kind-${String(node.data.actorKind)}` : null;
    case 'none':
      return null;
  }
}

/** An element is added or changed when the entity behind it is: an actor node also answers for its engagement. */
function compareClass(id: string, data: Record<string, unknown>, comparison: Comparison | null | undefined): string {
  if (!comparison) return '';
  const ids = [id, data.entityId, data.engagementId].filter((x): x is string => typeof x === 'string');
  if (ids.some((x) => comparison.added.has(x))) return ' added';
  if (ids.some((x) => comparison.changed.has(x))) return ' changed';
  return '';
}

function nodeDef(
  node: MapNode,
  grouping: Grouping,
  extraClass: string,
  measure: ReadonlyMap<string, number> | null = null,
): ElementDef {
  const parent = parentOf(node, grouping);
  const measured =
    measure && node.kind === 'ACTOR' ? (measure.has(node.id) ? { measure: measure.get(node.id) } : { measureMissing: true }) : {};
  return {
    group: 'nodes',
    data: {
      ...node.data,
      ...measured,
      id: node.id,
      label: node.label,
      kind: node.kind,
      entityVersion: node.entityVersion,
      ...(parent ? { parent } : {}),
    },
    classes: `${node.kind.toLowerCase()}${extraClass}`,
  };
}

function edgeDef(edge: MapEdge, extraClass: string, formatDate: (iso: string) => string): ElementDef {
  // A leap reads on its arrow: when it happened and what it was seized from.
  const label =
    edge.kind === 'LEAP' && typeof edge.data.date === 'string'
      ? `${formatDate(edge.data.date)} · ${edge.label ?? ''}`
      : (edge.label ?? '');
  return {
    group: 'edges',
    data: {
      ...edge.data,
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label,
      kind: edge.kind,
      entityVersion: edge.entityVersion,
    },
    classes: `${edge.kind.toLowerCase().replace(/_/g, '-')}${extraClass}`,
  };
}

export function toElements(map: ProjectMapData, options: ElementOptions): ElementDef[] {
  const filters = options.filters ?? NO_FILTERS;
  const { grouping, comparison } = options;
  const label = options.groupLabel ?? ((_kind, key) => key);
  const formatDate = options.formatDate ?? ((iso: string) => iso.slice(0, 10));
  const elements: ElementDef[] = [];
  const visible = new Set<string>();

  const allNodes = [...map.nodes, ...(comparison?.ended.nodes ?? []).filter((n) => !map.nodes.some((m) => m.id === n.id))];
  const endedIds = new Set((comparison?.ended.nodes ?? []).map((n) => n.id));
  for (const node of allNodes) {
    if (node.kind === 'PERIMETER' && grouping !== 'perimeter') continue;
    if (!nodeVisible(node, filters)) continue;
    visible.add(node.id);
    elements.push(
      nodeDef(
        node,
        grouping,
        endedIds.has(node.id) && !map.nodes.includes(node) ? ' ended' : compareClass(node.id, node.data, comparison),
        options.measure ?? null,
      ),
    );
  }

  // Compound group nodes for the ecosystem and kind groupings.
  const groups = new Map<string, string>();
  for (const element of elements) {
    const parent = element.data.parent as string | undefined;
    if (!parent || groups.has(parent)) continue;
    if (parent.startsWith('group-kind-')) groups.set(parent, label('kind', parent.slice('group-kind-'.length)));
    if (parent.startsWith('group-eco-')) {
      const eco = map.ecosystems.find((e) => `group-eco-${e.id}` === parent);
      groups.set(parent, eco ? eco.name : parent);
    }
  }
  for (const [id, groupName] of groups) {
    elements.unshift({ group: 'nodes', data: { id, label: groupName, kind: 'GROUP' }, classes: 'group' });
  }
  // A parent filtered out leaves its children at the top level.
  for (const element of elements) {
    const parent = element.data.parent as string | undefined;
    if (parent && !visible.has(parent) && !groups.has(parent)) delete element.data.parent;
  }

  const endedEdges = new Set((comparison?.ended.edges ?? []).map((e) => e.id));
  const allEdges = [...map.edges, ...(comparison?.ended.edges ?? []).filter((e) => !map.edges.some((m) => m.id === e.id))];
  for (const edge of allEdges) {
    if (edge.kind === 'LEAP' && grouping !== 'perimeter') continue;
    if (!visible.has(edge.source) || !visible.has(edge.target) || !edgeVisible(edge, filters)) continue;
    const state = endedEdges.has(edge.id) && !map.edges.includes(edge) ? ' ended' : compareClass(edge.id, edge.data, comparison);
    elements.push(edgeDef(edge, state, formatDate));
  }
  return elements;
}

/** The entity an element stands for: edges derived from an entity carry its id. */
export function entityIdOf(data: Record<string, unknown> & { id: string }): string {
  return typeof data.entityId === 'string' ? data.entityId : data.id;
}

/** Case- and accent-insensitive search over labels. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function searchNodes(map: ProjectMapData, query: string): MapNode[] {
  const q = normalise(query.trim());
  if (!q) return [];
  return map.nodes.filter((n) => n.kind !== 'PERIMETER' && normalise(n.label).includes(q));
}

/** The comparison of two milestones from the API's diff and the earlier map: what ended shows as ghosts. */
export function comparisonFromDiff(
  diff: { added: { id: string }[]; ended: { id: string }[]; changed: { entity: { id: string } }[] },
  earlier: Pick<ProjectMapData, 'nodes' | 'edges'>,
): Comparison {
  const endedIds = new Set(diff.ended.map((e) => e.id));
  const isEnded = (data: Record<string, unknown>, id: string) =>
    [id, data.entityId, data.engagementId].some((x) => typeof x === 'string' && endedIds.has(x));
  return {
    added: new Set(diff.added.map((e) => e.id)),
    changed: new Set(diff.changed.map((c) => c.entity.id)),
    ended: {
      nodes: earlier.nodes.filter((n) => isEnded(n.data, n.id)),
      edges: earlier.edges.filter((e) => isEnded(e.data, e.id)),
    },
  };
}
