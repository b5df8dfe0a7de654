import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { entitySpec, type EntitySpec } from '../model/entities.ts';
import { ENTITY_TYPES, type EntityType } from '../model/enums.ts';
import {
  checkEntityRules,
  parseCreateInput,
  parseEntityId,
  parsePatch,
  type FieldValue,
  type FieldValues,
} from '../model/validation.ts';
import { END_OF_TIME, fromNeoDateTime, toNeoDateTime } from '../time.ts';
import { createEntity, endEntity, newId, noticeRecorded, updateEntity, type ChangeContext } from './commands.ts';
import { changeParams, lockReferenced } from './queries.ts';
import {
  applyPatch,
  changeRow,
  checkDateAfterLatest,
  checkNotInFuture,
  checkOpen,
  checkReferences,
  checkSameScope,
  createDelta,
  duplicateError,
  endDelta,
  isOpenUntil,
  touchesUnique,
  updateDelta,
  type RefTarget,
  type ChangeDelta,
} from './rules.ts';
import { spanLevelCypher } from './span.ts';

/**
 * Bulk loading of a dated history (benchmarks, imports of large territories).
 *
 * The input is the same list of operations one would send to the domain commands
 * (`createEntity` / `updateEntity` / `endEntity`), each with its valid time and its transaction
 * time. `planBulk` replays them in memory with the commands' rules — the same functions, in
 * rules.ts (validation, references begun by the date, still open and in scope, uniqueness, dates
 * after the latest change) — and computes exactly the
 * nodes, relationships and properties the commands would have written; `writeBulk` writes them
 * with a few batched `UNWIND` statements. `loadThroughCommands` is the reference path, used to
 * prove both give the same graph (tests/bulk.int.test.ts).
 *
 * Not supported (refused): ends that would cascade (an open entity still refers to the ended
 * one), reverts, and references to entities that are neither in the same load nor declared as
 * `existing` (entities already in the graph: an import refers to its project, its territory,
 * the actors it reuses).
 */
export interface BulkOpBase {
  /** When the change became true on the territory (valid time). */
  validFrom: Date;
  /** When Trame recorded it (transaction time): the commands' `ctx.now`. */
  recordedAt: Date;
  author: string;
  /** The signed-in user's id (see ChangeContext). */
  authorId?: string | null;
  /** The change's id (and its version's changeId); generated when absent. */
  changeId?: string;
  /** The change set the change belongs to (an import: one id on all its changes); absent: none. */
  changeSetId?: string;
}
export interface BulkCreate extends BulkOpBase {
  op: 'CREATE';
  type: EntityType;
  id: string;
  input: Record<string, unknown>;
}
export interface BulkUpdate extends BulkOpBase {
  op: 'UPDATE';
  id: string;
  patch: Record<string, unknown>;
}
export interface BulkEnd extends BulkOpBase {
  op: 'END';
  id: string;
}
export type BulkOp = BulkCreate | BulkUpdate | BulkEnd;

type Neo = ReturnType<typeof toNeoDateTime>;

export interface IdentityRow {
  id: string;
  type: EntityType;
  projectId: string | null;
  territoryId: string;
  version: number;
  validFrom: Neo;
  validTo: Neo;
  createdAt: Neo;
  updatedAt: Neo;
}
export interface VersionRow {
  entityId: string;
  type: EntityType;
  projectId: string | null;
  territoryId: string;
  validFrom: Neo;
  validTo: Neo;
  recordedAt: Neo;
  changeId: string;
  props: Record<string, FieldValue>;
  refs: { field: string; id: string }[];
  latest: boolean;
}
/** A Change node's properties, as the commands write them (queries.ts `changeParams`), plus its change set. */
export type ChangeRow = ReturnType<typeof changeParams> & { changeSetId: string | null };

/** An entity already in the graph that the load updated or ended: its identity and its former latest version. */
export interface TouchedRow {
  id: string;
  /** Its version before the load (checked under lock: VERSION_CONFLICT when it moved). */
  baseVersion: number;
  version: number;
  validTo: Neo;
  updatedAt: Neo;
  /** The former latest version's new end. */
  latestValidTo: Neo;
  /** Whether a new version replaces it as the latest (an update), or it stays the latest (an end). */
  superseded: boolean;
}

