import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { ENTITY_TYPES, type EntityType } from '../model/enums.ts';
import { fromNeoDateTime, toNeoDateTime } from '../time.ts';

/**
 * Backup and restore: one versioned JSON document with everything Trame keeps, history included
 * (docs/decisions/0005-exchange-formats.md, « Backup and restore »).
 *
 * - What: the entities (identity nodes), every version with its references and whether it is the
 *   latest, every recorded change (authors are the changes' `author`), the saved layouts — of
 *   one territory, or of the whole database. A whole-database backup also carries the accounts:
 *   users, their password hashes (a restore on a new server must let people sign in: the hashes
 *   are argon2id PHC strings, useless without the passwords), role grants and allowed e-mail
 *   domains. Sessions, sign-in links, API tokens and wall links are left out: they are bearer
 *   secrets of one server, and whoever needs them again creates new ones.
 * - Values keep their Neo4j types: every property is written as `[type, value]`, where type is
 *   `s` (text), `b` (boolean), `i` (integer), `f` (float), `t` (date-time, ISO instant),
 *   `ls` (list of texts); nothing else is stored by Trame.
 * - Canonical: records sorted by their ids (versions by entity, start, record time), object keys
 *   sorted: two backups of the same data are the same bytes (`canonicalJson`).
 * - Restore: into an empty database or one holding other territories; any id (entity, change,
 *   user, e-mail, domain, layout's project) already there refuses the whole document
 *   (BACKUP_ID_COLLISION, the first ids in the message); a document of another format or version
 *   is refused (BACKUP_INVALID, BACKUP_VERSION_UNSUPPORTED), and so is one referring to an entity
 *   or user neither in it nor in the database (BACKUP_INVALID). Planned in memory: references are
 *   resolved from the document, writes attach to nodes by element id (`restoreSteps`). All or
 *   nothing: one transaction, or for a large document several, undone together if one fails
 *   (`restoreBackupDocument`).
 */

export const BACKUP_FORMAT = 'trame-backup';
export const BACKUP_VERSION = 1;

type Typed = ['s', string] | ['b', boolean] | ['i', number] | ['f', number] | ['t', string] | ['ls', string[]];
export type BackupProps = Record<string, Typed>;

export interface BackupVersion {
  props: BackupProps;
  latest: boolean;
  refs: { field: string; id: string }[];
}

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** When the backup was taken (ISO instant). */
  takenAt: string;
  /** The territory backed up, or null for the whole database. */
  territoryId: string | null;
  /** Identity nodes: their properties (id, type, projectId, territoryId, version, validFrom…). */
  entities: BackupProps[];
  versions: BackupVersion[];
  changes: BackupProps[];
  layouts: BackupProps[];
  /** Whole database only (empty for a territory). */
  users: BackupProps[];
  passwords: BackupProps[];
  grants: BackupProps[];
  domains: BackupProps[];
}

/** Node properties with their types, from Cypher: `[key, valueType, value]` triples. */
const PROPS = (n: string) => `[k IN keys(${n}) | [k, valueType(${n}[k]), ${n}[k]]]`;

function encodeProps(triples: unknown[][]): BackupProps {
  const out: BackupProps = {};
  for (const [key, type, value] of triples as [string, string, unknown][]) {
    if (value === null || value === undefined) continue;
    if (type.startsWith('STRING')) out[key] = ['s', value as string];
    else if (type.startsWith('BOOLEAN')) out[key] = ['b', value as boolean];
    else if (type.startsWith('INTEGER')) out[key] = ['i', Number(value)];
    else if (type.startsWith('FLOAT')) out[key] = ['f', Number(value)];
    else if (type.startsWith('ZONED DATETIME')) out[key] = ['t', fromNeoDateTime(value).toISOString()];
    else if (type.startsWith('LIST')) out[key] = ['ls', (value as unknown[]).map(String)];
    else throw new Error(`backup: property ${key} of type ${type} is not supported`);
  }
  return out;
}

function decodeProps(props: BackupProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, [type, value]] of Object.entries(props)) {
    if (type === 'i') out[key] = neo4j.int(value as number);
    else if (type === 't') out[key] = toNeoDateTime(new Date(value as string));
    else out[key] = value;
  }
  return out;
}

