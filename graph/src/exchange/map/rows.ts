import { ENTITIES } from '../../model/entities.ts';
import type { EntityType } from '../../model/enums.ts';
import type { FieldValue, FieldValues } from '../../model/validation.ts';
import { nameKey } from '../../model/names.ts';
import { cellText, type RowReader } from './cells.ts';
import type { PlanRow } from './plan-types.ts';
import { EDGE_TYPES, type SheetKind } from './vocabulary.ts';

type Values = Record<string, FieldValue | undefined>;

function defined(values: Values): FieldValues {
  const out: FieldValues = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * The entities one row describes. Several for an actors row (the actor and its engagement) and
 * for an edge with several targets (`A | B`); the row's problems are on the first.
 */
function entity(
  row: RowReader,
  kind: EntityType,
  id: string | null,
  values: Values,
  refs: Record<string, string | string[] | null>,
  dates: { start: string | null; end: string | null },
): PlanRow {
  const cleanRefs: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(refs)) if (value !== null) cleanRefs[key] = value;
  const plain = defined(values);
  const spec = ENTITIES[kind];
  for (const [a, b] of spec.distinct ?? []) {
    const ra = cleanRefs[a];
    const rb = cleanRefs[b];
    if (typeof ra === 'string' && typeof rb === 'string' && nameKey(ra) === nameKey(rb)) {
      row.problem(null, 'SAME_ENDPOINTS', `${spec.fields[a]!.label} et ${spec.fields[b]!.label} désignent tous deux « ${ra} »`);
    }
  }
  const rule = spec.check?.(plain);
  if (rule) row.problem(null, 'ARBITRATION_REQUIRED', rule.message);
  return {
    sheet: row.sheet,
    line: row.line,
    kind,
    id,
    values: plain,
    refs: cleanRefs,
    start: dates.start,
    end: dates.end,
    problems: [],
  };
}

const idOf = (row: RowReader, key = 'id') => {
  const text = cellText(row.raw(key) ?? null);
  return text === '' ? null : text;
};

/** A status left blank (or without a column): the first step of the lifecycle. */
const statusOr = (row: RowReader, type: EntityType, fallback: string): FieldValue | undefined =>
  row.blank('status') ? fallback : row.field('status', type, 'status');

function actorRows(row: RowReader): PlanRow[] {
  const dates = row.dates();
  const id = idOf(row);
  const name = row.field('name', 'Actor', 'name');
  const actor = entity(
    row,
    'Actor',
    id,
    {
      name,
      kind: row.requiredField('kind', 'Actor', 'kind'),
      description: row.field('description', 'Actor', 'description'),
    },
    {},
    { start: dates.start, end: null },
  );
  const rows = [actor];
  // An actor row gives an engagement when it says something of one: an actor listed without a
  // level (involved through a relation only, as the export writes it) is the actor alone.
  const engaged = ['level', 'engagementId', 'role', 'perimeter'].some((key) => row.has(key) && !row.blank(key));
  if (engaged) {
    rows.push(
      entity(
        row,
        'Engagement',
        idOf(row, 'engagementId'),
        {
          level: row.requiredField('level', 'Engagement', 'level'),
          role: row.field('role', 'Engagement', 'role'),
        },
        {
          actorId: id ?? (typeof name === 'string' ? name : null),
          perimeterId: row.has('perimeter') ? row.ref('perimeter', "le périmètre d'entrée", false) : null,
        },
        dates,
      ),
    );
  }
  return rows;
}

function objectiveRows(row: RowReader): PlanRow[] {
  return [
    entity(
      row,
      'Objective',
      idOf(row),
      {
        title: row.field('title', 'Objective', 'title'),
        description: row.field('description', 'Objective', 'description'),
        dimensions: row.requiredField('dimensions', 'Objective', 'dimensions'),
        nature: row.requiredField('nature', 'Objective', 'nature'),
        confidential: row.field('confidential', 'Objective', 'confidential'),
      },
      {
        actorId: row.has('actor') ? row.ref('actor', "l'acteur porteur", false) : null,
        perimeterId: row.has('perimeter') ? row.ref('perimeter', 'le périmètre', false) : null,
      },
      row.dates(),
    ),
  ];
}

