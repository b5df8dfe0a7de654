import { projectNetwork } from './network.ts';
import type { ProjectSnapshot } from './snapshot.ts';

/** Kumu's JSON import: elements by label, connections from label to label. */
export interface KumuJson {
  elements: { label: string; type: string; description: string; tags: string[]; attributes: Record<string, string> }[];
  connections: { from: string; to: string; type: string; direction: 'directed' | 'mutual'; strength: number; label: string }[];
}

/**
 * The project as Kumu's JSON (Import › JSON): elements named by their label, connections
 * from label to label, the relation as their `type` and its value as `strength`. Read back by
 * Trame's import as a Relations sheet when flattened to From/To/Type/Force.
 */
export function writeKumu(snapshot: ProjectSnapshot): KumuJson {
  const network = projectNetwork(snapshot);
  return {
    elements: network.mapNodes((_key, a) => ({
      label: a.label,
      type: a.type === 'Acteur' ? a.kind : a.type,
      description: a.description,
      tags: [a.type, ...(a.level ? [a.level] : [])],
      attributes: { engagement: a.level, depuis: a.spells[0]?.start ?? '' },
    })),
    connections: network.mapEdges((_key, a, source, target) => ({
      from: network.getNodeAttribute(source, 'label'),
      to: network.getNodeAttribute(target, 'label'),
      type: a.type,
      direction: a.directed ? 'directed' : 'mutual',
      strength: a.weight,
      label: a.label,
    })),
  };
}
