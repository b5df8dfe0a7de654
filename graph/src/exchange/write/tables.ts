import type { FieldValue } from '../../model/validation.ts';
import { enumLabel } from '../map/labels.ts';
import { SHEETS, type SheetKind } from '../map/vocabulary.ts';
import { entitiesOf, titleOf, type ProjectSnapshot, type SnapshotEntity } from './snapshot.ts';

/** A day cell: written as a date cell in a workbook, as 'YYYY-MM-DD' in a CSV. */
export interface DayCell {
  day: string;
}
export type TableCell = string | number | DayCell | null;

export interface Table {
  /** The sheet's name (French), also the CSV file's base name. */
  name: string;
  kind: SheetKind | 'positionMatrix' | 'influenceMatrix';
  rows: TableCell[][];
}

const day = (iso: string | null): DayCell | null => (iso ? { day: iso.slice(0, 10) } : null);

function cell(value: FieldValue | undefined): TableCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return value.join(' | ');
  return value;
}

/** A closed-vocabulary value (or list): its French label(s). */
function code(value: FieldValue | undefined): TableCell {
  if (typeof value === 'string') return enumLabel(value);
  if (Array.isArray(value)) return value.map(enumLabel).join(' | ');
  return cell(value);
}

/** The text a reference field holds: the referenced entity's name (or the ids' names, joined by `|`). */
function ref(snapshot: ProjectSnapshot, value: FieldValue | undefined): TableCell {
  if (typeof value === 'string') return titleOf(snapshot, value);
  if (Array.isArray(value)) return value.map((id) => titleOf(snapshot, id)).join(' | ');
  return null;
}

type Getter = (entity: SnapshotEntity, snapshot: ProjectSnapshot) => TableCell;

/** For each exported kind, the cell of each column key. Text values go through `cell`, which writes labels for codes. */
const GETTERS: Record<Exclude<SheetKind, 'actors' | 'edges'>, Record<string, Getter>> = {
  perimeters: { name: (e) => cell(e.values.name), description: (e) => cell(e.values.description) },
  objectives: {
    title: (e) => cell(e.values.title),
    actor: (e, s) => ref(s, e.values.actorId),
    description: (e) => cell(e.values.description),
    dimensions: (e) => code(e.values.dimensions),
    nature: (e) => code(e.values.nature),
    confidential: (e) => cell(e.values.confidential ?? false),
    perimeter: (e, s) => ref(s, e.values.perimeterId),
  },
  positions: {
    actor: (e, s) => ref(s, e.values.actorId),
    objective: (e, s) => ref(s, e.values.objectiveId),
    value: (e) => cell(e.values.value),
    note: (e) => cell(e.values.note),
  },
  influences: {
    from: (e, s) => ref(s, e.values.fromActorId),
    to: (e, s) => ref(s, e.values.toActorId),
    value: (e) => cell(e.values.value),
  },
  cooperations: {
    actorA: (e, s) => ref(s, e.values.actorAId),
    actorB: (e, s) => ref(s, e.values.actorBId),
    commitments: (e) => cell(e.values.commitments),
    counterparts: (e) => cell(e.values.counterparts),
  },
  convergences: {
    objectiveA: (e, s) => ref(s, e.values.objectiveAId),
    objectiveB: (e, s) => ref(s, e.values.objectiveBId),
    note: (e) => cell(e.values.note),
  },
  conflicts: {
    objectiveA: (e, s) => ref(s, e.values.objectiveAId),
    objectiveB: (e, s) => ref(s, e.values.objectiveBId),
    intensity: (e) => cell(e.values.intensity),
    status: (e) => code(e.values.status),
    arbitration: (e) => cell(e.values.arbitration),
    note: (e) => cell(e.values.note),
    confidential: (e) => cell(e.values.confidential ?? false),
  },
  externalities: {
    description: (e) => cell(e.values.description),
    sign: (e) => code(e.values.sign),
    affected: (e, s) => ref(s, e.values.affectedActorIds),
    objective: (e, s) => ref(s, e.values.objectiveId),
    status: (e) => code(e.values.status),
    internalisation: (e) => cell(e.values.internalisation),
  },
  milestones: {
    name: (e) => cell(e.values.name),
    date: (e) => (typeof e.values.date === 'string' ? { day: e.values.date } : null),
    description: (e) => cell(e.values.description),
  },
  ecosystems: {
    name: (e) => cell(e.values.name),
    members: (e, s) => ref(s, e.values.memberIds),
    perimeter: (e, s) => ref(s, e.values.perimeterId),
    description: (e) => cell(e.values.description),
  },
  leaps: {
    from: (e, s) => ref(s, e.values.fromPerimeterId),
    to: (e, s) => ref(s, e.values.toPerimeterId),
    trigger: (e) => cell(e.values.trigger),
    description: (e) => cell(e.values.description),
  },
};