const simple: Record<Exclude<SheetKind, 'actors' | 'objectives' | 'edges'>, (row: RowReader) => PlanRow[]> = {
  perimeters: (row) => [
    entity(
      row,
      'Perimeter',
      idOf(row),
      { name: row.field('name', 'Perimeter', 'name'), description: row.field('description', 'Perimeter', 'description') },
      {},
      row.dates(),
    ),
  ],
  positions: (row) => [
    entity(
      row,
      'Position',
      idOf(row),
      { value: row.field('value', 'Position', 'value'), note: row.field('note', 'Position', 'note') },
      {
        actorId: row.ref('actor', "l'acteur", true),
        objectiveId: row.ref('objective', "l'objectif", true),
      },
      row.dates(),
    ),
  ],
  influences: (row) => [
    entity(
      row,
      'Influence',
      idOf(row),
      { value: row.field('value', 'Influence', 'value') },
      {
        fromActorId: row.ref('from', "l'acteur influent", true),
        toActorId: row.ref('to', "l'acteur influencé", true),
      },
      row.dates(),
    ),
  ],
  cooperations: (row) => [
    entity(
      row,
      'Cooperation',
      idOf(row),
      {
        commitments: row.field('commitments', 'Cooperation', 'commitments'),
        counterparts: row.field('counterparts', 'Cooperation', 'counterparts'),
      },
      {
        actorAId: row.ref('actorA', 'le premier acteur', true),
        actorBId: row.ref('actorB', 'le second acteur', true),
      },
      row.dates(),
    ),
  ],
  convergences: (row) => [
    entity(
      row,
      'Convergence',
      idOf(row),
      { note: row.field('note', 'Convergence', 'note') },
      {
        objectiveAId: row.ref('objectiveA', 'le premier objectif', true),
        objectiveBId: row.ref('objectiveB', 'le second objectif', true),
      },
      row.dates(),
    ),
  ],
  conflicts: (row) => [
    entity(
      row,
      'Conflict',
      idOf(row),
      {
        intensity: row.field('intensity', 'Conflict', 'intensity'),
        status: statusOr(row, 'Conflict', 'IDENTIFIE'),
        arbitration: row.field('arbitration', 'Conflict', 'arbitration'),
        note: row.field('note', 'Conflict', 'note'),
        confidential: row.field('confidential', 'Conflict', 'confidential'),
      },
      {
        objectiveAId: row.ref('objectiveA', 'le premier objectif', true),
        objectiveBId: row.ref('objectiveB', 'le second objectif', true),
      },
      row.dates(),
    ),
  ],
  externalities: (row) => [
    entity(
      row,
      'Externality',
      idOf(row),
      {
        description: row.field('description', 'Externality', 'description'),
        sign: row.field('sign', 'Externality', 'sign'),
        status: statusOr(row, 'Externality', 'IDENTIFIEE'),
        internalisation: row.field('internalisation', 'Externality', 'internalisation'),
      },
      {
        affectedActorIds: row.refList('affected', 'les acteurs affectés'),
        objectiveId: row.has('objective') ? row.ref('objective', "l'objectif source", false) : null,
      },
      row.dates(),
    ),
  ],
  milestones: (row) => [
    entity(
      row,
      'Milestone',
      idOf(row),
      {
        name: row.field('name', 'Milestone', 'name'),
        date: row.field('date', 'Milestone', 'date'),
        description: row.field('description', 'Milestone', 'description'),
      },
      {},
      { start: null, end: null },
    ),
  ],
  ecosystems: (row) => [
    entity(
      row,
      'Ecosystem',
      idOf(row),
      { name: row.field('name', 'Ecosystem', 'name'), description: row.field('description', 'Ecosystem', 'description') },
      {
        memberIds: row.refList('members', 'les membres'),
        perimeterId: row.has('perimeter') ? row.ref('perimeter', 'le périmètre', false) : null,
      },
      row.dates(),
    ),
  ],
  leaps: (row) => [
    entity(
      row,
      'SystemicLeap',
      idOf(row),
      {
        trigger: row.field('trigger', 'SystemicLeap', 'trigger'),
        description: row.field('description', 'SystemicLeap', 'description'),
      },
      {
        fromPerimeterId: row.ref('from', 'le périmètre de départ', true),
        toPerimeterId: row.ref('to', "le périmètre d'arrivée", true),
      },
      row.dates(),
    ),
  ],
};

