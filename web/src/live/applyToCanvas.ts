import type { Core } from 'cytoscape';
import { toElements, type ElementOptions } from '../map/elements.ts';
import type { ElementDef, ProjectMapData } from '../map/types.ts';
import type { LiveEvent } from './applyLiveEvent.ts';

/**
 * A live event straight onto a Cytoscape canvas (ADR 0010): the wall draws an edit in the frame
 * after it arrives, without a React render of the page or a pass over every element.
 */

/**
 * The element definitions a PATCH event touches, as the canvas draws them: `toElements` of the
 * map after the event (`next`, with the canvas's own options), kept to the event's ids. Pure;
 * O(elements of the map).
 */
export function patchedDefs(next: ProjectMapData, event: LiveEvent, options: ElementOptions): ElementDef[] {
  const ids = new Set<string>();
  for (const element of event.nodes) ids.add(element.id);
  for (const element of event.edges) ids.add(element.id);
  if (ids.size === 0) return [];
  return toElements(next, options).filter((def) => ids.has(def.data.id));
}

/** Whether an element's data already holds `next` (its keys, by value; Cytoscape keeps `id` and may add none). */
export function sameData(current: Record<string, unknown>, next: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
  for (const key of keys) {
    const [a, b] = [current[key], next[key]];
    if (Object.is(a, b)) continue;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (JSON.stringify(a) !== JSON.stringify(b)) return false;
  }
  return true;
}

/**
 * Classes the canvas itself puts on elements over their definition's (label sides and
 * abbreviations, the story's halo, the focus's dimming): a live edit keeps them.
 */
function isCanvasClass(name: string): boolean {
  return name.startsWith('label-') || name.startsWith('story-') || name === 'dimmed' || name === 'found';
}

/**
 * The element's classes after `def`: the definition's, and those of the canvas's own that `keep`
 * names (default: all of them); null when unchanged (setting classes restyles the element).
 */
export function nextClasses(
  current: readonly string[],
  def: ElementDef,
  keep: (name: string) => boolean = isCanvasClass,
): string | null {
  const own = (def.classes ?? '').split(/\s+/).filter(Boolean);
  const kept = current.filter(keep);
  const base = current.filter((name) => !keep(name));
  if (base.length === own.length && base.every((name, i) => name === own[i])) return null;
  return [...own, ...kept].join(' ');
}

/**
 * Applies `defs` (replace or add) and `removedIds` (remove) to `cy` in one batch, touching only
 * what differs (a touched element is restyled and re-measured). Refuses — changes nothing and
 * returns false — what needs the full render path: a new node (it needs a place among the
 * others), a node moving to another parent, an edge changing ends. New edges join as they are.
 */
export function applyDefsInPlace(cy: Core, defs: readonly ElementDef[], removedIds: readonly string[]): boolean {
  for (const def of defs) {
    const existing = cy.getElementById(def.data.id);
    if (existing.empty()) {
      if (def.group === 'nodes') return false;
      const ends = [def.data.source, def.data.target].map((id) => cy.getElementById(String(id)));
      if (ends.some((end) => end.empty() || removedIds.includes(end.id()))) return false;
      continue;
    }
    if (existing.isNode() && (existing.data('parent') ?? null) !== (def.data.parent ?? null)) return false;
    if (existing.isEdge() && (existing.data('source') !== def.data.source || existing.data('target') !== def.data.target))
      return false;
  }
  cy.batch(() => {
    for (const id of removedIds) cy.getElementById(id).remove();
    for (const def of defs) {
      const existing = cy.getElementById(def.data.id);
      if (existing.empty()) {
        cy.add({ group: def.group, data: def.data, classes: def.classes ?? '' });
        continue;
      }
      if (!sameData(existing.data() as Record<string, unknown>, def.data)) existing.data(def.data);
      const classes = nextClasses(existing.classes(), def);
      if (classes !== null) existing.classes(classes);
    }
  });
  return true;
}
