import { randomBytes } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { entitySpec, type EntitySpec } from '../model/entities.ts';
import { ID_PREFIX } from '../model/derived.ts';
import type { EntityType } from '../model/enums.ts';
import {
  checkEntityRules,
  parseCreateInput,
  parseEntityId,
  parsePatch,
  type FieldValue,
  type FieldValues,
} from '../model/validation.ts';
import { cascadeEnd } from './cascade.ts';
import { recordChange } from './change-log.ts';
import { fieldNames, loadOpenForChange, lockClosingReferences, lockReferences, lockScope, rows, type Row } from './locks.ts';
import * as q from './queries.ts';
import { toEntityRecord, type EntityRecord } from './records.ts';
import {
  applyPatch,
  changeRow,
  checkDateAfterLatest,
  checkNotInFuture,
  checkSameScope,
  createDelta,
  duplicateError,
  endDelta,
  touchesUnique,
  updateDelta,
  type Scope,
} from './rules.ts';

/**
 * The domain commands that create, update and end entities, each inside the caller's
 * transaction, with the write rules of rules.ts (shared with the bulk planner). Reverts are in
 * revert.ts, what an end drags along in cascade.ts, the change log in change-log.ts.
 */

export { getEntity } from './locks.ts';
export { getChange } from './change-log.ts';
export { revertChange } from './revert.ts';
export { correctEntity, type CorrectOptions } from './correct.ts';

/** Who makes a change, and when the server records it. */
export interface ChangeContext {
  /** Display name recorded with the change (the user's name, `principalLabel`). */
  author: string;
  /** The signed-in user's id; absent for changes made outside a request (seed, import scripts). */
  authorId?: string | null;
  /** Transaction time; defaults to the clock. Tests and imports may pin it. */
  now?: Date;
  /**
   * Told of every change this context records, once written in the (uncommitted) transaction:
   * the API collects them and publishes them to live subscribers after the commit (api/src/live).
   */
  onRecorded?: (change: RecordedChange) => void;
}

/** What a live subscriber is told about a recorded change: where, and when it was recorded. */
export interface RecordedChange {
  id: string;
  entityId: string;
  projectId: string | null;
  territoryId: string | null;
  recordedAt: Date;
}

/** Tells `ctx.onRecorded` of a change written (no-op without a listener). */
export function noticeRecorded(ctx: Pick<ChangeContext, 'onRecorded'>, change: RecordedChange): void {
  ctx.onRecorded?.({
    id: change.id,
    entityId: change.entityId,
    projectId: change.projectId,
    territoryId: change.territoryId,
    recordedAt: change.recordedAt,
  });
}

export interface WriteOptions {
  /** When the change became true on the territory (valid time); defaults to now. */
  validFrom?: Date;
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(8)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')}`;
}

export function clock(ctx: ChangeContext): Date {
  return ctx.now ?? new Date();
}

/** The change's valid time: `validFrom`, or now; refused when too far in the future (DATE_IN_FUTURE). */
export function effectiveDate(ctx: ChangeContext, options: WriteOptions): Date {
  const now = clock(ctx);
  return checkNotInFuture(options.validFrom ?? now, now);
}

/** Refuses a second entity with the same unique fields in the project (DUPLICATE_ENTITY). */
export async function assertUnique(
  tx: ManagedTransaction,
  spec: EntitySpec,
  scope: Scope,
  values: FieldValues,
  at: Date,
  excludeId: string | null,
): Promise<void> {
  if (!spec.unique || scope.projectId === null) return;
  await lockScope(tx, scope.projectId);
  const keys: Record<string, FieldValue> = {};
  for (const name of spec.unique) keys[name] = values[name] ?? null;
  const [duplicate] = await rows(tx, q.findDuplicates(spec.type, scope.projectId, keys, at, excludeId));
  if (duplicate) throw duplicateError(spec, String(duplicate.id));
}

export interface CreateOptions extends WriteOptions {
  /** A client-chosen id (imports, demo data); generated otherwise. */
  id?: string;
  /** The change this creation follows from (a merge's recreated engagement). */
  causeId?: string | null;
}

/**
 * Creates an entity valid from `validFrom` (default now), with its first version and its CREATE
 * change. @throws DomainError validation codes, ID_TAKEN, DATE_IN_FUTURE, the reference codes
 * of rules.ts `checkReferences`, DUPLICATE_ENTITY
 */