export interface BulkPlan {
  identities: IdentityRow[];
  /** Existing entities the load updates or ends (declared `changeable`); their new versions are in `versions`. */
  touched: TouchedRow[];
  versions: VersionRow[];
  changes: ChangeRow[];
  /** Operations that changed nothing (an update to the same values), skipped like the commands do. */
  skipped: number;
}

/**
 * An entity already in the graph that the load may refer to. It is checked like the commands
 * check a reference (type, validity at the date, territory and project) but never written, and
 * the load cannot update or end it. `values` (its latest values) matter for unique fields: an
 * existing engagement makes a second one for the same actor and project a duplicate.
 */
export interface BulkExisting extends RefTarget {
  values?: FieldValues;
  /**
   * Declared when the load may update or end this entity (a re-import): its current version
   * number, when its latest version began, and that version's references (for the end rules).
   * `values` must then be its latest values.
   */
  changeable?: { version: number; versionFrom: Date; refs: { field: string; id: string }[] };
}

export interface PlanOptions {
  existing?: readonly BulkExisting[];
}

interface SimVersion {
  validFrom: Date;
  validTo: Date;
  recordedAt: Date;
  changeId: string;
  values: FieldValues;
  refs: { field: string; id: string }[];
}
interface SimEntity {
  id: string;
  type: EntityType;
  spec: EntitySpec;
  projectId: string | null;
  territoryId: string;
  version: number;
  validFrom: Date;
  validTo: Date;
  createdAt: Date;
  updatedAt: Date;
  versions: SimVersion[];
  /** Already in the graph (declared changeable): versions[0] is its latest version there. */
  base?: { version: number };
}

const isOpen = (e: SimEntity) => isOpenUntil(e.validTo);
/** An entity of the load as the rules see it. */
const changing = (e: SimEntity) => ({ ...e, versionFrom: e.versions[e.versions.length - 1]!.validFrom });