const text = (props: BackupProps, key: string): string => String(props[key]?.[1] ?? '');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKeys =
  (...keys: string[]) =>
  (a: BackupProps, b: BackupProps) => {
    for (const key of keys) {
      const c = compare(text(a, key), text(b, key));
      if (c !== 0) return c;
    }
    return 0;
  };

/** JSON with object keys sorted at every level: the same data gives the same bytes. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 1)}\n`;
}

async function rows(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>): Promise<BackupProps[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((r) => encodeProps(r.get('props') as unknown[][]));
}

/**
 * Reads a backup of one territory (`territoryId`) or of the whole database (null), in the
 * caller's transaction (a read one). `takenAt` defaults to now.
 * @throws DomainError NOT_FOUND (no such territory)
 */
export async function takeBackup(
  tx: ManagedTransaction,
  options: { territoryId?: string | null; takenAt?: Date } = {},
): Promise<BackupDocument> {
  const territoryId = options.territoryId ?? null;
  if (territoryId !== null) {
    const found = await tx.run("MATCH (t:Entity {id: $id, type: 'Territory'}) RETURN t.id", { id: territoryId });
    if (found.records.length === 0) {
      throw new DomainError('NOT_FOUND', `le territoire « ${territoryId} » n'existe pas`, {
        id: territoryId,
        entityType: 'Territory',
      });
    }
  }
  const scope = (n: string) => (territoryId === null ? 'true' : `${n}.territoryId = $territoryId`);
  const params = { territoryId };
  const entities = await rows(tx, `MATCH (e:Entity) WHERE ${scope('e')} RETURN ${PROPS('e')} AS props`, params);
  const versionResult = await tx.run(
    `MATCH (e:Entity)-[:HAS_VERSION]->(v:Version) WHERE ${scope('e')}
     OPTIONAL MATCH (v)-[r:REFERS_TO]->(x:Entity)
     WITH e, v, [ref IN collect({field: r.field, id: x.id}) WHERE ref.id IS NOT NULL] AS refs
     RETURN ${PROPS('v')} AS props, exists((e)-[:LATEST]->(v)) AS latest, refs`,
    params,
  );
  const versions: BackupVersion[] = versionResult.records.map((r) => ({
    props: encodeProps(r.get('props') as unknown[][]),
    latest: r.get('latest') as boolean,
    refs: (r.get('refs') as { field: string; id: string }[]).sort((a, b) => compare(a.field, b.field) || compare(a.id, b.id)),
  }));
  const changes = await rows(tx, `MATCH (c:Change) WHERE ${scope('c')} RETURN ${PROPS('c')} AS props`, params);
  const layouts = await rows(
    tx,
    `MATCH (p:Entity)-[:HAS_LAYOUT]->(l:Layout) WHERE ${scope('p')} RETURN ${PROPS('l')} AS props`,
    params,
  );
  const whole = territoryId === null;
  const accounts = async (label: string) =>
    whole ? rows(tx, `MATCH (n:${label}) RETURN ${PROPS('n')} AS props`, {}) : Promise.resolve([]);
  const [users, passwords, grants, domains] = [
    await accounts('User'),
    await accounts('Password'),
    await accounts('RoleGrant'),
    await accounts('AllowedDomain'),
  ];
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    takenAt: (options.takenAt ?? new Date()).toISOString(),
    territoryId,
    entities: entities.sort(byKeys('id')),
    versions: versions.sort(
      (a, b) =>
        byKeys('entityId', 'validFrom', 'recordedAt', 'changeId')(a.props, b.props) ||
        compare(JSON.stringify(a.props), JSON.stringify(b.props)),
    ),
    changes: changes.sort(byKeys('id')),
    layouts: layouts.sort(byKeys('projectId')),
    users: users.sort(byKeys('id')),
    passwords: passwords.sort(byKeys('userId')),
    grants: grants.sort(byKeys('id')),
    domains: domains.sort(byKeys('domain')),
  };
}

