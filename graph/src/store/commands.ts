import { randomBytes } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { entitySpec, referenceFields, type EntitySpec } from '../model/entities.ts';
import type { ChangeOp, EntityType } from '../model/enums.ts';
import { ID_PREFIX } from '../model/derived.ts';
import {
  checkEntityRules,
  parseCreateInput,
  parseEntityId,
  parsePatch,
  type FieldValue,
  type FieldValues,
} from '../model/validation.ts';
import { END_OF_TIME, fromNeoDateTime } from '../time.ts';
import * as q from './queries.ts';
import { toChangeRecord, toEntityRecord, type ChangeRecord, type EntityRecord } from './records.ts';

/** Who makes a change, and when the server records it. */
export interface ChangeContext {
  author: string;
  /** Transaction time; defaults to the clock. Tests and imports may pin it. */
  now?: Date;
}

export interface WriteOptions {
  /** When the change became true on the territory (valid time); defaults to now. */
  validFrom?: Date;
}

/** Lets a change be dated a little ahead of the server clock (time zones, clock skew). */
const FUTURE_TOLERANCE_MS = 36 * 3600 * 1000;

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0')}`;
}

type Row = Record<string, unknown>;
async function rows(tx: ManagedTransaction, query: q.Query): Promise<Row[]> {
  const result = await tx.run(query.cypher, query.params);
  return result.records.map((record) => record.toObject() as Row);
}

function fieldNames(spec: EntitySpec): string[] {
  return Object.keys(spec.fields);
}

function frDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function clock(ctx: ChangeContext): Date {
  return ctx.now ?? new Date();
}

/** The change's valid time: `validFrom`, or now; refused when too far in the future. */
export function effectiveDate(ctx: ChangeContext, options: WriteOptions): Date {
  const now = clock(ctx);
  const at = options.validFrom ?? now;
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError('DATE_IN_FUTURE', `la date d'effet ${frDate(at)} est dans le futur`);
  }
  return at;
}

interface Scope {
  projectId: string | null;
  territoryId: string;
}

interface ResolvedRefs {
  scope: Scope;
  refs: { field: string; id: string }[];
}

/**
 * Checks every reference of `values` (exists, right type, valid at `at`, same territory or
 * project) and derives the scope of the entity from them.
 */
async function resolveReferences(
  tx: ManagedTransaction,
  spec: EntitySpec,
  id: string,
  values: FieldValues,
  at: Date,
  /** Referenced entities already read in this transaction (an update's current references). */
  known: ReadonlyMap<string, Row> = new Map(),
): Promise<ResolvedRefs> {
  const refs: { field: string; id: string }[] = [];
  for (const [name, field] of referenceFields(spec)) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    const ids = field.kind === 'ref' ? [value as string] : (value as string[]);
    for (const target of ids) refs.push({ field: name, id: target });
  }
  const found = new Map<string, Row>();
  const missing = new Set<string>();
  for (const ref of refs) {
    const row = known.get(ref.id);
    if (row) found.set(ref.id, row);
    else missing.add(ref.id);
  }
  if (missing.size > 0) {
    for (const row of await rows(tx, q.entitiesByIds([...missing]))) {
      const target = row.target as Row;
      found.set(target.id as string, target);
    }
  }
  for (const ref of refs) {
    const field = spec.fields[ref.field]!;
    const target = (field as { target: EntityType }).target;
    const row = found.get(ref.id);
    if (!row) {
      throw new DomainError('DANGLING_REFERENCE', `${field.label} « ${ref.id} » n'existe pas`, { field: ref.field, id: ref.id });
    }
    if (row.type !== target) {
      throw new DomainError(
        'WRONG_REFERENCE_TYPE',
        `« ${ref.id} » désigne ${entitySpec(row.type as EntityType).label}, pas ${entitySpec(target).label} attendu pour ${field.label}`,
        { field: ref.field, id: ref.id },
      );
    }
    const from = fromNeoDateTime(row.validFrom);
    const to = fromNeoDateTime(row.validTo);
    if (from.getTime() > at.getTime() || to.getTime() <= at.getTime()) {
      throw new DomainError(
        'DANGLING_REFERENCE',
        `${field.label} « ${ref.id} » n'existe pas au ${frDate(at)} (valide du ${frDate(from)}${to < END_OF_TIME ? ` au ${frDate(to)}` : ''})`,
        { field: ref.field, id: ref.id },
      );
    }
  }

  const scope = deriveScope(spec, id, values, found);
  for (const ref of refs) {
    const row = found.get(ref.id)!;
    const label = spec.fields[ref.field]!.label;
    if (row.territoryId !== scope.territoryId) {
      throw new DomainError('CROSS_TERRITORY_REFERENCE', `${label} « ${ref.id} » appartient à un autre territoire`, {
        field: ref.field,
      });
    }
    const refProject = (row.projectId as string | null) ?? null;
    if (row.type !== 'Project' && refProject !== null && refProject !== scope.projectId) {
      throw new DomainError('CROSS_PROJECT_REFERENCE', `${label} « ${ref.id} » appartient à un autre projet`, {
        field: ref.field,
      });
    }
  }
  return { scope, refs };
}

