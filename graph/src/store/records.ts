import type { ChangeOp, EntityType } from '../model/enums.ts';
import type { FieldValues } from '../model/validation.ts';
import { fromNeoDateTime } from '../time.ts';

/** An entity as it stands at one instant: its identity plus the version valid then. */
export interface EntityRecord {
  id: string;
  type: EntityType;
  /** Optimistic-locking counter: bumped by every recorded change of the entity. */
  version: number;
  projectId: string | null;
  territoryId: string;
  /** When the entity began (valid time). */
  validFrom: Date;
  /** When the entity ended (valid time), or END_OF_TIME. */
  validTo: Date;
  /** When the version shown began and ends (valid time). */
  versionFrom: Date;
  versionTo: Date;
  /** When the version shown was recorded (transaction time). */
  recordedAt: Date;
  values: FieldValues;
}

export interface ChangeRecord {
  id: string;
  entityId: string;
  entityType: EntityType;
  projectId: string | null;
  territoryId: string;
  op: ChangeOp;
  /** Display name of who made the change (old changes: the local user's id, `pilote-local`). */
  author: string;
  /** The user's id; null for changes recorded before accounts existed, or outside a request. */
  authorId?: string | null;
  recordedAt: Date;
  validFrom: Date;
  /** Entity version after the change. */
  version: number;
  fields: string[];
  before: FieldValues;
  after: FieldValues;
  revertOf: string | null;
  causeId: string | null;
  /** The entity's title when the change was made, for the timeline. */
  title: string | null;
}

/** Properties of a Version node that are bookkeeping, not field values. */
export const VERSION_META = new Set([
  'entityId',
  'type',
  'projectId',
  'territoryId',
  'validFrom',
  'validTo',
  'recordedAt',
  'changeId',
]);

type Props = Record<string, unknown>;

/** Builds a record from `e {.*}` and `v {.*}` projections. */
export function toEntityRecord(entity: Props, version: Props, fieldNames: readonly string[]): EntityRecord {
  const values: FieldValues = {};
  for (const name of fieldNames) {
    const value = version[name];
    values[name] = value === undefined ? null : (value as FieldValues[string]);
  }
  return {
    id: entity.id as string,
    type: entity.type as EntityType,
    version: Number(entity.version),
    projectId: (entity.projectId as string | undefined) ?? null,
    territoryId: entity.territoryId as string,
    validFrom: fromNeoDateTime(entity.validFrom),
    validTo: fromNeoDateTime(entity.validTo),
    versionFrom: fromNeoDateTime(version.validFrom),
    versionTo: fromNeoDateTime(version.validTo),
    recordedAt: fromNeoDateTime(version.recordedAt),
    values,
  };
}

export function toChangeRecord(props: Props): ChangeRecord {
  return {
    id: props.id as string,
    entityId: props.entityId as string,
    entityType: props.entityType as EntityType,
    projectId: (props.projectId as string | undefined) ?? null,
    territoryId: props.territoryId as string,
    op: props.op as ChangeOp,
    author: props.author as string,
    authorId: (props.authorId as string | undefined) ?? null,
    recordedAt: fromNeoDateTime(props.recordedAt),
    validFrom: fromNeoDateTime(props.validFrom),
    version: Number(props.version),
    fields: (props.fields as string[] | undefined) ?? [],
    before: JSON.parse((props.before as string | undefined) ?? '{}') as FieldValues,
    after: JSON.parse((props.after as string | undefined) ?? '{}') as FieldValues,
    revertOf: (props.revertOf as string | undefined) ?? null,
    causeId: (props.causeId as string | undefined) ?? null,
    title: (props.title as string | undefined) ?? null,
  };
}