/**
 * Checks a parsed document's shape and version.
 * @throws DomainError BACKUP_INVALID, BACKUP_VERSION_UNSUPPORTED
 */
export function parseBackup(raw: unknown): BackupDocument {
  const doc = raw as Partial<BackupDocument> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== BACKUP_FORMAT) {
    throw new DomainError('BACKUP_INVALID', "ce fichier n'est pas une sauvegarde de Trame (format « trame-backup » attendu)");
  }
  if (doc.version !== BACKUP_VERSION) {
    const newer = typeof doc.version === 'number' && doc.version > BACKUP_VERSION;
    throw new DomainError(
      'BACKUP_VERSION_UNSUPPORTED',
      newer
        ? `cette sauvegarde vient d'une version plus récente de Trame (format ${doc.version}, celle-ci lit le format ${BACKUP_VERSION}) : mettez Trame à jour, puis restaurez-la`
        : `cette sauvegarde est dans un format plus ancien (${String(doc.version)}) que celui que cette version de Trame lit (${BACKUP_VERSION}) et qu'elle ne sait pas convertir : restaurez-la avec la version de Trame qui l'a écrite, puis sauvegardez de nouveau`,
      { version: doc.version, supported: BACKUP_VERSION, newer },
    );
  }
  for (const key of ['entities', 'versions', 'changes', 'layouts', 'users', 'passwords', 'grants', 'domains'] as const) {
    if (!Array.isArray(doc[key]))
      throw new DomainError('BACKUP_INVALID', `la sauvegarde est incomplète : la liste « ${key} » manque`);
  }
  for (const e of doc.entities!) {
    if (!ENTITY_TYPES.includes(e.type?.[1] as EntityType)) {
      throw new DomainError('BACKUP_INVALID', `la sauvegarde contient une entité de type inconnu (« ${String(e.type?.[1])} »)`);
    }
  }
  return doc as BackupDocument;
}

export interface RestoreStats {
  entities: number;
  versions: number;
  changes: number;
  layouts: number;
  users: number;
}

/** Document id (entity, user) → element id of its node. */
type NodeOf = (id: string) => string | null;

/**
 * One UNWIND statement of a restore. Its rows are built when it runs (`rows(nodeOf)`): they name
 * the nodes they attach to by element id, which the statements creating entities and users
 * give back (`creates`: they return `id, node`).
 */
interface RestoreStep {
  cypher: string;
  count: number;
  rows: (nodeOf: NodeOf) => unknown[];
  creates?: boolean;
}

/** Rows per statement: the bulk loader's batch size (store/bulk.ts). */
const RESTORE_BATCH = 2000;

/**
 * What a restore refers to outside the document: entity ids (versions' references, changes'
 * entities, layouts' projects) and user ids (passwords, grants) that the document does not
 * create. A well-formed backup refers to nothing outside itself; a territory's may refer to
 * entities of the database it was taken from, which must then be in the target database.
 */
interface OutsideReferences {
  entities: string[];
  users: string[];
}

/** The ids the document refers to without creating them: resolved from the document, in memory. */
function outsideReferences(doc: BackupDocument): OutsideReferences {
  const entityIds = new Set(doc.entities.map((e) => text(e, 'id')));
  const userIds = new Set(doc.users.map((u) => text(u, 'id')));
  const entities = new Set<string>();
  const users = new Set<string>();
  const entity = (id: string) => {
    if (!entityIds.has(id)) entities.add(id);
  };
  for (const v of doc.versions) {
    entity(text(v.props, 'entityId'));
    for (const ref of v.refs ?? []) entity(String(ref?.id));
  }
  for (const c of doc.changes) entity(text(c, 'entityId'));
  for (const l of doc.layouts) entity(text(l, 'projectId'));
  for (const p of [...doc.passwords, ...doc.grants]) if (!userIds.has(text(p, 'userId'))) users.add(text(p, 'userId'));
  return { entities: [...entities], users: [...users] };
}

