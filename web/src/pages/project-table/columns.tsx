import type { ColumnDef, Row } from '@tanstack/react-table';
import {
  ACTOR_KINDS,
  CONFLICT_STATUSES,
  ENGAGEMENT_LEVELS,
  ENTITIES,
  LIMITS,
  OBJECTIVE_NATURES,
  type EntityType,
} from '@trame/graph/model';
import type { EntityData } from '../../api/entities.ts';
import type { Messages } from '../../i18n/fr.ts';
import { sentence } from '../../i18n/sentence.ts';
import { fieldError } from '../../panels/fields.ts';
import type { TableColumnMeta } from './DataTable.tsx';
import { EditCell, type CellOption } from './EditCell.tsx';
import { signedValue, type ActorRow, type GridRow, type ObjectiveRow, type RelationRow } from './rows.ts';

/** What the columns need: words, whether the viewer may edit, and the writes. */
export interface ColumnContext {
  t: Messages;
  enumLabel(value: string): string;
  entity(type: EntityType): string;
  readOnly: boolean;
  /** One field of an entity, checked and saved (an update at today's date). */
  saveField(entity: EntityData, field: string, value: unknown): Promise<void>;
  /** The actor's position on the objective: a value −4…4, or null to end it. */
  savePosition(actor: EntityData, objectiveId: string, current: EntityData | null, value: number | null): Promise<void>;
}

/**
 * The model's rules for one changed field, as the side panel's form applies them: the field's own
 * rule (`fieldError`), then the entity's rule across fields (an arbitrated conflict describes its
 * arbitration). A message, or null.
 */
export function cellError(entity: EntityData, field: string, value: unknown): string | null {
  const type = entity.__typename;
  const own = fieldError(type, field, value);
  if (own) return own;
  const rule = ENTITIES[type].check?.({ ...entity, [field]: value });
  return rule ? sentence(rule.message) : null;
}

const frenchOrder = <T,>(a: Row<T>, b: Row<T>, id: string) =>
  String(a.getValue(id) ?? '').localeCompare(String(b.getValue(id) ?? ''), 'fr');

const enumOptions = (values: readonly string[], label: (v: string) => string, none?: string): CellOption[] => [
  ...(none !== undefined ? [{ value: '', label: none }] : []),
  ...values.map((value) => ({ value, label: label(value) })),
];

function textCell(c: ColumnContext, entity: EntityData | null, field: string, shown: string, label: string, max: number) {
  if (!entity) return shown;
  return (
    <EditCell
      display={shown || '—'}
      initial={shown}
      label={label}
      maxLength={max}
      readOnly={c.readOnly}
      validate={(v) => cellError(entity, field, v.trim() === '' ? null : v)}
      onSave={(v) => c.saveField(entity, field, v.trim() === '' ? null : v)}
    />
  );
}

function enumCell(
  c: ColumnContext,
  entity: EntityData | null,
  field: string,
  code: string,
  values: readonly string[],
  label: string,
) {
  if (!entity) return code ? c.enumLabel(code) : '—';
  return (
    <EditCell
      display={code ? c.enumLabel(code) : '—'}
      initial={code}
      options={enumOptions(values, c.enumLabel)}
      label={label}
      readOnly={c.readOnly}
      validate={(v) => cellError(entity, field, v || null)}
      onSave={(v) => c.saveField(entity, field, v || null)}
    />
  );
}

export function actorColumns(c: ColumnContext): ColumnDef<ActorRow, unknown>[] {
  const { t } = c;
  return [
    {
      id: 'name',
      header: t.tableName,
      accessorFn: (r) => r.name,
      sortingFn: frenchOrder,
      cell: ({ row: { original: r } }) => textCell(c, r.actor, 'name', r.name, `${t.tableName} · ${r.name}`, LIMITS.name),
    },
    {
      id: 'kind',
      header: t.tableKind,
      accessorFn: (r) => c.enumLabel(r.kind),
      sortingFn: frenchOrder,
      cell: ({ row: { original: r } }) => enumCell(c, r.actor, 'kind', r.kind, ACTOR_KINDS, `${t.tableKind} · ${r.name}`),
    },
    {
      id: 'level',
      header: t.tableLevel,
      accessorFn: (r) => r.levelRank,
      cell: ({ row: { original: r } }) =>
        enumCell(c, r.engagement, 'level', r.level, ENGAGEMENT_LEVELS, `${t.tableLevel} · ${r.name}`),
    },
    {
      id: 'role',
      header: t.tableRole,
      accessorFn: (r) => r.role,
      sortingFn: frenchOrder,
      cell: ({ row: { original: r } }) => textCell(c, r.engagement, 'role', r.role, `${t.tableRole} · ${r.name}`, LIMITS.name),
    },
    { id: 'perimeter', header: c.entity('Perimeter'), accessorFn: (r) => r.perimeter, sortingFn: frenchOrder },
    {
      id: 'positions',
      header: t.tablePositions,
      accessorFn: (r) => r.positions,
      meta: { narrow: true } satisfies TableColumnMeta,
    },
  ];
}