const TYPE_OF: Record<Exclude<SheetKind, 'actors' | 'edges'>, SnapshotEntity['type']> = {
  perimeters: 'Perimeter',
  objectives: 'Objective',
  positions: 'Position',
  influences: 'Influence',
  cooperations: 'Cooperation',
  convergences: 'Convergence',
  conflicts: 'Conflict',
  externalities: 'Externality',
  milestones: 'Milestone',
  ecosystems: 'Ecosystem',
  leaps: 'SystemicLeap',
};

function table(kind: Exclude<SheetKind, 'actors' | 'edges'>, snapshot: ProjectSnapshot): Table {
  const spec = SHEETS[kind];
  const getters = GETTERS[kind];
  const keys = spec.columns.map((c) => c.key).filter((key) => key === 'id' || key === 'start' || key === 'end' || key in getters);
  const rows: TableCell[][] = [keys.map((key) => spec.columns.find((c) => c.key === key)!.header)];
  for (const entity of entitiesOf(snapshot, TYPE_OF[kind])) {
    rows.push(
      keys.map((key) =>
        key === 'id'
          ? entity.id
          : key === 'start'
            ? day(entity.validFrom)
            : key === 'end'
              ? day(entity.validTo)
              : getters[key]!(entity, snapshot),
      ),
    );
  }
  return { name: spec.title, kind, rows };
}

/** Actors with their engagement in the project: one row per actor, the engagement's columns beside. */
function actorTable(snapshot: ProjectSnapshot): Table {
  const spec = SHEETS.actors;
  const engagements = new Map(entitiesOf(snapshot, 'Engagement').map((e) => [e.values.actorId as string, e]));
  const rows: TableCell[][] = [spec.columns.map((c) => c.header)];
  for (const actor of entitiesOf(snapshot, 'Actor')) {
    const engagement = engagements.get(actor.id);
    const values: Record<string, TableCell> = {
      id: actor.id,
      name: cell(actor.values.name),
      kind: code(actor.values.kind),
      description: cell(actor.values.description),
      level: code(engagement?.values.level),
      role: cell(engagement?.values.role),
      perimeter: ref(snapshot, engagement?.values.perimeterId),
      engagementId: engagement?.id ?? null,
      start: day(engagement?.validFrom ?? actor.validFrom),
      end: day(engagement?.validTo ?? null),
    };
    rows.push(spec.columns.map((c) => values[c.key] ?? null));
  }
  return { name: spec.title, kind: 'actors', rows };
}

/**
 * A project as tables, one per kind, in the order the import reads them back: ids included,
 * references by name, codes as French labels, dates in « Depuis » / « Jusqu'au ».
 */
export function projectTables(snapshot: ProjectSnapshot): Table[] {
  return [
    actorTable(snapshot),
    ...(
      [
        'perimeters',
        'objectives',
        'positions',
        'influences',
        'cooperations',
        'convergences',
        'conflicts',
        'externalities',
        'milestones',
        'ecosystems',
        'leaps',
      ] as const
    ).map((kind) => table(kind, snapshot)),
  ];
}

/**
 * The MACTOR input tables: actors × objectives (positions −4…+4, the 2MAO table) and actors ×
 * actors (direct influences 0…4, the MID table), labels in the first row and column, a blank
 * cell where nothing is recorded.
 */
export function matrixTables(snapshot: ProjectSnapshot): Table[] {
  const actors = entitiesOf(snapshot, 'Actor');
  const objectives = entitiesOf(snapshot, 'Objective');
  const positions = new Map(
    entitiesOf(snapshot, 'Position').map((p) => [`${p.values.actorId}|${p.values.objectiveId}`, p.values.value as number]),
  );
  const influences = new Map(
    entitiesOf(snapshot, 'Influence').map((p) => [`${p.values.fromActorId}|${p.values.toActorId}`, p.values.value as number]),
  );
  const name = (e: SnapshotEntity) => titleOf(snapshot, e.id);
  return [
    {
      name: 'Matrice des positions',
      kind: 'positionMatrix',
      rows: [
        ['Acteurs \\ Objectifs', ...objectives.map(name)],
        ...actors.map((a) => [name(a), ...objectives.map((o) => positions.get(`${a.id}|${o.id}`) ?? null)]),
      ],
    },
    {
      name: 'Matrice des influences',
      kind: 'influenceMatrix',
      rows: [
        ['Influence de \\ sur', ...actors.map(name)],
        ...actors.map((a) => [
          name(a),
          ...actors.map((b) => (a.id === b.id ? null : (influences.get(`${a.id}|${b.id}`) ?? null))),
        ]),
      ],
    },
  ];
}
