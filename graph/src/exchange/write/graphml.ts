import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { projectNetwork } from './network.ts';
import type { ProjectSnapshot } from './snapshot.ts';

const NS = 'http://graphml.graphdrawing.org/xmlns';

type KeyType = 'string' | 'double' | 'int';

const NODE_KEYS: [string, KeyType][] = [
  ['label', 'string'],
  ['type', 'string'],
  ['kind', 'string'],
  ['level', 'string'],
  ['description', 'string'],
  ['x', 'double'],
  ['y', 'double'],
  ['start', 'string'],
  ['end', 'string'],
];
const EDGE_KEYS: [string, KeyType][] = [
  ['label', 'string'],
  ['type', 'string'],
  ['weight', 'double'],
  ['start', 'string'],
  ['end', 'string'],
];

/**
 * The project as GraphML (yEd, Gephi, Cytoscape, NetworkX): nodes and edges with their
 * attributes declared as keys, each edge directed or not; GraphML has no time, so `start` and
 * `end` hold the first spell's start and the last spell's end. graphology-graphml only reads;
 * the document is built with xmldom, which escapes every value.
 */
export function writeGraphml(snapshot: ProjectSnapshot): string {
  const network = projectNetwork(snapshot);
  const document = new DOMImplementation().createDocument(NS, 'graphml', null);
  const root = document.documentElement!;
  const element = (name: string, attributes: Record<string, string>, parent: { appendChild(node: unknown): unknown }) => {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    parent.appendChild(node);
    return node;
  };
  for (const [name, type] of NODE_KEYS)
    element('key', { id: `n_${name}`, for: 'node', 'attr.name': name, 'attr.type': type }, root);
  for (const [name, type] of EDGE_KEYS)
    element('key', { id: `e_${name}`, for: 'edge', 'attr.name': name, 'attr.type': type }, root);
  // Undirected by default and `directed="true"` on the others: readers that only honour an
  // override towards directed (graphology's) read both kinds right.
  const graph = element('graph', { id: snapshot.project.id, edgedefault: 'undirected' }, root);
  const data = (parent: ReturnType<typeof element>, key: string, value: string | number | null) => {
    if (value === null || value === '') return;
    const node = element('data', { key }, parent);
    node.appendChild(document.createTextNode(String(value)));
  };
  network.forEachNode((key, a) => {
    const node = element('node', { id: key }, graph);
    data(node, 'n_label', a.label);
    data(node, 'n_type', a.type);
    data(node, 'n_kind', a.kind);
    data(node, 'n_level', a.level);
    data(node, 'n_description', a.description);
    data(node, 'n_x', a.x);
    data(node, 'n_y', a.y);
    data(node, 'n_start', a.spells[0]?.start ?? null);
    data(node, 'n_end', a.spells[a.spells.length - 1]?.end ?? null);
  });
  network.forEachEdge((key, a, source, target) => {
    const edge = element('edge', { id: key, source, target, ...(a.directed ? { directed: 'true' } : {}) }, graph);
    data(edge, 'e_label', a.label);
    data(edge, 'e_type', a.type);
    data(edge, 'e_weight', a.weight);
    data(edge, 'e_start', a.spells[0]?.start ?? null);
    data(edge, 'e_end', a.spells[a.spells.length - 1]?.end ?? null);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(document)}`;
}