export function objectiveColumns(c: ColumnContext): ColumnDef<ObjectiveRow, unknown>[] {
  const { t } = c;
  return [
    {
      id: 'title',
      header: c.entity('Objective'),
      accessorFn: (r) => r.title,
      sortingFn: frenchOrder,
      cell: ({ row: { original: r } }) =>
        textCell(c, r.objective, 'title', r.title, `${c.entity('Objective')} · ${r.title}`, LIMITS.name),
    },
    { id: 'carriedBy', header: t.tableCarriedBy, accessorFn: (r) => r.carriedBy, sortingFn: frenchOrder },
    {
      id: 'dimensions',
      header: t.tableDimensions,
      accessorFn: (r) => r.dimensions.map(c.enumLabel).join(', '),
      sortingFn: frenchOrder,
    },
    {
      id: 'nature',
      header: t.tableNature,
      accessorFn: (r) => c.enumLabel(r.nature),
      sortingFn: frenchOrder,
      cell: ({ row: { original: r } }) =>
        enumCell(c, r.objective, 'nature', r.nature, OBJECTIVE_NATURES, `${t.tableNature} · ${r.title}`),
    },
    { id: 'perimeter', header: c.entity('Perimeter'), accessorFn: (r) => r.perimeter, sortingFn: frenchOrder },
  ];
}

const POSITION_VALUES = [-4, -3, -2, -1, 0, 1, 2, 3, 4];

/** The actor × objective grid: one column per objective, each cell the actor's position −4…+4. */
export function gridColumns(c: ColumnContext, objectives: readonly ObjectiveRow[]): ColumnDef<GridRow, unknown>[] {
  const { t } = c;
  const options: CellOption[] = [
    { value: '', label: t.tableNoPosition },
    ...POSITION_VALUES.map((v) => ({ value: String(v), label: signedValue(v) })),
  ];
  return [
    { id: 'name', header: t.tableActor, accessorFn: (r) => r.name, sortingFn: frenchOrder },
    ...objectives.map(
      (o): ColumnDef<GridRow, unknown> => ({
        id: o.id,
        header: o.title,
        meta: { narrow: true, title: o.title } satisfies TableColumnMeta,
        accessorFn: (r) => (r.positions[o.id]?.value as number | undefined) ?? undefined,
        sortUndefined: 'last',
        cell: ({ row: { original: r } }) => {
          const position = r.positions[o.id] ?? null;
          const value = position ? Number(position.value) : null;
          return (
            <EditCell
              className={`position ${value === null ? 'none' : value > 0 ? 'for' : value < 0 ? 'against' : 'neutral'}`}
              display={value === null ? '·' : signedValue(value)}
              initial={value === null ? '' : String(value)}
              options={options}
              label={t.tableCell(r.name, o.title)}
              readOnly={c.readOnly}
              validate={(v) => (v === '' ? null : fieldError('Position', 'value', Number(v)))}
              onSave={(v) => c.savePosition(r.actor, o.id, position, v === '' ? null : Number(v))}
            />
          );
        },
      }),
    ),
  ];
}

export function relationColumns(c: ColumnContext): ColumnDef<RelationRow, unknown>[] {
  const { t } = c;
  const valueField = (r: RelationRow) => (r.type === 'Influence' ? 'value' : 'intensity');
  const range = (r: RelationRow) => (r.type === 'Influence' ? [0, 1, 2, 3, 4] : [1, 2, 3, 4]);
  return [
    { id: 'type', header: t.tableRelationType, accessorFn: (r) => c.entity(r.type), sortingFn: frenchOrder },
    { id: 'from', header: t.tableFrom, accessorFn: (r) => r.from, sortingFn: frenchOrder },
    { id: 'to', header: t.tableTo, accessorFn: (r) => r.to, sortingFn: frenchOrder },
    {
      id: 'value',
      header: t.tableValue,
      meta: { narrow: true } satisfies TableColumnMeta,
      accessorFn: (r) => r.value ?? undefined,
      sortUndefined: 'last',
      cell: ({ row: { original: r } }) =>
        r.value === null ? (
          '—'
        ) : (
          <EditCell
            display={String(r.value)}
            initial={String(r.value)}
            options={range(r).map((v) => ({ value: String(v), label: String(v) }))}
            label={`${t.tableValue} · ${c.entity(r.type)} · ${r.from} → ${r.to}`}
            readOnly={c.readOnly}
            validate={(v) => cellError(r.entity, valueField(r), Number(v))}
            onSave={(v) => c.saveField(r.entity, valueField(r), Number(v))}
          />
        ),
    },
    {
      id: 'status',
      header: t.tableStatus,
      accessorFn: (r) => (r.status ? c.enumLabel(r.status) : ''),
      sortingFn: frenchOrder,
      cell: ({ row: { original: r } }) =>
        r.type === 'Conflict'
          ? enumCell(c, r.entity, 'status', r.status, CONFLICT_STATUSES, `${t.tableStatus} · ${r.from} → ${r.to}`)
          : '',
    },
    {
      id: 'note',
      header: t.tableNote,
      accessorFn: (r) => r.note,
      sortingFn: frenchOrder,
    },
  ];
}