/**
 * Refuses a document any of whose ids is already in the database (BACKUP_ID_COLLISION), or that
 * refers to an entity or user neither in it nor in the database (BACKUP_INVALID: a restore would
 * leave a version without its entity or a reference without its target). Returns the element ids
 * of what it refers to in the database: one read for the whole document, no lookup per record.
 * @throws DomainError BACKUP_ID_COLLISION, BACKUP_INVALID
 */
async function checkDocument(tx: ManagedTransaction, doc: BackupDocument): Promise<Map<string, string>> {
  const ids = (list: BackupProps[], key: string) => list.map((p) => text(p, key));
  const outside = outsideReferences(doc);
  const result = await tx.run(
    `CALL { MATCH (e:Entity) WHERE e.id IN $entities RETURN collect(e.id) AS a }
     CALL { MATCH (c:Change) WHERE c.id IN $changes RETURN collect(c.id) AS b }
     CALL { MATCH (u:User) WHERE u.id IN $users OR u.email IN $emails RETURN collect(u.email) AS c }
     CALL { MATCH (d:AllowedDomain) WHERE d.domain IN $domains RETURN collect(d.domain) AS d }
     CALL { MATCH (l:Layout) WHERE l.projectId IN $layouts RETURN collect(l.projectId) AS e }
     CALL { MATCH (x:Entity) WHERE x.id IN $outsideEntities RETURN collect([x.id, elementId(x)]) AS f }
     CALL { MATCH (x:User) WHERE x.id IN $outsideUsers RETURN collect([x.id, elementId(x)]) AS g }
     RETURN a + b + c + d + e AS taken, f + g AS outside`,
    {
      entities: ids(doc.entities, 'id'),
      changes: ids(doc.changes, 'id'),
      users: ids(doc.users, 'id'),
      emails: ids(doc.users, 'email'),
      domains: ids(doc.domains, 'domain'),
      layouts: ids(doc.layouts, 'projectId'),
      outsideEntities: outside.entities,
      outsideUsers: outside.users,
    },
  );
  const record = result.records[0]!;
  const taken = record.get('taken') as string[];
  if (taken.length > 0) {
    throw new DomainError(
      'BACKUP_ID_COLLISION',
      `la base contient déjà ${taken.length === 1 ? 'un élément' : `${taken.length} éléments`} de cette sauvegarde (${taken.slice(0, 5).join(', ')}${taken.length > 5 ? '…' : ''}) : restaurez-la dans une base vide ou qui ne contient pas ce territoire`,
      { ids: taken.slice(0, 100), count: taken.length },
    );
  }
  const found = new Map(record.get('outside') as [string, string][]);
  const missing = [...outside.entities, ...outside.users].filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new DomainError(
      'BACKUP_INVALID',
      `la sauvegarde fait référence à ${missing.length === 1 ? 'un élément' : `${missing.length} éléments`} qu'elle ne contient pas et que la base n'a pas (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}) : elle est incomplète`,
      { ids: missing.slice(0, 100), count: missing.length },
    );
  }
  return found;
}

/**
 * The statements that write a document, in order (what is referred to first), batched. Planned
 * in memory from the document: every record names the node it attaches to by element id (the
 * entity or user created by an earlier statement, or found by `checkDocument`), so the writes
 * look nothing up by id. The bulk loader's statements (store/bulk.ts) write the properties the
 * commands write; a restore writes back whatever properties the document holds (`SET n = row`),
 * so that backup → restore → backup gives the same bytes.
 */
