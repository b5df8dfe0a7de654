import type { EntityType } from '../model/enums.ts';
import { entitySpec } from '../model/entities.ts';
import type { FieldValue } from '../model/validation.ts';
import type { ProjectState } from '../reads/project-state.ts';
import type { EntityRecord } from '../store/records.ts';
import { titleOf } from '../store/rules.ts';
import type { ProjectDiff } from './diff.ts';

/**
 * « Le chemin parcouru » in words: what a comparison of two moments of a project tells, sorted
 * into the sections the report names (who joined and left, whose engagement rose or fell, the
 * conflicts' lifecycle, externalities internalised, leaps, new cooperations), each line naming
 * its entity by label and the map element to focus.
 *
 * Every entity the diff counts as added, ended or changed is on exactly one line, the ones no
 * named section takes on the `other` section's: so the lines' count always equals
 * `totals.added + totals.ended + totals.changed`, and "nothing changed" is said only when those are 0.
 */
export const PATH_SECTIONS = [
  'joined',
  'left',
  'engagementRose',
  'engagementFell',
  'positionsMoved',
  'conflictsIdentified',
  'conflictsWorked',
  'conflictsArbitrated',
  'conflictsOvercome',
  'conflictsPersistent',
  'externalitiesInternalised',
  'leaps',
  'cooperationsNew',
  'other',
] as const;
export type PathSectionKey = (typeof PATH_SECTIONS)[number];

/** How the entity of a line changed between the two moments. */
export type PathChange = 'ADDED' | 'CHANGED' | 'ENDED';

export interface PathLine {
  /** The entity the line is about (an engagement for joined/left/rose/fell). */
  entityId: string;
  entityType: EntityType;
  change: PathChange;
  /** Its words: an actor's name, an objective's title, « A ↔ B » for a conflict, « A → B » for a position or a leap. */
  label: string;
  /** The map element (node or edge id) that shows it; null when the map has none (a milestone). */
  focusId: string | null;
  /** The value before and after, as codes or numbers: an engagement level, a conflict or externality status, a position. Null: none (not there yet, or gone). */
  from: string | number | null;
  to: string | number | null;
}

export interface PathSection {
  key: PathSectionKey;
  lines: PathLine[];
}

export interface PathSummary {
  /** The non-empty sections, in PATH_SECTIONS order. */
  sections: PathSection[];
  /** Entities added, ended and changed (the same counts as ProjectDiff.summary). */
  totals: { added: number; ended: number; changed: number };
}

const CONFLICT_SECTION: Record<string, PathSectionKey> = {
  IDENTIFIE: 'conflictsIdentified',
  MIS_AU_TRAVAIL: 'conflictsWorked',
  ARBITRE: 'conflictsArbitrated',
  DEPASSE: 'conflictsOvercome',
  PERSISTANT: 'conflictsPersistent',
};

const LEVEL_ORDER = ['CONCERNE', 'INFORME', 'PARTICIPANT', 'COOPERANT', 'MOTEUR'];

function scalar(value: FieldValue | undefined): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/**
 * Pure: the diff's story, sorted into sections. `before` and `after` are the two states the diff
 * compared (graph/src/history/project-diff.ts), for the names of the entities lines refer to.
 */
export function summarisePath(diff: ProjectDiff, before: ProjectState, after: ProjectState): PathSummary {
  const find = (id: unknown): EntityRecord | undefined =>
    typeof id === 'string' ? (after.byId.get(id) ?? before.byId.get(id)) : undefined;
  const name = (id: unknown): string => {
    const entity = find(id);
    return entity ? (titleOf(entitySpec(entity.type), entity.values) ?? '?') : '?';
  };
  const labelOf = (e: EntityRecord): string => {
    const v = e.values;
    switch (e.type) {
      case 'Engagement':
        return name(v.actorId);
      case 'Position':
        return `${name(v.actorId)} → ${name(v.objectiveId)}`;
      case 'Conflict':
      case 'Convergence':
        return `${name(v.objectiveAId)} ↔ ${name(v.objectiveBId)}`;
      case 'Cooperation':
        return `${name(v.actorAId)} ↔ ${name(v.actorBId)}`;
      case 'Influence':
        return `${name(v.fromActorId)} → ${name(v.toActorId)}`;
      case 'SystemicLeap':
        return `${name(v.fromPerimeterId)} → ${name(v.toPerimeterId)}`;
      default:
        return titleOf(entitySpec(e.type), v) ?? '?';
    }
  };
  const focusOf = (e: EntityRecord): string | null => {
    if (e.type === 'Engagement') return typeof e.values.actorId === 'string' ? e.values.actorId : null;
    if (e.type === 'Milestone' || e.type === 'Ecosystem') return null;
    return e.id;
  };

  const sections = new Map<PathSectionKey, PathLine[]>(PATH_SECTIONS.map((key) => [key, []]));
  const put = (
    key: PathSectionKey,
    e: EntityRecord,
    change: PathChange,
    from: FieldValue | undefined,
    to: FieldValue | undefined,
  ) =>
    sections.get(key)!.push({
      entityId: e.id,
      entityType: e.type,
      change,
      label: labelOf(e),
      focusId: focusOf(e),
      from: scalar(from),
      to: scalar(to),
    });

  for (const e of diff.added) {
    const v = e.values;
    if (e.type === 'Engagement') put('joined', e, 'ADDED', null, v.level);
    else if (e.type === 'Position') put('positionsMoved', e, 'ADDED', null, v.value);
    else if (e.type === 'Conflict') put(CONFLICT_SECTION[String(v.status)] ?? 'other', e, 'ADDED', null, v.status);
    else if (e.type === 'Externality' && v.status === 'INTERNALISEE')
      put('externalitiesInternalised', e, 'ADDED', null, v.status);
    else if (e.type === 'SystemicLeap') put('leaps', e, 'ADDED', null, null);
    else if (e.type === 'Cooperation') put('cooperationsNew', e, 'ADDED', null, null);
    else put('other', e, 'ADDED', null, null);
  }
  for (const e of diff.ended) {
    const v = e.values;
    if (e.type === 'Engagement') put('left', e, 'ENDED', v.level, null);
    else if (e.type === 'Position') put('positionsMoved', e, 'ENDED', v.value, null);
    else put('other', e, 'ENDED', null, null);
  }
  for (const { after: later, fields } of diff.changed) {
    const field = (name: string) => fields.find((f) => f.field === name);
    const level = field('level');
    const value = field('value');
    const status = field('status');
    if (later.type === 'Engagement' && level) {
      const rose = LEVEL_ORDER.indexOf(String(level.after)) > LEVEL_ORDER.indexOf(String(level.before));
      put(rose ? 'engagementRose' : 'engagementFell', later, 'CHANGED', level.before, level.after);
    } else if (later.type === 'Position' && value) put('positionsMoved', later, 'CHANGED', value.before, value.after);
    else if (later.type === 'Conflict' && status)
      put(CONFLICT_SECTION[String(status.after)] ?? 'other', later, 'CHANGED', status.before, status.after);
    else if (later.type === 'Externality' && status?.after === 'INTERNALISEE')
      put('externalitiesInternalised', later, 'CHANGED', status.before, status.after);
    else put('other', later, 'CHANGED', null, null);
  }

  return {
    sections: PATH_SECTIONS.map((key) => ({ key, lines: sections.get(key)! })).filter((s) => s.lines.length > 0),
    totals: { added: diff.added.length, ended: diff.ended.length, changed: diff.changed.length },
  };
}
