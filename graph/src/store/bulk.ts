import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { entitySpec, referenceFields, type EntitySpec } from '../model/entities.ts';
import { ENTITY_TYPES, type EntityType } from '../model/enums.ts';
import {
  checkEntityRules,
  parseCreateInput,
  parseEntityId,
  parsePatch,
  type FieldValue,
  type FieldValues,
} from '../model/validation.ts';
import { END_OF_TIME, toNeoDateTime } from '../time.ts';
import { createEntity, endEntity, newId, updateEntity } from './commands.ts';
import { spanLevelCypher } from './span.ts';

/**
 * Bulk loading of a dated history (benchmarks, imports of large territories).
 *
 * The input is the same list of operations one would send to the domain commands
 * (`createEntity` / `updateEntity` / `endEntity`), each with its valid time and its transaction
 * time. `planBulk` replays them in memory with the commands' rules (validation, references valid
 * at the date and in scope, uniqueness, dates after the latest change) and computes exactly the
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
  /** The change's id (and its version's changeId); generated when absent. */
  changeId?: string;
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
export interface ChangeRow {
  id: string;
  entityId: string;
  entityType: EntityType;
  projectId: string | null;
  territoryId: string;
  op: 'CREATE' | 'UPDATE' | 'END';
  author: string;
  recordedAt: Neo;
  validFrom: Neo;
  version: number;
  fields: string[];
  before: string;
  after: string;
  revertOf: null;
  causeId: null;
  title: string | null;
}