function restoreSteps(doc: BackupDocument): RestoreStep[] {
  const steps: RestoreStep[] = [];
  const batches = (cypher: string, list: readonly unknown[], row: (item: never, nodeOf: NodeOf) => unknown, creates = false) => {
    for (let i = 0; i < list.length; i += RESTORE_BATCH) {
      const slice = list.slice(i, i + RESTORE_BATCH);
      steps.push({
        cypher,
        count: slice.length,
        rows: (nodeOf) => slice.map((item) => row(item as never, nodeOf)),
        ...(creates ? { creates } : {}),
      });
    }
  };
  for (const type of ENTITY_TYPES) {
    batches(
      `UNWIND $rows AS row CREATE (e:Entity:${type}) SET e = row RETURN row.id AS id, elementId(e) AS node`,
      doc.entities.filter((e) => e.type?.[1] === type),
      (e: BackupProps) => decodeProps(e),
      true,
    );
  }
  batches(
    `UNWIND $rows AS row
     MATCH (e) WHERE elementId(e) = row.entity
     CREATE (e)-[:HAS_VERSION]->(v:Version) SET v = row.props
     FOREACH (_ IN CASE WHEN row.latest THEN [1] ELSE [] END | CREATE (e)-[:LATEST]->(v))
     WITH v, row
     CALL (v, row) {
       UNWIND row.refs AS ref
       MATCH (t) WHERE elementId(t) = ref.node
       CREATE (v)-[:REFERS_TO {field: ref.field}]->(t)
     }`,
    doc.versions,
    (v: BackupVersion, nodeOf) => ({
      entity: nodeOf(text(v.props, 'entityId')),
      props: decodeProps(v.props),
      latest: v.latest,
      refs: v.refs.map((ref) => ({ field: ref.field, node: nodeOf(ref.id) })),
    }),
  );
  batches(
    `UNWIND $rows AS row MATCH (e) WHERE elementId(e) = row.entity CREATE (c:Change)-[:CHANGED]->(e) SET c = row.props`,
    doc.changes,
    (c: BackupProps, nodeOf) => ({ entity: nodeOf(text(c, 'entityId')), props: decodeProps(c) }),
  );
  batches(
    `UNWIND $rows AS row MATCH (p) WHERE elementId(p) = row.project CREATE (p)-[:HAS_LAYOUT]->(l:Layout) SET l = row.props`,
    doc.layouts,
    (l: BackupProps, nodeOf) => ({ project: nodeOf(text(l, 'projectId')), props: decodeProps(l) }),
  );
  batches(
    'UNWIND $rows AS row CREATE (u:User) SET u = row RETURN row.id AS id, elementId(u) AS node',
    doc.users,
    (u: BackupProps) => decodeProps(u),
    true,
  );
  batches(
    'UNWIND $rows AS row MATCH (u) WHERE elementId(u) = row.user CREATE (u)-[:HAS_PASSWORD]->(p:Password) SET p = row.props',
    doc.passwords,
    (p: BackupProps, nodeOf) => ({ user: nodeOf(text(p, 'userId')), props: decodeProps(p) }),
  );
  batches(
    'UNWIND $rows AS row MATCH (u) WHERE elementId(u) = row.user CREATE (u)-[:HAS_GRANT]->(g:RoleGrant) SET g = row.props',
    doc.grants,
    (g: BackupProps, nodeOf) => ({ user: nodeOf(text(g, 'userId')), props: decodeProps(g) }),
  );
  batches('UNWIND $rows AS row CREATE (d:AllowedDomain) SET d = row', doc.domains, (d: BackupProps) => decodeProps(d));
  return steps;
}

/**
 * Runs steps in the transaction, resolving references among `known` nodes (committed, or found in
 * the database) and those the steps create; returns the latter (id → element id).
 */
async function runSteps(
  tx: ManagedTransaction,
  steps: readonly RestoreStep[],
  known: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  const nodeOf: NodeOf = (id) => created.get(id) ?? known.get(id) ?? null;
  for (const step of steps) {
    const result = await tx.run(step.cypher, { rows: step.rows(nodeOf) });
    if (step.creates) for (const r of result.records) created.set(r.get('id') as string, r.get('node') as string);
  }
  return created;
}

const statsOf = (doc: BackupDocument): RestoreStats => ({
  entities: doc.entities.length,
  versions: doc.versions.length,
  changes: doc.changes.length,
  layouts: doc.layouts.length,
  users: doc.users.length,
});

/**
 * Writes a backup into the database, in the caller's write transaction: all or nothing. A large
 * document outgrows one transaction's memory (L's 230,000 records did at 2 GiB): the CLI and the
 * API go through `restoreBackupDocument`.
 * @throws DomainError BACKUP_INVALID, BACKUP_VERSION_UNSUPPORTED, BACKUP_ID_COLLISION
 */
