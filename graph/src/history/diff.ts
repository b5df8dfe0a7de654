import type { EntityType } from '../model/enums.ts';
import { ENGAGEMENT_LEVELS } from '../model/enums.ts';
import type { FieldValue } from '../model/validation.ts';
import type { ProjectState } from '../reads/project-state.ts';
import type { EntityRecord } from '../store/records.ts';
import { sameValue } from '../store/rules.ts';
import type { DiffSummary } from '../model/diff-summary.ts';

/** What changed between two readings of the same project: "le chemin parcouru". */
export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}
export interface ChangedEntity {
  before: EntityRecord;
  after: EntityRecord;
  fields: FieldChange[];
}
export interface EngagementChange {
  actorId: string;
  before: string | null;
  after: string | null;
  /** Positive when the actor is more engaged at the later date. */
  delta: number;
}
export interface ValueMove {
  entity: EntityRecord;
  before: FieldValue;
  after: FieldValue;
}

export interface ProjectDiff {
  from: Date;
  to: Date;
  added: EntityRecord[];
  ended: EntityRecord[];
  changed: ChangedEntity[];
  actorsJoined: string[];
  actorsLeft: string[];
  engagementChanges: EngagementChange[];
  positionsMoved: ValueMove[];
  conflictsNew: EntityRecord[];
  conflictStatusChanges: ValueMove[];
  conflictsArbitrated: EntityRecord[];
  conflictsDepasses: EntityRecord[];
  externalitiesInternalised: EntityRecord[];
  leaps: EntityRecord[];
  cooperationsNew: EntityRecord[];
  summary: DiffSummary;
}

function levelRank(level: FieldValue | undefined): number {
  return ENGAGEMENT_LEVELS.indexOf(level as (typeof ENGAGEMENT_LEVELS)[number]);
}

function ofType(list: EntityRecord[], type: EntityType): EntityRecord[] {
  return list.filter((e) => e.type === type);
}

/** The project's own entities, keyed by id (actors come through their engagements). */
function projectEntities(state: ProjectState): Map<string, EntityRecord> {
  return new Map(state.entities.filter((e) => e.type !== 'Actor').map((e) => [e.id, e]));
}

function engagementsByActor(state: ProjectState): Map<string, EntityRecord> {
  return new Map(ofType(state.entities, 'Engagement').map((e) => [e.values.actorId as string, e]));
}

/** Pure: compares two states of one project. */
export function diffProjectStates(before: ProjectState, after: ProjectState): ProjectDiff {
  const a = projectEntities(before);
  const b = projectEntities(after);
  const added = [...b.values()].filter((e) => !a.has(e.id));
  const ended = [...a.values()].filter((e) => !b.has(e.id));
  const changed: ChangedEntity[] = [];
  for (const [id, later] of b) {
    const earlier = a.get(id);
    if (!earlier) continue;
    const fields = Object.keys(later.values)
      .filter((field) => !sameValue(earlier.values[field], later.values[field]))
      .map((field) => ({ field, before: earlier.values[field] ?? null, after: later.values[field] ?? null }));
    if (fields.length > 0) changed.push({ before: earlier, after: later, fields });
  }

  const engagedBefore = engagementsByActor(before);
  const engagedAfter = engagementsByActor(after);
  const actorsJoined = [...engagedAfter.keys()].filter((id) => !engagedBefore.has(id));
  const actorsLeft = [...engagedBefore.keys()].filter((id) => !engagedAfter.has(id));
  const engagementChanges: EngagementChange[] = [];
  for (const actorId of new Set([...engagedBefore.keys(), ...engagedAfter.keys()])) {
    const levelBefore = (engagedBefore.get(actorId)?.values.level as string | undefined) ?? null;
    const levelAfter = (engagedAfter.get(actorId)?.values.level as string | undefined) ?? null;
    if (levelBefore === levelAfter) continue;
    engagementChanges.push({
      actorId,
      before: levelBefore,
      after: levelAfter,
      delta: levelRank(levelAfter) - levelRank(levelBefore),
    });
  }

  const moves = (type: EntityType, field: string): ValueMove[] =>
    changed
      .filter((c) => c.after.type === type)
      .flatMap((c) =>
        c.fields.filter((f) => f.field === field).map((f) => ({ entity: c.after, before: f.before, after: f.after })),
      );
  const positionsMoved = moves('Position', 'value');
  const conflictStatusChanges = moves('Conflict', 'status');
  const conflictsNew = ofType(added, 'Conflict');
  const reachedStatus = (status: string) => [
    ...conflictStatusChanges.filter((m) => m.after === status).map((m) => m.entity),
    ...conflictsNew.filter((c) => c.values.status === status),
  ];
  const externalitiesInternalised = [
    ...moves('Externality', 'status')
      .filter((m) => m.after === 'INTERNALISEE')
      .map((m) => m.entity),
    ...ofType(added, 'Externality').filter((e) => e.values.status === 'INTERNALISEE'),
  ];
  const conflictsArbitrated = reachedStatus('ARBITRE');
  const conflictsDepasses = reachedStatus('DEPASSE');
  const leaps = ofType(added, 'SystemicLeap');
  const cooperationsNew = ofType(added, 'Cooperation');

  return {
    from: before.at,
    to: after.at,
    added,
    ended,
    changed,
    actorsJoined,
    actorsLeft,
    engagementChanges,
    positionsMoved,
    conflictsNew,
    conflictStatusChanges,
    conflictsArbitrated,
    conflictsDepasses,
    externalitiesInternalised,
    leaps,
    cooperationsNew,
    summary: {
      added: added.length,
      ended: ended.length,
      changed: changed.length,
      actorsJoined: actorsJoined.length,
      actorsLeft: actorsLeft.length,
      engagementGained: engagementChanges.filter((c) => c.delta > 0 && c.before !== null).length,
      engagementLost: engagementChanges.filter((c) => c.delta < 0 && c.after !== null).length,
      positionsMoved: positionsMoved.length,
      conflictsNew: conflictsNew.length,
      conflictsArbitrated: conflictsArbitrated.length,
      conflictsDepasses: conflictsDepasses.length,
      externalitiesInternalised: externalitiesInternalised.length,
      leaps: leaps.length,
      cooperationsNew: cooperationsNew.length,
    },
  };
}