/** Replays the operations in memory with the commands' rules; throws the commands' DomainErrors. */
export function planBulk(ops: readonly BulkOp[], options: PlanOptions = {}): BulkPlan {
  const entities = new Map<string, SimEntity>();
  const external = new Set<string>();
  /** target id → entities whose latest version refers to it. */
  const dependents = new Map<string, Set<string>>();
  /** unique key → entity ids holding it (latest values). */
  const uniques = new Map<string, Set<string>>();
  const changes: ChangeRow[] = [];
  const usedChangeIds = new Set<string>();
  let skipped = 0;

  const uniqueKey = (e: { type: EntityType; projectId: string | null; spec: EntitySpec }, values: FieldValues): string | null => {
    if (!e.spec.unique || e.projectId === null) return null;
    return JSON.stringify([e.projectId, e.type, e.spec.unique.map((name) => values[name] ?? null)]);
  };
  const track = (e: SimEntity, before: SimVersion | null, after: SimVersion) => {
    for (const ref of before?.refs ?? []) dependents.get(ref.id)?.delete(e.id);
    for (const ref of after.refs) {
      let set = dependents.get(ref.id);
      if (!set) dependents.set(ref.id, (set = new Set()));
      set.add(e.id);
    }
    const oldKey = before ? uniqueKey(e, before.values) : null;
    const newKey = uniqueKey(e, after.values);
    if (oldKey) uniques.get(oldKey)?.delete(e.id);
    if (newKey) {
      let set = uniques.get(newKey);
      if (!set) uniques.set(newKey, (set = new Set()));
      set.add(e.id);
    }
  };
  const assertUnique = (
    e: { id: string; type: EntityType; projectId: string | null; spec: EntitySpec },
    values: FieldValues,
    at: Date,
  ) => {
    const key = uniqueKey(e, values);
    if (!key) return;
    for (const other of uniques.get(key) ?? []) {
      const o = entities.get(other)!;
      if (other !== e.id && o.validTo.getTime() > at.getTime()) {
        throw duplicateError(e.spec, other);
      }
    }
  };
  for (const known of options.existing ?? []) {
    const spec = entitySpec(known.type);
    const version: SimVersion = {
      validFrom: known.changeable?.versionFrom ?? known.validFrom,
      validTo: known.validTo,
      recordedAt: known.validFrom,
      changeId: '',
      values: known.values ?? {},
      refs: known.changeable?.refs ?? [],
    };
    const e: SimEntity = {
      id: known.id,
      type: known.type,
      spec,
      projectId: known.projectId,
      territoryId: known.territoryId,
      version: known.changeable?.version ?? 0,
      validFrom: known.validFrom,
      validTo: known.validTo,
      createdAt: known.validFrom,
      updatedAt: known.validFrom,
      versions: [version],
      ...(known.changeable ? { base: { version: known.changeable.version } } : {}),
    };
    entities.set(known.id, e);
    if (!known.changeable) external.add(known.id);
    if (known.values) track(e, null, version);
  }
  const resolve = (spec: EntitySpec, id: string, values: FieldValues, at: Date) => {
    const { scope, refs } = checkReferences(spec, id, values, at, (ref) => entities.get(ref), ' (ou pas dans ce chargement)');
    return { ...scope, refs };
  };
  const effective = (op: BulkOp) => checkNotInFuture(op.validFrom, op.recordedAt);
  const changeIdOf = (op: BulkOp) => {
    const id = op.changeId ?? newId('chg');
    if (usedChangeIds.has(id)) throw new Error(`bulk: change id ${id} used twice`);
    usedChangeIds.add(id);
    return id;
  };
  const current = (id: string): SimEntity => {
    const e = entities.get(parseEntityId(id));
    if (!e) throw new DomainError('NOT_FOUND', `l'entité « ${id} » n'existe pas`, { id });
    if (external.has(e.id))
      throw new Error(`bulk: ${e.id} is an existing entity, outside the load: it cannot be updated or ended here`);
    return e;
  };
  const pushChange = (e: SimEntity, op: BulkOp, kind: 'CREATE' | 'UPDATE' | 'END', changeId: string, delta: ChangeDelta) => {
    const values = e.versions[e.versions.length - 1]!.values;
    const change = changeRow({
      id: changeId,
      entity: { ...e, values },
      op: kind,
      author: op.author,
      authorId: op.authorId ?? null,
      recordedAt: op.recordedAt,
      validFrom: op.validFrom,
      delta,
    });
    changes.push({ ...changeParams(change), changeSetId: op.changeSetId ?? null });
  };

  for (const op of ops) {
    if (op.op === 'CREATE') {
      const spec = entitySpec(op.type);
      const values = parseCreateInput(spec, op.input);
      checkEntityRules(spec, values);
      const at = effective(op);
      const id = parseEntityId(op.id);
      if (entities.has(id)) throw new DomainError('ID_TAKEN', `l'identifiant « ${id} » est déjà utilisé`, { id });
      const { projectId, territoryId, refs } = resolve(spec, id, values, at);
      const draft = { id, type: op.type, projectId, spec };
      if (spec.unique && projectId) assertUnique(draft, values, at);
      const changeId = changeIdOf(op);
      const version: SimVersion = { validFrom: at, validTo: END_OF_TIME, recordedAt: op.recordedAt, changeId, values, refs };
      const e: SimEntity = {
        ...draft,
        territoryId,
        version: 1,
        validFrom: at,
        validTo: END_OF_TIME,
        createdAt: op.recordedAt,
        updatedAt: op.recordedAt,
        versions: [version],
      };
      entities.set(id, e);
      track(e, null, version);
      pushChange(e, op, 'CREATE', changeId, createDelta(values));
    } else if (op.op === 'UPDATE') {
      const e = current(op.id);
      const latest = e.versions[e.versions.length - 1]!;
      checkOpen(changing(e));
      const { changed, values } = applyPatch(e.spec, latest.values, parsePatch(e.spec, op.patch));
      if (changed.length === 0) {
        skipped += 1;
        continue;
      }
      checkEntityRules(e.spec, values);
      const at = effective(op);
      checkDateAfterLatest(changing(e), at);
      const { projectId, territoryId, refs } = resolve(e.spec, e.id, values, at);
      checkSameScope(e.spec, e, { projectId, territoryId });
      if (touchesUnique(e.spec, { projectId, territoryId }, changed)) assertUnique(e, values, at);
      const changeId = changeIdOf(op);
      latest.validTo = at;
      const version: SimVersion = { validFrom: at, validTo: END_OF_TIME, recordedAt: op.recordedAt, changeId, values, refs };
      e.versions.push(version);
      e.version += 1;
      e.updatedAt = op.recordedAt;
      track(e, latest, version);
      pushChange(e, op, 'UPDATE', changeId, updateDelta(changed, latest.values, values));
    } else {
      const e = current(op.id);
      const latest = e.versions[e.versions.length - 1]!;
      checkOpen(changing(e));
      const at = effective(op);
      checkDateAfterLatest(changing(e), at);
      const open = [...(dependents.get(e.id) ?? [])].filter((id) => isOpen(entities.get(id)!));
      if (open.length > 0) {
        throw new Error(
          `bulk: ending ${e.id} would cascade to ${open.slice(0, 3).join(', ')}… (not supported in bulk: end them first)`,
        );
      }
      const changeId = changeIdOf(op);
      e.validTo = at;
      latest.validTo = at;
      e.version += 1;
      e.updatedAt = op.recordedAt;
      pushChange(e, op, 'END', changeId, endDelta(at));
    }
  }

  const identities: IdentityRow[] = [];
  const touched: TouchedRow[] = [];
  const versions: VersionRow[] = [];
  for (const e of entities.values()) {
    if (external.has(e.id)) continue;
    if (e.base) {
      if (e.version === e.base.version) continue;
      touched.push({
        id: e.id,
        baseVersion: e.base.version,
        version: e.version,
        validTo: toNeoDateTime(e.validTo),
        updatedAt: toNeoDateTime(e.updatedAt),
        latestValidTo: toNeoDateTime(e.versions[0]!.validTo),
        superseded: e.versions.length > 1,
      });
    } else {
      identities.push({
        id: e.id,
        type: e.type,
        projectId: e.projectId,
        territoryId: e.territoryId,
        version: e.version,
        validFrom: toNeoDateTime(e.validFrom),
        validTo: toNeoDateTime(e.validTo),
        createdAt: toNeoDateTime(e.createdAt),
        updatedAt: toNeoDateTime(e.updatedAt),
      });
    }
    e.versions.forEach((v, i) => {
      if (e.base && i === 0) return; // already in the graph; its end is in `touched`
      const props: Record<string, FieldValue> = {};
      for (const [name, value] of Object.entries(v.values)) if (value !== null) props[name] = value;
      versions.push({
        entityId: e.id,
        type: e.type,
        projectId: e.projectId,
        territoryId: e.territoryId,
        validFrom: toNeoDateTime(v.validFrom),
        validTo: toNeoDateTime(v.validTo),
        recordedAt: toNeoDateTime(v.recordedAt),
        changeId: v.changeId,
        props,
        refs: v.refs,
        latest: i === e.versions.length - 1,
      });
    });
  }
  return { identities, touched, versions, changes, skipped };
}

