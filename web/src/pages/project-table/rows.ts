import { ENGAGEMENT_LEVELS, nearNameKey } from '@trame/graph/model';
import type { EntityData } from '../../api/entities.ts';

/**
 * The project as rows for the table view (pure): actors with their engagement, objectives,
 * the actor × objective grid of positions, and the relations. Entities stay attached to their
 * rows, so a cell edits the very version it shows.
 */

export interface ActorRow {
  id: string;
  actor: EntityData;
  engagement: EntityData | null;
  name: string;
  kind: string;
  /** The engagement level's code, or '' (sorted by `levelRank`). */
  level: string;
  /** 0 (concerné non impliqué) … 4 (moteur); -1 without engagement. */
  levelRank: number;
  role: string;
  perimeter: string;
  /** How many positions the actor holds in the project. */
  positions: number;
}

export interface ObjectiveRow {
  id: string;
  objective: EntityData;
  title: string;
  carriedBy: string;
  dimensions: string[];
  nature: string;
  perimeter: string;
}

export interface GridRow {
  id: string;
  actor: EntityData;
  name: string;
  /** Objective id → the actor's position on it, or null. */
  positions: Record<string, EntityData | null>;
}

export type RelationType = 'Cooperation' | 'Influence' | 'Convergence' | 'Conflict';

export interface RelationRow {
  id: string;
  entity: EntityData;
  type: RelationType;
  from: string;
  to: string;
  /** An influence (0…4) or a conflict's intensity (1…4); null otherwise. */
  value: number | null;
  /** A conflict's status code, or ''. */
  status: string;
  note: string;
}

export interface ProjectTables {
  actors: ActorRow[];
  objectives: ObjectiveRow[];
  grid: GridRow[];
  relations: RelationRow[];
}

type Lists = Record<string, unknown>;

const list = (project: Lists, name: string) => ((project[name] as EntityData[] | undefined) ?? []).filter((e) => !e.validTo);
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');

/** The tables of a project read with every list (PROJECT_LISTS); `titleOf` names references. */
export function projectTables(project: Lists, titleOf: (id: string) => string | null): ProjectTables {
  const name = (id: unknown) => (id ? (titleOf(String(id)) ?? '') : '');
  const engagements = new Map(list(project, 'engagements').map((e) => [String(e.actorId), e]));
  const positions = list(project, 'positions');
  const objectives = list(project, 'objectives');
  const actors = list(project, 'actors');

  const actorRows: ActorRow[] = actors
    .map((actor) => {
      const engagement = engagements.get(actor.id) ?? null;
      const level = text(engagement?.level);
      return {
        id: actor.id,
        actor,
        engagement,
        name: text(actor.name),
        kind: text(actor.kind),
        level,
        levelRank: (ENGAGEMENT_LEVELS as readonly string[]).indexOf(level),
        role: text(engagement?.role),
        perimeter: name(engagement?.perimeterId),
        positions: positions.filter((p) => p.actorId === actor.id).length,
      };
    })
    .sort(byName);

  const objectiveRows: ObjectiveRow[] = objectives
    .map((objective) => ({
      id: objective.id,
      objective,
      title: text(objective.title),
      carriedBy: name(objective.actorId),
      dimensions: (objective.dimensions as string[] | null) ?? [],
      nature: text(objective.nature),
      perimeter: name(objective.perimeterId),
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'fr'));

  const grid: GridRow[] = actorRows.map((row) => ({
    id: row.id,
    actor: row.actor,
    name: row.name,
    positions: Object.fromEntries(
      objectiveRows.map((o) => [o.id, positions.find((p) => p.actorId === row.id && p.objectiveId === o.id) ?? null]),
    ),
  }));

  const relation = (type: RelationType, entity: EntityData, from: unknown, to: unknown, value: unknown): RelationRow => ({
    id: entity.id,
    entity,
    type,
    from: name(from),
    to: name(to),
    value: value === null || value === undefined ? null : Number(value),
    status: text(entity.status),
    note: text(entity.note ?? entity.commitments),
  });
  const relations: RelationRow[] = [
    ...list(project, 'cooperations').map((e) => relation('Cooperation', e, e.actorAId, e.actorBId, null)),
    ...list(project, 'influences').map((e) => relation('Influence', e, e.fromActorId, e.toActorId, e.value)),
    ...list(project, 'convergences').map((e) => relation('Convergence', e, e.objectiveAId, e.objectiveBId, null)),
    ...list(project, 'conflicts').map((e) => relation('Conflict', e, e.objectiveAId, e.objectiveBId, e.intensity)),
  ];

  return { actors: actorRows, objectives: objectiveRows, grid, relations };
}

/**
 * Whether a row matches the filter typed: every word of it is found in one of the row's texts,
 * case, accents and punctuation set aside (`nearNameKey`, as the near-duplicate warning).
 */
export function matchesFilter(texts: readonly string[], filter: string): boolean {
  const words = nearNameKey(filter).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.map(nearNameKey).join(' | ');
  return words.every((word) => haystack.includes(word));
}

/** A position as the grid writes it: « +2 », « −1 », « 0 ». */
export function signedValue(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}