function deriveScope(spec: EntitySpec, id: string, values: FieldValues, found: Map<string, Row>): Scope {
  const scope = spec.scope;
  if (scope.kind === 'root') return { projectId: null, territoryId: id };
  const anchor = found.get(values[scope.via] as string)!;
  if (scope.kind === 'territory') {
    return { projectId: spec.type === 'Project' ? id : null, territoryId: anchor.id as string };
  }
  return {
    projectId: anchor.type === 'Project' ? (anchor.id as string) : (anchor.projectId as string),
    territoryId: anchor.territoryId as string,
  };
}

async function assertUnique(
  tx: ManagedTransaction,
  spec: EntitySpec,
  scope: Scope,
  values: FieldValues,
  at: Date,
  excludeId: string | null,
): Promise<void> {
  if (!spec.unique || scope.projectId === null) return;
  const keys: Record<string, FieldValue> = {};
  for (const name of spec.unique) keys[name] = values[name] ?? null;
  const duplicate = await rows(tx, q.findDuplicates(spec.type, scope.projectId, keys, at, excludeId));
  if (duplicate.length > 0) {
    throw new DomainError('DUPLICATE_ENTITY', `${spec.label} existe déjà pour ces éléments (« ${String(duplicate[0]!.id)} »)`, {
      existingId: duplicate[0]!.id,
    });
  }
}