export interface BulkWriteOptions {
  /** Rows per transaction (default 2,000). */
  batchSize?: number;
  /** Called after each batch with the rows written so far and the total. */
  progress?: (done: number, total: number) => void;
}

export interface BulkStats {
  entities: number;
  versions: number;
  changes: number;
  refs: number;
  skipped: number;
  planMs: number;
  writeMs: number;
}

function label(type: EntityType): string {
  if (!ENTITY_TYPES.includes(type)) throw new Error(`unknown entity type ${type}`);
  return type;
}

function identityCypher(type: EntityType): string {
  return `
    UNWIND $rows AS row
    CREATE (e:Entity:${label(type)} {
      id: row.id, type: row.type, projectId: row.projectId, territoryId: row.territoryId,
      version: toInteger(row.version), validFrom: row.validFrom, validTo: row.validTo,
      createdAt: row.createdAt, updatedAt: row.updatedAt })`;
}

const VERSIONS_CYPHER = `
  UNWIND $rows AS row
  MATCH (e:Entity {id: row.entityId})
  CREATE (v:Version {
    entityId: row.entityId, type: row.type, projectId: row.projectId, territoryId: row.territoryId,
    validFrom: row.validFrom, validTo: row.validTo, recordedAt: row.recordedAt, changeId: row.changeId,
    spanLevel: ${spanLevelCypher('row.validFrom', 'row.validTo')} })
  SET v += row.props
  CREATE (e)-[:HAS_VERSION]->(v)
  FOREACH (_ IN CASE WHEN row.latest THEN [1] ELSE [] END | CREATE (e)-[:LATEST]->(v))
  WITH v, row
  CALL (v, row) {
    UNWIND row.refs AS ref
    MATCH (t:Entity {id: ref.id})
    CREATE (v)-[:REFERS_TO {field: ref.field}]->(t)
  }`;