export async function createEntity(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  type: EntityType,
  input: Readonly<Record<string, unknown>>,
  options: CreateOptions = {},
): Promise<EntityRecord> {
  const spec = entitySpec(type);
  const values = parseCreateInput(spec, input);
  checkEntityRules(spec, values);
  const at = effectiveDate(ctx, options);
  let id: string;
  if (options.id !== undefined) {
    id = parseEntityId(options.id);
    const [row] = await rows(tx, q.idExists(id));
    if (row?.taken) throw new DomainError('ID_TAKEN', `l'identifiant « ${id} » est déjà utilisé`, { id });
  } else {
    id = newId(ID_PREFIX[type]);
  }
  const { scope, refs } = await lockReferences(tx, spec, id, values, at);
  await assertUnique(tx, spec, scope, values, at, null);
  const changeId = newId('chg');
  const recordedAt = clock(ctx);
  const [row] = await rows(
    tx,
    q.createEntity({
      entityId: id,
      type,
      projectId: scope.projectId,
      territoryId: scope.territoryId,
      validFrom: at,
      recordedAt,
      changeId,
      values,
      refs,
    }),
  );
  const created = toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
  await recordChange(
    tx,
    changeRow({
      id: changeId,
      entity: created,
      op: 'CREATE',
      author: ctx.author,
      authorId: ctx.authorId ?? null,
      recordedAt,
      validFrom: at,
      delta: createDelta(values),
      causeId: options.causeId ?? null,
    }),
  ).then((change) => noticeRecorded(ctx, change));
  return created;
}

export interface UpdateOptions extends WriteOptions {
  revertOf?: string | null;
  causeId?: string | null;
  /** Skip the optimistic check: cascades and reverts act on the latest state by design. */
  expectedVersion?: number | null;
}

/**
 * Applies a partial update as a new version from `validFrom`. Returns the entity unchanged
 * (no version bump, nothing recorded) when the patch changes nothing.
 * @throws DomainError NOT_FOUND, VERSION_CONFLICT, ENTITY_ENDED, FIXED_FIELD, validation codes,
 * DATE_IN_FUTURE, DATE_BEFORE_LAST_CHANGE, reference codes, DUPLICATE_ENTITY
 */
export async function updateEntity(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  type: EntityType | null,
  id: string,
  patch: Readonly<Record<string, unknown>>,
  options: UpdateOptions,
): Promise<EntityRecord> {
  const { current, spec } = await loadOpenForChange(tx, type, id, options.expectedVersion);
  const { changed, values } = applyPatch(spec, current.values, parsePatch(spec, patch));
  if (changed.length === 0) return current;
  checkEntityRules(spec, values);
  const at = effectiveDate(ctx, options);
  checkDateAfterLatest(current, at);
  const { scope, refs } = await lockReferences(tx, spec, current.id, values, at, current.values);
  checkSameScope(spec, current, scope);
  if (touchesUnique(spec, scope, changed)) await assertUnique(tx, spec, scope, values, at, current.id);
  const changeId = newId('chg');
  const recordedAt = clock(ctx);
  // The lock is held, so the new version is the next one: the change can be written with the
  // version, in the same round trip (the driver pipelines both statements, run in order).
  const change = changeRow({
    id: changeId,
    entity: { ...current, version: current.version + 1, values },
    op: 'UPDATE',
    author: ctx.author,
    authorId: ctx.authorId ?? null,
    recordedAt,
    validFrom: at,
    delta: updateDelta(changed, current.values, values),
    revertOf: options.revertOf,
    causeId: options.causeId,
  });
  const [[row]] = await Promise.all([
    rows(
      tx,
      q.appendVersion({
        entityId: current.id,
        type: current.type,
        projectId: current.projectId,
        territoryId: current.territoryId,
        validFrom: at,
        recordedAt,
        changeId,
        values,
        refs,
      }),
    ),
    rows(tx, q.recordChange(change)),
  ]);
  noticeRecorded(ctx, change);
  return toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
}

export interface EndOptions extends WriteOptions {
  expectedVersion?: number | null;
  revertOf?: string | null;
  causeId?: string | null;
  /** The END change's id, chosen beforehand by a use case whose other changes name it as their cause (a merge). */
  changeId?: string;
}

/**
 * Ends an entity's validity at `validFrom`. What depends on it follows, recorded as changes
 * caused by this one (cascade.ts): entities that cannot exist without it end too; optional
 * references are cleared; list members are removed (and the list's owner ends when too few remain).
 * @throws DomainError NOT_FOUND, VERSION_CONFLICT, ENTITY_ENDED, DATE_IN_FUTURE, DATE_BEFORE_LAST_CHANGE
 */
export async function endEntity(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  type: EntityType | null,
  id: string,
  options: EndOptions,
): Promise<EntityRecord> {
  const { current, spec } = await loadOpenForChange(tx, type, id, options.expectedVersion);
  const at = effectiveDate(ctx, options);
  checkDateAfterLatest(current, at);
  await lockClosingReferences(tx, spec, current.values);
  const recordedAt = clock(ctx);
  const [row] = await rows(tx, q.setEnd(current.id, at, recordedAt));
  const ended = toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
  const change = await recordChange(
    tx,
    changeRow({
      id: options.changeId ?? newId('chg'),
      entity: ended,
      op: 'END',
      author: ctx.author,
      authorId: ctx.authorId ?? null,
      recordedAt,
      validFrom: at,
      delta: endDelta(at),
      revertOf: options.revertOf,
      causeId: options.causeId,
    }),
  );
  noticeRecorded(ctx, change);
  // The ended entity's lock is held: whoever refers to it now is committed and found here, and
  // whoever would refer to it next waits for this transaction and then sees it ended.
  await cascadeEnd(tx, ctx, ended.id, at, change.id);
  return ended;
}