type EdgeKind = keyof typeof EDGE_TYPES;

function edgeKind(text: string): EdgeKind | null {
  const key = nameKey(text);
  for (const [kind, words] of Object.entries(EDGE_TYPES) as [EdgeKind, string[]][]) {
    if (words.some((word) => nameKey(word) === key)) return kind;
  }
  return null;
}

/**
 * A Kumu or Gephi edge: `Type` names the relation (influence, coopération, convergence, conflit,
 * position), `Force` its value; `A | B` in From or To is one relation per pair.
 */
function edgeRows(row: RowReader): PlanRow[] {
  const typeText = cellText(row.raw('type') ?? null);
  const kind = edgeKind(typeText);
  const dates = row.dates();
  const froms = row.refList('from', "l'origine de la relation");
  const tos = row.refList('to', 'la cible de la relation');
  if (kind === null) {
    if (typeText === '') {
      row.problem(
        'type',
        'MISSING_VALUE',
        'le type de relation manque (influence, coopération, convergence, conflit ou position)',
      );
    } else {
      row.problem(
        'type',
        'UNKNOWN_RELATION',
        `le type de relation « ${typeText} » n'est pas reconnu (influence, coopération, convergence, conflit ou position)`,
      );
    }
    return [];
  }
  if (!froms || !tos) return [];
  const id = froms.length * tos.length === 1 ? idOf(row) : null;
  const rows: PlanRow[] = [];
  const strength = (type: EntityType, field: string) => row.field('strength', type, field);
  for (const from of froms) {
    for (const to of tos) {
      switch (kind) {
        case 'Influence':
          rows.push(
            entity(
              row,
              'Influence',
              id,
              {
                value: row.has('strength') ? strength('Influence', 'value') : row.requiredField('strength', 'Influence', 'value'),
              },
              { fromActorId: from, toActorId: to },
              dates,
            ),
          );
          break;
        case 'Position':
          rows.push(
            entity(
              row,
              'Position',
              id,
              {
                value: row.has('strength') ? strength('Position', 'value') : row.requiredField('strength', 'Position', 'value'),
                note: row.field('note', 'Position', 'note'),
              },
              { actorId: from, objectiveId: to },
              dates,
            ),
          );
          break;
        case 'Cooperation':
          rows.push(
            entity(
              row,
              'Cooperation',
              id,
              { commitments: row.requiredField('note', 'Cooperation', 'commitments') },
              { actorAId: from, actorBId: to },
              dates,
            ),
          );
          break;
        case 'Convergence':
          rows.push(
            entity(
              row,
              'Convergence',
              id,
              { note: row.field('note', 'Convergence', 'note') },
              { objectiveAId: from, objectiveBId: to },
              dates,
            ),
          );
          break;
        case 'Conflict':
          rows.push(
            entity(
              row,
              'Conflict',
              id,
              {
                intensity: row.requiredField('strength', 'Conflict', 'intensity'),
                status: statusOr(row, 'Conflict', 'IDENTIFIE'),
                note: row.field('note', 'Conflict', 'note'),
              },
              { objectiveAId: from, objectiveBId: to },
              dates,
            ),
          );
          break;
      }
    }
  }
  return rows;
}

/** The entities of one data row of a sheet of `kind`, with the row's problems on the first. */
export function rowsOf(kind: SheetKind, row: RowReader): PlanRow[] {
  const rows =
    kind === 'actors'
      ? actorRows(row)
      : kind === 'objectives'
        ? objectiveRows(row)
        : kind === 'edges'
          ? edgeRows(row)
          : simple[kind](row);
  // Problems found while reading every value: reported once, on the row's first entity, or as a
  // row of its own when nothing could be made of it.
  const problems = row.problems.filter((p, i) => row.problems.findIndex((q) => q.message === p.message) === i);
  if (rows.length === 0)
    return problems.length === 0
      ? []
      : [{ sheet: row.sheet, line: row.line, kind: null, id: null, values: {}, refs: {}, start: null, end: null, problems }];
  rows[0]!.problems.push(...problems);
  return rows;
}