const CHANGES_CYPHER = `
  UNWIND $rows AS row
  MATCH (e:Entity {id: row.entityId})
  CREATE (c:Change {
    id: row.id, entityId: row.entityId, entityType: row.entityType, projectId: row.projectId,
    territoryId: row.territoryId, op: row.op, author: row.author, authorId: row.authorId, recordedAt: row.recordedAt,
    validFrom: row.validFrom, version: row.version, fields: row.fields, before: row.before, after: row.after,
    revertOf: row.revertOf, causeId: row.causeId, title: row.title, changeSetId: row.changeSetId })
  CREATE (c)-[:CHANGED]->(e)`;

/** Locks the existing entities the plan changes and reads their versions (optimistic check). */
const LOCK_TOUCHED_CYPHER = `
  UNWIND $rows AS row
  MATCH (e:Entity {id: row.id})
  SET e._lock = true REMOVE e._lock
  RETURN e.id AS id, e.version AS version`;

/** Closes (or ends) the former latest version of each touched entity, as appendVersion and setEnd do. */
const TOUCH_CYPHER = `
  UNWIND $rows AS row
  MATCH (e:Entity {id: row.id})-[latest:LATEST]->(old:Version)
  SET old.validTo = row.latestValidTo, old.spanLevel = ${spanLevelCypher('old.validFrom', 'row.latestValidTo')},
      e.version = row.version, e.updatedAt = row.updatedAt, e.validTo = row.validTo
  FOREACH (_ IN CASE WHEN row.superseded THEN [1] ELSE [] END | DELETE latest)`;

function identitiesByType(plan: BulkPlan): Map<EntityType, IdentityRow[]> {
  const byType = new Map<EntityType, IdentityRow[]>();
  for (const row of plan.identities) {
    let list = byType.get(row.type);
    if (!list) byType.set(row.type, (list = []));
    list.push(row);
  }
  return byType;
}

/**
 * The plan was checked against a snapshot of the entities it refers to outside the load (the
 * `existing` ones): lock them, as the commands lock what they refer to, and refuse the write when
 * one has ended since (DANGLING_REFERENCE).
 */
async function lockExternalReferences(tx: ManagedTransaction, plan: BulkPlan): Promise<void> {
  const inLoad = new Set(plan.identities.map((row) => row.id));
  const external = new Map<string, { type: EntityType; field: string }>();
  for (const version of plan.versions) {
    for (const ref of version.refs) if (!inLoad.has(ref.id)) external.set(ref.id, { type: version.type, field: ref.field });
  }
  if (external.size === 0) return;
  const query = lockReferenced([...external.keys()]);
  const open = new Set<string>();
  for (const record of (await tx.run(query.cypher, query.params)).records) {
    const target = record.get('target') as { id: string; validTo: unknown };
    if (isOpenUntil(fromNeoDateTime(target.validTo))) open.add(target.id);
  }
  for (const [id, { type, field }] of external) {
    if (!open.has(id)) {
      const label = entitySpec(type).fields[field]?.label ?? field;
      throw new DomainError('DANGLING_REFERENCE', `${label} « ${id} » a pris fin ou n'existe plus`, { field, id });
    }
  }
}

/**
 * Writes a whole plan inside the caller's transaction, one UNWIND statement per entity type,
 * then one for the versions and one for the changes: all or nothing (imports).
 */
