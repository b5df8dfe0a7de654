import type { ProjectMapData } from '../map/types.ts';

/**
 * What stays lit when the wall focuses on something (issue 14 part 3). Pure over the API's map.
 *
 * - an actor: itself, its objectives and the objectives it takes a position on, the actors it
 *   cooperates with or influences (either way), and those objectives' conflicts and
 *   convergences with their other ends;
 * - an objective, an externality: itself, its neighbours and their links;
 * - a perimeter: its members and the links among them;
 * - an ecosystem: its members, their objectives and the links among those.
 *
 * Returns the node and edge ids kept, parents (perimeters) of kept nodes included; null when the
 * id names nothing on the map (no focus).
 */
export function focusIds(map: Pick<ProjectMapData, 'nodes' | 'edges' | 'ecosystems'>, id: string): Set<string> | null {
  const node = map.nodes.find((n) => n.id === id);
  const ecosystem = map.ecosystems.find((e) => e.id === id);
  if (!node && !ecosystem) return null;
  const kept = new Set<string>();
  const keepEdgesAmong = () => {
    for (const e of map.edges) if (kept.has(e.source) && kept.has(e.target)) kept.add(e.id);
  };
  if (ecosystem) {
    for (const member of ecosystem.memberIds) kept.add(member);
    for (const e of map.edges) if (e.kind === 'OWNS' && kept.has(e.source)) kept.add(e.target);
    keepEdgesAmong();
  } else if (node!.kind === 'PERIMETER') {
    kept.add(node!.id);
    for (const n of map.nodes) if (n.parent === node!.id) kept.add(n.id);
    keepEdgesAmong();
  } else {
    kept.add(node!.id);
    const objectives = new Set<string>();
    for (const e of map.edges) {
      if (e.source !== id && e.target !== id) continue;
      kept.add(e.id);
      const other = e.source === id ? e.target : e.source;
      kept.add(other);
      const otherNode = map.nodes.find((n) => n.id === other);
      if (otherNode?.kind === 'OBJECTIVE') objectives.add(other);
    }
    if (node!.kind === 'ACTOR') {
      // Objectives clash or converge: the actor's tensions are its objectives' conflicts.
      for (const e of map.edges) {
        if (e.kind !== 'CONFLICT' && e.kind !== 'CONVERGENCE') continue;
        if (!objectives.has(e.source) && !objectives.has(e.target)) continue;
        kept.add(e.id);
        kept.add(e.source);
        kept.add(e.target);
      }
    }
  }
  // A kept node's perimeter stays lit, or it would dim its members with it.
  for (const n of map.nodes) if (kept.has(n.id) && n.parent) kept.add(n.parent);
  return kept;
}

/** The map's nodes a typed name designates: actors first, then objectives (accent- and case-insensitive). */
export function matchByName(map: Pick<ProjectMapData, 'nodes'>, query: string): string | null {
  const norm = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .trim();
  const q = norm(query);
  if (!q) return null;
  const candidates = map.nodes.filter((n) => norm(n.label).includes(q));
  const order = ['ACTOR', 'OBJECTIVE', 'PERIMETER', 'EXTERNALITY'];
  candidates.sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      Number(!norm(a.label).startsWith(q)) - Number(!norm(b.label).startsWith(q)) ||
      a.label.length - b.label.length,
  );
  return candidates[0]?.id ?? null;
}