export interface BulkPlan {
  identities: IdentityRow[];
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
export interface BulkExisting {
  id: string;
  type: EntityType;
  projectId: string | null;
  territoryId: string;
  validFrom: Date;
  validTo: Date;
  values?: FieldValues;
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
}

/** Lets a change be dated a little ahead of its recording (same tolerance as the commands). */
const FUTURE_TOLERANCE_MS = 36 * 3600 * 1000;

const frDate = (date: Date) => date.toISOString().slice(0, 10);
const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isOpen = (e: SimEntity) => e.validTo.getTime() >= END_OF_TIME.getTime();

function titleOf(spec: EntitySpec, values: FieldValues): string | null {
  const value = values[spec.titleField];
  return value === null || value === undefined ? null : String(value);
}

function refsOf(spec: EntitySpec, values: FieldValues): { field: string; id: string }[] {
  const refs: { field: string; id: string }[] = [];
  for (const [name, field] of referenceFields(spec)) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    const ids = field.kind === 'ref' ? [value as string] : (value as string[]);
    for (const target of ids) refs.push({ field: name, id: target });
  }
  return refs;
}

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
  const assertUnique = (e: { id: string; type: EntityType; projectId: string | null; spec: EntitySpec }, values: FieldValues, at: Date) => {
    const key = uniqueKey(e, values);
    if (!key) return;
    for (const other of uniques.get(key) ?? []) {
      const o = entities.get(other)!;
      if (other !== e.id && o.validTo.getTime() > at.getTime()) {
        throw new DomainError('DUPLICATE_ENTITY', `${e.spec.label} existe déjà pour ces éléments (« ${other} »)`, { existingId: other });
      }
    }
  };
  for (const known of options.existing ?? []) {
    const spec = entitySpec(known.type);
    const version: SimVersion = {
      validFrom: known.validFrom,
      validTo: known.validTo,
      recordedAt: known.validFrom,
      changeId: '',
      values: known.values ?? {},
      refs: [],
    };
    const e: SimEntity = {
      id: known.id,
      type: known.type,
      spec,
      projectId: known.projectId,
      territoryId: known.territoryId,
      version: 0,
      validFrom: known.validFrom,
      validTo: known.validTo,
      createdAt: known.validFrom,
      updatedAt: known.validFrom,
      versions: [version],
    };
    entities.set(known.id, e);
    external.add(known.id);
    if (known.values) track(e, null, version);
  }
  const resolve = (spec: EntitySpec, id: string, values: FieldValues, at: Date) => {
    const refs = refsOf(spec, values);
    for (const ref of refs) {
      const field = spec.fields[ref.field]!;
      const target = (field as { target: EntityType }).target;
      const row = entities.get(ref.id);
      if (!row) {
        throw new DomainError('DANGLING_REFERENCE', `${field.label} « ${ref.id} » n'existe pas (ou pas dans ce chargement)`, { field: ref.field, id: ref.id });
      }
      if (row.type !== target) {
        throw new DomainError('WRONG_REFERENCE_TYPE', `« ${ref.id} » n'est pas du type attendu pour ${field.label}`, { field: ref.field, id: ref.id });
      }
      if (row.validFrom.getTime() > at.getTime() || row.validTo.getTime() <= at.getTime()) {
        throw new DomainError('DANGLING_REFERENCE', `${field.label} « ${ref.id} » n'existe pas au ${frDate(at)}`, { field: ref.field, id: ref.id });
      }
    }
    let projectId: string | null;
    let territoryId: string;
    const scope = spec.scope;
    if (scope.kind === 'root') {
      projectId = null;
      territoryId = id;
    } else {
      const anchor = entities.get(values[scope.via] as string)!;
      if (scope.kind === 'territory') {
        projectId = spec.type === 'Project' ? id : null;
        territoryId = anchor.id;
      } else {
        projectId = anchor.type === 'Project' ? anchor.id : anchor.projectId;
        territoryId = anchor.territoryId;
      }
    }
    for (const ref of refs) {
      const row = entities.get(ref.id)!;
      const label = spec.fields[ref.field]!.label;
      if (row.territoryId !== territoryId) {
        throw new DomainError('CROSS_TERRITORY_REFERENCE', `${label} « ${ref.id} » appartient à un autre territoire`, { field: ref.field });
      }
      if (row.type !== 'Project' && row.projectId !== null && row.projectId !== projectId) {
        throw new DomainError('CROSS_PROJECT_REFERENCE', `${label} « ${ref.id} » appartient à un autre projet`, { field: ref.field });
      }
    }
    return { projectId, territoryId, refs };
  };
  const effective = (op: BulkOp) => {
    if (op.validFrom.getTime() > op.recordedAt.getTime() + FUTURE_TOLERANCE_MS) {
      throw new DomainError('DATE_IN_FUTURE', `la date d'effet ${frDate(op.validFrom)} est dans le futur`);
    }
    return op.validFrom;
  };
  const changeIdOf = (op: BulkOp) => {
    const id = op.changeId ?? newId('chg');
    if (usedChangeIds.has(id)) throw new Error(`bulk: change id ${id} used twice`);
    usedChangeIds.add(id);
    return id;
  };
  const current = (id: string): SimEntity => {
    const e = entities.get(parseEntityId(id));
    if (!e) throw new DomainError('NOT_FOUND', `l'entité « ${id} » n'existe pas`, { id });
    if (external.has(e.id)) throw new Error(`bulk: ${e.id} is an existing entity, outside the load: it cannot be updated or ended here`);
    return e;
  };
  const pushChange = (e: SimEntity, op: BulkOp, kind: ChangeRow['op'], changeId: string, fields: string[], before: FieldValues, after: FieldValues) => {
    changes.push({
      id: changeId,
      entityId: e.id,
      entityType: e.type,
      projectId: e.projectId,
      territoryId: e.territoryId,
      op: kind,
      author: op.author,
      recordedAt: toNeoDateTime(op.recordedAt),
      validFrom: toNeoDateTime(op.validFrom),
      version: e.version,
      fields,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      revertOf: null,
      causeId: null,
      title: titleOf(e.spec, e.versions[e.versions.length - 1]!.values),
    });
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
      const fields = Object.keys(values).filter((name) => values[name] !== null);
      pushChange(e, op, 'CREATE', changeId, fields, {}, values);
    } else if (op.op === 'UPDATE') {
      const e = current(op.id);
      const latest = e.versions[e.versions.length - 1]!;
      if (!isOpen(e)) throw new DomainError('ENTITY_ENDED', `${e.spec.label} « ${e.id} » a pris fin le ${frDate(e.validTo)}`);
      const parsed = parsePatch(e.spec, op.patch);
      const changed = Object.keys(parsed).filter((name) => !sameValue(parsed[name], latest.values[name]));
      for (const name of changed) {
        if (e.spec.fields[name]?.fixed) {
          throw new DomainError('FIXED_FIELD', `${e.spec.fields[name]!.label} ne peut pas changer après la création`, { field: name });
        }
      }
      if (changed.length === 0) {
        skipped += 1;
        continue;
      }
      const values: FieldValues = { ...latest.values };
      for (const name of changed) values[name] = parsed[name]!;
      checkEntityRules(e.spec, values);
      const at = effective(op);
      if (at.getTime() < latest.validFrom.getTime()) {
        throw new DomainError('DATE_BEFORE_LAST_CHANGE', `la date d'effet ${frDate(at)} précède le dernier changement de ${e.spec.label} « ${e.id} »`);
      }
      const { projectId, territoryId, refs } = resolve(e.spec, e.id, values, at);
      if (projectId !== e.projectId || territoryId !== e.territoryId) {
        throw new DomainError('CROSS_PROJECT_REFERENCE', `${e.spec.label} ne peut pas changer de projet ou de territoire`);
      }
      if (e.spec.unique && projectId && changed.some((name) => e.spec.unique!.includes(name))) assertUnique(e, values, at);
      const changeId = changeIdOf(op);
      latest.validTo = at;
      const version: SimVersion = { validFrom: at, validTo: END_OF_TIME, recordedAt: op.recordedAt, changeId, values, refs };
      e.versions.push(version);
      e.version += 1;
      e.updatedAt = op.recordedAt;
      track(e, latest, version);
      const before: FieldValues = {};
      const after: FieldValues = {};
      for (const name of changed) {
        before[name] = latest.values[name] ?? null;
        after[name] = values[name] ?? null;
      }
      pushChange(e, op, 'UPDATE', changeId, changed, before, after);
    } else {
      const e = current(op.id);
      const latest = e.versions[e.versions.length - 1]!;
      if (!isOpen(e)) throw new DomainError('ENTITY_ENDED', `${e.spec.label} « ${e.id} » a déjà pris fin le ${frDate(e.validTo)}`);
      const at = effective(op);
      if (at.getTime() < latest.validFrom.getTime()) {
        throw new DomainError('DATE_BEFORE_LAST_CHANGE', `la date d'effet ${frDate(at)} précède le dernier changement de ${e.spec.label} « ${e.id} »`);
      }
      const open = [...(dependents.get(e.id) ?? [])].filter((id) => isOpen(entities.get(id)!));
      if (open.length > 0) {
        throw new Error(`bulk: ending ${e.id} would cascade to ${open.slice(0, 3).join(', ')}… (not supported in bulk: end them first)`);
      }
      const changeId = changeIdOf(op);
      e.validTo = at;
      latest.validTo = at;
      e.version += 1;
      e.updatedAt = op.recordedAt;
      pushChange(e, op, 'END', changeId, ['validTo'], { validTo: null }, { validTo: at.toISOString() });
    }
  }

  const identities: IdentityRow[] = [];
  const versions: VersionRow[] = [];
  for (const e of entities.values()) {
    if (external.has(e.id)) continue;
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
    e.versions.forEach((v, i) => {
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
  return { identities, versions, changes, skipped };
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
    territoryId: row.territoryId, op: row.op, author: row.author, recordedAt: row.recordedAt,
    validFrom: row.validFrom, version: row.version, fields: row.fields, before: row.before, after: row.after,
    revertOf: row.revertOf, causeId: row.causeId, title: row.title })
  CREATE (c)-[:CHANGED]->(e)`;

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
 * Writes a whole plan inside the caller's transaction, one UNWIND statement per entity type,
 * then one for the versions and one for the changes: all or nothing (imports).
 */
export async function writePlan(tx: ManagedTransaction, plan: BulkPlan): Promise<void> {
  for (const [type, rows] of identitiesByType(plan)) await tx.run(identityCypher(type), { rows });
  if (plan.versions.length > 0) await tx.run(VERSIONS_CYPHER, { rows: plan.versions, end: toNeoDateTime(END_OF_TIME) });
  if (plan.changes.length > 0) await tx.run(CHANGES_CYPHER, { rows: plan.changes });
}

/** Writes a plan: identities first (every type), then versions with their references, then changes. */
export async function writeBulk(graph: Graph, plan: BulkPlan, options: BulkWriteOptions = {}): Promise<Omit<BulkStats, 'planMs'>> {
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
        const ctx = { author: op.author, now: op.recordedAt };
        if (op.op === 'CREATE') await createEntity(tx, ctx, op.type, op.input, { validFrom: op.validFrom, id: op.id });
        else if (op.op === 'UPDATE') await updateEntity(tx, ctx, null, op.id, op.patch, { validFrom: op.validFrom });
        else await endEntity(tx, ctx, null, op.id, { validFrom: op.validFrom });
      }
    });
  }
}