export async function writePlan(
  tx: ManagedTransaction,
  plan: BulkPlan,
  /** Told of each change written (ChangeContext.onRecorded: the API's live updates). */
  onRecorded?: ChangeContext['onRecorded'],
): Promise<void> {
  if (plan.touched.length > 0) {
    const found = await tx.run(LOCK_TOUCHED_CYPHER, { rows: plan.touched });
    const versions = new Map(found.records.map((r) => [r.get('id') as string, Number(r.get('version'))]));
    for (const row of plan.touched) {
      if (versions.get(row.id) !== row.baseVersion) {
        throw new DomainError('VERSION_CONFLICT', `« ${row.id} » a été modifié pendant l'import : relancez-le`, { id: row.id });
      }
    }
  }
  await lockExternalReferences(tx, plan);
  if (plan.touched.length > 0) await tx.run(TOUCH_CYPHER, { rows: plan.touched, end: toNeoDateTime(END_OF_TIME) });
  for (const [type, rows] of identitiesByType(plan)) await tx.run(identityCypher(type), { rows });
  if (plan.versions.length > 0) await tx.run(VERSIONS_CYPHER, { rows: plan.versions, end: toNeoDateTime(END_OF_TIME) });
  if (plan.changes.length > 0) await tx.run(CHANGES_CYPHER, { rows: plan.changes });
  if (onRecorded)
    for (const row of plan.changes) noticeRecorded({ onRecorded }, { ...row, recordedAt: fromNeoDateTime(row.recordedAt) });
}

/** Writes a plan: identities first (every type), then versions with their references, then changes. */
export async function writeBulk(
  graph: Graph,
  plan: BulkPlan,
  options: BulkWriteOptions = {},
): Promise<Omit<BulkStats, 'planMs'>> {
  if (plan.touched.length > 0)
    throw new Error('bulk: writeBulk creates only; a plan that changes existing entities goes through writePlan');
  const started = performance.now();
  const size = options.batchSize ?? 2000;
  const total = plan.identities.length + plan.versions.length + plan.changes.length;
  let done = 0;
  const run = async (cypher: string, rows: readonly unknown[]) => {
    for (let i = 0; i < rows.length; i += size) {
      const batch = rows.slice(i, i + size);
      await graph.write((tx) => tx.run(cypher, { rows: batch, end: toNeoDateTime(END_OF_TIME) }));
      done += batch.length;
      options.progress?.(done, total);
    }
  };
  for (const [type, rows] of identitiesByType(plan)) await run(identityCypher(type), rows);
  // Versions carry their references; a batch is sized by its rows, so large refLists count once.
  await run(VERSIONS_CYPHER, plan.versions);
  await run(CHANGES_CYPHER, plan.changes);
  return {
    entities: plan.identities.length,
    versions: plan.versions.length,
    changes: plan.changes.length,
    refs: plan.versions.reduce((sum, v) => sum + v.refs.length, 0),
    skipped: plan.skipped,
    writeMs: performance.now() - started,
  };
}

/** Plans and writes a dated history in bulk. */
export async function bulkLoad(graph: Graph, ops: readonly BulkOp[], options: BulkWriteOptions = {}): Promise<BulkStats> {
  const started = performance.now();
  const plan = planBulk(ops);
  const planMs = performance.now() - started;
  return { ...(await writeBulk(graph, plan, options)), planMs };
}

/**
 * The reference path: the same operations through the domain commands, `batch` operations per
 * transaction. Slow (a few round trips per operation) but exactly what the API does.
 */
export async function loadThroughCommands(graph: Graph, ops: readonly BulkOp[], options: { batch?: number } = {}): Promise<void> {
  const batch = options.batch ?? 100;
  for (let i = 0; i < ops.length; i += batch) {
    const slice = ops.slice(i, i + batch);
    await graph.write(async (tx) => {
      for (const op of slice) {
        const ctx = { author: op.author, authorId: op.authorId ?? null, now: op.recordedAt };
        if (op.op === 'CREATE') await createEntity(tx, ctx, op.type, op.input, { validFrom: op.validFrom, id: op.id });
        else if (op.op === 'UPDATE') await updateEntity(tx, ctx, null, op.id, op.patch, { validFrom: op.validFrom });
        else await endEntity(tx, ctx, null, op.id, { validFrom: op.validFrom });
      }
    });
  }
}
