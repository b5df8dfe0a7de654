import type { EntityType } from '@trame/graph/model';

interface Words {
  t: { pathNoLevel: string; pathAdded: string; pathChanged: string; pathEnded: string };
  enumLabel(code: string): string;
  entity(type: EntityType): string;
}

interface Line {
  entityType: string;
  change: string;
  from: unknown;
  to: unknown;
}

function value(v: unknown, words: Words): string {
  if (v === null || v === undefined) return words.t.pathNoLevel;
  if (typeof v === 'number') return v > 0 ? `+${v}` : String(v);
  return words.enumLabel(String(v));
}

/**
 * The « from → to » of a line of « le chemin parcouru » in words: engagement levels and statuses
 * by their labels (« Informé → Coopérant »), positions signed (« +1 → −2 »); for a line of the
 * « other » section, what the element is and what happened to it (« Objectif · ajouté »).
 * Null when there is nothing to add to the label (a leap, a cooperation).
 */
export function lineValues(line: Line, section: string, words: Words): string | null {
  if (section === 'other') {
    const what = { ADDED: words.t.pathAdded, CHANGED: words.t.pathChanged, ENDED: words.t.pathEnded }[line.change] ?? '';
    return `${words.entity(line.entityType as EntityType)} · ${what}`;
  }
  if (line.from === null && line.to === null) return null;
  // An actor who joined: the level they came in at; one who left: the level they had.
  if (section === 'joined') return value(line.to, words);
  if (section === 'left') return value(line.from, words);
  // A position or conflict new since the first moment, or gone by the second: say so, not « absent ».
  if (line.change === 'ADDED' && line.from === null)
    return `${words.t.pathAdded} : ${value(line.to, words)}`.replace(/-(\d)/g, '−$1');
  if (line.change === 'ENDED' && line.to === null)
    return `${value(line.from, words)} · ${words.t.pathEnded}`.replace(/-(\d)/g, '−$1');
  return `${value(line.from, words)} → ${value(line.to, words)}`.replace(/-(\d)/g, '−$1');
}