function titleOf(spec: EntitySpec, values: FieldValues): string | null {
  const value = values[spec.titleField];
  return value === null || value === undefined ? null : String(value);
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function loadLocked(tx: ManagedTransaction, id: string, type: EntityType | null): Promise<{ current: EntityRecord; refTargets: Map<string, Row> }> {
  const [row] = await rows(tx, q.lockEntity(id));
  if (!row || (type !== null && row.entity && (row.entity as Row).type !== type)) {
    const label = type ? entitySpec(type).label : "l'entité";
    throw new DomainError('NOT_FOUND', `${label} « ${id} » n'existe pas`, { id, entityType: type });
  }
  const entity = row.entity as Row;
  const current = toEntityRecord(entity, row.version as Row, fieldNames(entitySpec(entity.type as EntityType)));
  const refTargets = new Map((row.refTargets as Row[]).map((target) => [target.id as string, target]));
  return { current, refTargets };
}

/** Reads the latest state of an entity (ended or not), or null. */
export async function getEntity(tx: ManagedTransaction, id: string): Promise<EntityRecord | null> {
  const [row] = await rows(tx, q.readEntity(id));
  if (!row) return null;
  const entity = row.entity as Row;
  return toEntityRecord(entity, row.version as Row, fieldNames(entitySpec(entity.type as EntityType)));
}

/**
 * The entity a change applies to, locked: it must exist, be of the type asked, still be open,
 * and (when a version is given) be at that version.
 */
async function loadOpenForChange(
  tx: ManagedTransaction,
  type: EntityType | null,
  id: string,
  expectedVersion: number | null | undefined,
): Promise<{ current: EntityRecord; spec: EntitySpec; refTargets: Map<string, Row> }> {
  const { current, refTargets } = await loadLocked(tx, parseEntityId(id), type);
  const spec = entitySpec(current.type);
  if (expectedVersion !== null && expectedVersion !== undefined) checkVersion(current, expectedVersion);
  if (!isOpen(current)) {
    throw new DomainError('ENTITY_ENDED', `${spec.label} « ${id} » a pris fin le ${frDate(current.validTo)}`);
  }
  return { current, spec, refTargets };
}

function isOpen(record: EntityRecord): boolean {
  return record.validTo.getTime() >= END_OF_TIME.getTime();
}

function checkVersion(record: EntityRecord, expected: number): void {
  if (record.version !== expected) {
    throw new DomainError(
      'VERSION_CONFLICT',
      `${entitySpec(record.type).label} « ${record.id} » a été modifié(e) depuis votre lecture (version ${expected}, actuelle ${record.version})`,
      { current: record },
    );
  }
}

function checkDateAfterLatest(record: EntityRecord, at: Date): void {
  if (at.getTime() < record.versionFrom.getTime()) {
    throw new DomainError(
      'DATE_BEFORE_LAST_CHANGE',
      `la date d'effet ${frDate(at)} précède le dernier changement de ${entitySpec(record.type).label} (${frDate(record.versionFrom)})`,
      { latestFrom: record.versionFrom.toISOString() },
    );
  }
}

interface RecordArgs {
  record: EntityRecord;
  op: ChangeOp;
  ctx: ChangeContext;
  at: Date;
  fields: string[];
  before: FieldValues;
  after: FieldValues;
  changeId?: string;
  revertOf?: string | null;
  causeId?: string | null;
}

async function record(tx: ManagedTransaction, args: RecordArgs): Promise<ChangeRecord> {
  const change = changeOf(args);
  await rows(tx, q.recordChange(change));
  return change;
}

/** The change to record (its version is the entity's version after the change). */
function changeOf(args: RecordArgs): q.NewChange {
  const spec = entitySpec(args.record.type);
  return {
    id: args.changeId ?? newId('chg'),
    entityId: args.record.id,
    entityType: args.record.type,
    projectId: args.record.projectId,
    territoryId: args.record.territoryId,
    op: args.op,
    author: args.ctx.author,
    recordedAt: clock(args.ctx),
    validFrom: args.at,
    version: args.record.version,
    fields: args.fields,
    before: args.before,
    after: args.after,
    revertOf: args.revertOf ?? null,
    causeId: args.causeId ?? null,
    title: titleOf(spec, args.record.values),
  };
}

export interface CreateOptions extends WriteOptions {
  /** A client-chosen id (imports, demo data); generated otherwise. */
  id?: string;
}

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
  const { scope, refs } = await resolveReferences(tx, spec, id, values, at);
  if (spec.unique && scope.projectId) {
    await rows(tx, q.lockScope(scope.projectId));
    await assertUnique(tx, spec, scope, values, at, null);
  }
  const changeId = newId('chg');
  const [row] = await rows(
    tx,
    q.createEntity({
      entityId: id,
      type,
      projectId: scope.projectId,
      territoryId: scope.territoryId,
      validFrom: at,
      recordedAt: clock(ctx),
      changeId,
      values,
      refs,
    }),
  );
  const created = toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
  await record(tx, {
    record: created,
    op: 'CREATE',
    ctx,
    at,
    fields: Object.keys(values).filter((name) => values[name] !== null),
    before: {},
    after: values,
    changeId,
  });
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
 */
export async function updateEntity(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  type: EntityType | null,
  id: string,
  patch: Readonly<Record<string, unknown>>,
  options: UpdateOptions,
): Promise<EntityRecord> {
  const { current, spec, refTargets } = await loadOpenForChange(tx, type, id, options.expectedVersion);
  const parsed = parsePatch(spec, patch);
  const changed = Object.keys(parsed).filter((name) => !sameValue(parsed[name], current.values[name]));
  for (const name of changed) {
    if (spec.fields[name]?.fixed) {
      throw new DomainError('FIXED_FIELD', `${spec.fields[name]!.label} ne peut pas changer après la création`, { field: name });
    }
  }
  if (changed.length === 0) return current;
  const values: FieldValues = { ...current.values };
  for (const name of changed) values[name] = parsed[name]!;
  checkEntityRules(spec, values);
  const at = effectiveDate(ctx, options);
  checkDateAfterLatest(current, at);
  const { scope, refs } = await resolveReferences(tx, spec, current.id, values, at, refTargets);
  if (scope.projectId !== current.projectId || scope.territoryId !== current.territoryId) {
    throw new DomainError('CROSS_PROJECT_REFERENCE', `${spec.label} ne peut pas changer de projet ou de territoire`);
  }
  if (spec.unique && scope.projectId && changed.some((name) => spec.unique!.includes(name))) {
    await rows(tx, q.lockScope(scope.projectId));
    await assertUnique(tx, spec, scope, values, at, current.id);
  }
  const changeId = newId('chg');
  const recordedAt = clock(ctx);
  const before: FieldValues = {};
  const after: FieldValues = {};
  for (const name of changed) {
    before[name] = current.values[name] ?? null;
    after[name] = values[name] ?? null;
  }
  // The lock is held, so the new version is the next one: the change can be written with the
  // version, in the same round trip (the driver pipelines both statements, run in order).
  const change = changeOf({
    record: { ...current, version: current.version + 1, values },
    op: 'UPDATE',
    ctx: { ...ctx, now: recordedAt },
    at,
    fields: changed,
    before,
    after,
    changeId,
    revertOf: options.revertOf ?? null,
    causeId: options.causeId ?? null,
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
  const updated = toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
  return updated;
}

export interface EndOptions extends WriteOptions {
  expectedVersion?: number | null;
  revertOf?: string | null;
  causeId?: string | null;
}

/**
 * Ends an entity's validity at `validFrom`. What depends on it follows, recorded as changes
 * caused by this one: entities that cannot exist without it end too; optional references are
 * cleared; list members are removed (and the list's owner ends when too few remain).
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
  const [row] = await rows(tx, q.setEnd(current.id, at, clock(ctx)));
  const ended = toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
  const change = await record(tx, {
    record: ended,
    op: 'END',
    ctx,
    at,
    fields: ['validTo'],
    before: { validTo: null },
    after: { validTo: at.toISOString() },
    revertOf: options.revertOf ?? null,
    causeId: options.causeId ?? null,
  });
  await cascadeEnd(tx, ctx, ended.id, at, change.id);
  return ended;
}

async function cascadeEnd(tx: ManagedTransaction, ctx: ChangeContext, id: string, at: Date, causeId: string): Promise<void> {
  const dependents = await rows(tx, q.openDependents(id));
  for (const dependent of dependents) {
    const depId = dependent.id as string;
    const depType = dependent.type as EntityType;
    const fieldName = dependent.field as string;
    const depSpec = entitySpec(depType);
    const field = depSpec.fields[fieldName]!;
    const { current: latest } = await loadLocked(tx, depId, depType);
    if (!isOpen(latest)) continue; // ended earlier in this same cascade
    const cascadeAt = at.getTime() < latest.versionFrom.getTime() ? latest.versionFrom : at;
    if (field.kind === 'refList') {
      const remaining = ((latest.values[fieldName] as string[] | null) ?? []).filter((member) => member !== id);
      if (remaining.length >= field.minItems) {
        await updateEntity(tx, ctx, depType, depId, { [fieldName]: remaining }, { validFrom: cascadeAt, causeId });
        continue;
      }
    } else if (!field.required && !ENDS_WITH_TARGET.has(`${depType}.${fieldName}`)) {
      await updateEntity(tx, ctx, depType, depId, { [fieldName]: null }, { validFrom: cascadeAt, causeId });
      continue;
    }
    await endEntity(tx, ctx, depType, depId, { validFrom: cascadeAt, causeId });
  }
}

/** Optional references that still make no sense without their target. */
const ENDS_WITH_TARGET = new Set(['Objective.actorId', 'Externality.objectiveId']);

export async function getChange(tx: ManagedTransaction, changeId: string): Promise<ChangeRecord> {
  const [row] = await rows(tx, q.readChange(changeId));
  if (!row) throw new DomainError('CHANGE_NOT_FOUND', `le changement « ${changeId} » n'existe pas`, { changeId });
  return toChangeRecord(row.change as Row);
}

/**
 * Reverts one recorded change with a new change (history is never rewritten). A change is
 * revertable while its effect still stands: for an update, the fields it set still hold its
 * values; for a creation, an end or a reopening, nothing happened to the entity since.
 * The changes it caused (a cascade) are reverted with it when they still apply.
 */
export async function revertChange(tx: ManagedTransaction, ctx: ChangeContext, changeId: string): Promise<EntityRecord> {
  const change = await getChange(tx, parseEntityId(changeId, 'le changement'));
  const { current } = await loadLocked(tx, change.entityId, change.entityType);
  const notApplicable = (why: string) =>
    new DomainError('REVERT_NOT_APPLICABLE', `le changement « ${changeId} » ne peut plus être annulé : ${why}`, {
      changeId,
      current,
    });
  const isLatest = current.version === change.version;
  switch (change.op) {
    case 'CREATE': {
      if (!isLatest || !isOpen(current)) throw notApplicable("l'entité a changé depuis sa création");
      // Undoing a creation: the entity was never true, so it ends where it began.
      return endEntity(tx, ctx, current.type, current.id, { validFrom: change.validFrom, revertOf: change.id });
    }
    case 'UPDATE': {
      if (!isOpen(current)) throw notApplicable("l'entité a pris fin");
      const stillHolds = change.fields.every((name) => sameValue(current.values[name], change.after[name]));
      if (!stillHolds) throw notApplicable('les champs concernés ont été modifiés depuis');
      // The latest change is undone where it took effect; an older one from now on.
      const at = isLatest ? change.validFrom : clock(ctx).getTime() < current.versionFrom.getTime() ? current.versionFrom : clock(ctx);
      return updateEntity(tx, ctx, current.type, current.id, change.before, { validFrom: at, revertOf: change.id });
    }
    case 'END': {
      if (!isLatest || isOpen(current)) throw notApplicable("l'entité a changé depuis sa fin");
      const reopened = await reopen(tx, ctx, current, change);
      for (const caused of await causedChanges(tx, change.id)) {
        await revertIfApplicable(tx, ctx, caused.id);
      }
      return reopened;
    }
    case 'REOPEN': {
      if (!isLatest || !isOpen(current)) throw notApplicable("l'entité a changé depuis sa réouverture");
      const endedAt = change.before.validTo;
      const at = typeof endedAt === 'string' ? new Date(endedAt) : change.validFrom;
      return endEntity(tx, ctx, current.type, current.id, { validFrom: at, revertOf: change.id });
    }
  }
}

async function causedChanges(tx: ManagedTransaction, changeId: string): Promise<ChangeRecord[]> {
  return (await rows(tx, q.changesCausedBy(changeId))).map((row) => toChangeRecord(row.change as Row));
}

async function revertIfApplicable(tx: ManagedTransaction, ctx: ChangeContext, changeId: string): Promise<void> {
  try {
    await revertChange(tx, ctx, changeId);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'REVERT_NOT_APPLICABLE')) throw error;
  }
}

async function reopen(tx: ManagedTransaction, ctx: ChangeContext, current: EntityRecord, change: ChangeRecord): Promise<EntityRecord> {
  const spec = entitySpec(current.type);
  // The references must still stand for the entity to come back.
  await resolveReferences(tx, spec, current.id, current.values, current.versionFrom);
  const [row] = await rows(tx, q.setEnd(current.id, END_OF_TIME, clock(ctx)));
  const reopened = toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
  await record(tx, {
    record: reopened,
    op: 'REOPEN',
    ctx,
    at: change.validFrom,
    fields: ['validTo'],
    before: { validTo: current.validTo.toISOString() },
    after: { validTo: null },
    revertOf: change.id,
  });
  return reopened;
}