export async function restoreBackup(tx: ManagedTransaction, raw: unknown): Promise<RestoreStats> {
  const doc = parseBackup(raw);
  const outside = await checkDocument(tx, doc);
  await runSteps(tx, restoreSteps(doc), outside);
  return statsOf(doc);
}

/**
 * Rows per transaction of a stepwise restore (and the size under which one transaction does it
 * all): one 2,000-row statement per transaction, as the bulk loader commits. Larger transactions
 * were slower per record: M's backup (47,000 records) took 72 s at 40,000 rows per transaction,
 * 27 s at 2,000 (same machine, same hour).
 */
export const RESTORE_ROWS_PER_TRANSACTION = 2_000;

/**
 * Restores a backup of any size: in one transaction when it is small, else in transactions of
 * about RESTORE_ROWS_PER_TRANSACTION records, what is referred to first. All or nothing still:
 * the ids are checked free before anything is written, and if a step fails everything the
 * document holds is removed again (by its ids, which were free) before the error is thrown.
 * While it runs, other writers must not write into the territories being restored (an
 * administrator's operation on a territory that does not exist yet).
 * @throws DomainError BACKUP_INVALID, BACKUP_VERSION_UNSUPPORTED, BACKUP_ID_COLLISION
 */
export async function restoreBackupDocument(
  graph: Graph,
  raw: unknown,
  options: { rowsPerTransaction?: number } = {},
): Promise<RestoreStats> {
  const perTransaction = options.rowsPerTransaction ?? RESTORE_ROWS_PER_TRANSACTION;
  const doc = parseBackup(raw);
  const steps = restoreSteps(doc);
  const rows = steps.reduce((n, step) => n + step.count, 0);
  if (rows <= perTransaction) return graph.write((tx) => restoreBackup(tx, doc));
  const nodes = await graph.read((tx) => checkDocument(tx, doc));
  try {
    let i = 0;
    while (i < steps.length) {
      const group: RestoreStep[] = [];
      let size = 0;
      while (i < steps.length && (group.length === 0 || size + steps[i]!.count <= perTransaction)) {
        size += steps[i]!.count;
        group.push(steps[i++]!);
      }
      // A group's nodes are known to the next ones once its transaction has committed (a retried
      // transaction function starts again from the committed ones).
      const created = await graph.write((tx) => runSteps(tx, group, nodes));
      for (const [id, node] of created) nodes.set(id, node);
    }
  } catch (error) {
    await removeRestored(graph, doc);
    throw error;
  }
  return statsOf(doc);
}

/** Removes what a failed stepwise restore wrote: everything with the document's ids (free before it began). */
async function removeRestored(graph: Graph, doc: BackupDocument): Promise<void> {
  const ids = (list: BackupProps[], key: string) => list.map((p) => text(p, key));
  const removals: [string, string[]][] = [
    ['MATCH (c:Change) WHERE c.id IN $ids DETACH DELETE c', ids(doc.changes, 'id')],
    [
      `MATCH (e:Entity) WHERE e.id IN $ids
       OPTIONAL MATCH (e)-[:HAS_VERSION|HAS_LAYOUT]->(x) DETACH DELETE x`,
      ids(doc.entities, 'id'),
    ],
    ['MATCH (e:Entity) WHERE e.id IN $ids DETACH DELETE e', ids(doc.entities, 'id')],
    [
      `MATCH (u:User) WHERE u.id IN $ids
       OPTIONAL MATCH (u)-[:HAS_PASSWORD|HAS_GRANT]->(x) DETACH DELETE x`,
      ids(doc.users, 'id'),
    ],
    ['MATCH (u:User) WHERE u.id IN $ids DETACH DELETE u', ids(doc.users, 'id')],
    ['MATCH (d:AllowedDomain) WHERE d.domain IN $ids DETACH DELETE d', ids(doc.domains, 'domain')],
  ];
  for (const [cypher, list] of removals) {
    for (let i = 0; i < list.length; i += RESTORE_BATCH) {
      const slice = list.slice(i, i + RESTORE_BATCH);
      await graph.write((tx) => tx.run(cypher, { ids: slice }));
    }
  }
}
