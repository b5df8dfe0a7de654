/**
 * The floor: hand-written Cypher through neo4j-driver, with no API around it.
 *
 * - `rawProjectMap`: the current map of a project (the nodes, edges and ecosystems of
 *   `projectMap`, same ids, labels and data), assembled by one Cypher statement.
 * - `rawUpdateValue`: the same edit as `updatePosition` (version check, new version closing the
 *   previous one, references carried over, a Change with before/after) in one statement.
 * - `rawImportActors`: N actors and their engagements in a project created in one statement
 *   (identities, versions, references, changes), the graph shape `importActors` writes.
 */
import { randomBytes } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { END_OF_TIME, ENGAGEMENT_LEVELS, spanLevelCypher, toNeoDateTime } from '@trame/graph';

export const RAW_MAP_CYPHER = `
  MATCH (v:Version) WHERE v.projectId = $projectId AND v.validTo = $end
  MATCH (e:Entity)-[:HAS_VERSION]->(v)
  WITH collect({id: e.id, version: e.version, from: e.validFrom, v: v}) AS items
  WITH items,
       [x IN items WHERE x.v.type = 'Perimeter'] AS perimeters,
       [x IN items WHERE x.v.type = 'Objective'] AS objectives,
       [x IN items WHERE x.v.type = 'Ecosystem'] AS ecosystems,
       [x IN items WHERE x.v.type = 'Externality'] AS externalities
  CALL (items) {
    UNWIND items AS g
    WITH g WHERE g.v.type = 'Engagement'
    MATCH (a:Entity {id: g.v.actorId})-[:LATEST]->(av:Version)
    WHERE av.validTo = $end
    RETURN collect({g: g, id: a.id, version: a.version, v: av}) AS actors
  }
  WITH items, perimeters, objectives, ecosystems, externalities, actors,
       [p IN perimeters | p.id] AS perimeterIds, [a IN actors | a.id] AS actorIds
  WITH items, perimeters, objectives, ecosystems, externalities, actors, perimeterIds, actorIds,
       perimeterIds + actorIds + [o IN objectives | o.id] AS nodeIds
  RETURN
    [p IN perimeters | {id: p.id, kind: 'PERIMETER', label: p.v.name, parent: null, entityVersion: p.version,
       data: {description: p.v.description, since: p.from}}]
    + [a IN actors | {id: a.id, kind: 'ACTOR', label: a.v.name,
       parent: CASE WHEN a.g.v.perimeterId IN perimeterIds THEN a.g.v.perimeterId END, entityVersion: a.version,
       data: {actorKind: a.v.kind, engagementId: a.g.id, engagementVersion: a.g.version, engagement: a.g.v.level,
              engagementRank: [i IN range(0, size($levels) - 1) WHERE $levels[i] = a.g.v.level][0],
              role: a.g.v.role, perimeterId: a.g.v.perimeterId,
              ecosystemIds: [eco IN ecosystems WHERE a.id IN eco.v.memberIds | eco.id], description: a.v.description}}]
    + [o IN objectives | {id: o.id, kind: 'OBJECTIVE', label: o.v.title,
       parent: CASE WHEN o.v.perimeterId IN perimeterIds THEN o.v.perimeterId END, entityVersion: o.version,
       data: {ownerId: o.v.actorId, dimensions: o.v.dimensions, nature: o.v.nature, confidential: coalesce(o.v.confidential, false),
              perimeterId: o.v.perimeterId, description: o.v.description}}]
    + [x IN externalities | {id: x.id, kind: 'EXTERNALITY', label: x.v.description, parent: null, entityVersion: x.version,
       data: {sign: x.v.sign, status: x.v.status, internalisation: x.v.internalisation}}] AS nodes,
    [o IN objectives WHERE o.v.actorId IN actorIds | {id: 'owns-' + o.id, kind: 'OWNS', source: o.v.actorId, target: o.id,
       label: null, entityVersion: o.version, data: {entityId: o.id}}]
    + [x IN items WHERE x.v.type = 'Position' AND x.v.actorId IN nodeIds AND x.v.objectiveId IN nodeIds |
       {id: x.id, kind: 'POSITION', source: x.v.actorId, target: x.v.objectiveId,
        label: CASE WHEN x.v.value > 0 THEN '+' ELSE '' END + toString(toInteger(x.v.value)), entityVersion: x.version,
        data: {value: x.v.value, intensity: abs(x.v.value), stance: CASE WHEN x.v.value > 0 THEN 'FOR' WHEN x.v.value < 0 THEN 'AGAINST' ELSE 'NEUTRAL' END,
               note: x.v.note, entityId: x.id}}]
    + [x IN items WHERE x.v.type = 'Convergence' AND x.v.objectiveAId IN nodeIds AND x.v.objectiveBId IN nodeIds |
       {id: x.id, kind: 'CONVERGENCE', source: x.v.objectiveAId, target: x.v.objectiveBId, label: null, entityVersion: x.version,
        data: {note: x.v.note, entityId: x.id}}]
    + [x IN items WHERE x.v.type = 'Conflict' AND x.v.objectiveAId IN nodeIds AND x.v.objectiveBId IN nodeIds |
       {id: x.id, kind: 'CONFLICT', source: x.v.objectiveAId, target: x.v.objectiveBId, label: null, entityVersion: x.version,
        data: {intensity: x.v.intensity, status: x.v.status, confidential: coalesce(x.v.confidential, false),
               arbitration: x.v.arbitration, note: x.v.note, since: x.from, entityId: x.id}}]
    + [x IN externalities WHERE x.v.objectiveId IN nodeIds |
       {id: x.id + '-source', kind: 'EXTERNALITY_SOURCE', source: x.v.objectiveId, target: x.id, label: null, entityVersion: x.version,
        data: {sign: x.v.sign, entityId: x.id}}]
    + reduce(acc = [], x IN externalities | acc + [a IN x.v.affectedActorIds WHERE a IN nodeIds |
       {id: x.id + '-' + a, kind: 'EXTERNALITY_EFFECT', source: x.id, target: a, label: null, entityVersion: x.version,
        data: {sign: x.v.sign, status: x.v.status, entityId: x.id}}])
    + [x IN items WHERE x.v.type = 'Cooperation' AND x.v.actorAId IN nodeIds AND x.v.actorBId IN nodeIds |
       {id: x.id, kind: 'COOPERATION', source: x.v.actorAId, target: x.v.actorBId, label: null, entityVersion: x.version,
        data: {commitments: x.v.commitments, counterparts: x.v.counterparts, since: x.from, entityId: x.id}}]
    + [x IN items WHERE x.v.type = 'Influence' AND x.v.value <> 0 AND x.v.fromActorId IN nodeIds AND x.v.toActorId IN nodeIds |
       {id: x.id, kind: 'INFLUENCE', source: x.v.fromActorId, target: x.v.toActorId, label: toString(toInteger(x.v.value)),
        entityVersion: x.version, data: {value: x.v.value, entityId: x.id}}]
    + [x IN items WHERE x.v.type = 'SystemicLeap' AND x.v.fromPerimeterId IN perimeterIds AND x.v.toPerimeterId IN perimeterIds |
       {id: x.id, kind: 'LEAP', source: x.v.fromPerimeterId, target: x.v.toPerimeterId, label: x.v.trigger, entityVersion: x.version,
        data: {date: x.from, trigger: x.v.trigger, description: x.v.description, entityId: x.id}}] AS edges,
    [x IN ecosystems | {id: x.id, name: x.v.name, memberIds: x.v.memberIds, perimeterId: x.v.perimeterId}] AS ecosystems`;

export interface RawMap {
  nodes: {
    id: string;
    kind: string;
    label: string;
    parent: string | null;
    entityVersion: number;
    data: Record<string, unknown>;
  }[];
  edges: {
    id: string;
    kind: string;
    source: string;
    target: string;
    label: string | null;
    entityVersion: number;
    data: Record<string, unknown>;
  }[];
  ecosystems: { id: string; name: string; memberIds: string[]; perimeterId: string | null }[];
}

const END = toNeoDateTime(END_OF_TIME);

/** The current map of a project, by hand-written Cypher. */
export async function rawProjectMap(driver: Driver, database: string, projectId: string): Promise<RawMap> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) =>
      tx.run(RAW_MAP_CYPHER, { projectId, end: END, levels: [...ENGAGEMENT_LEVELS] }),
    );
    const row = result.records[0];
    if (!row) return { nodes: [], edges: [], ecosystems: [] };
    return { nodes: row.get('nodes'), edges: row.get('edges'), ecosystems: row.get('ecosystems') };
  } finally {
    await session.close();
  }
}

export const RAW_UPDATE_CYPHER = `
  MATCH (e:Entity {id: $id})
  SET e._lock = true REMOVE e._lock
  WITH e WHERE e.version = $expected AND e.validTo = $end
  MATCH (e)-[latest:LATEST]->(old:Version)
  WHERE old.validFrom <= $validFrom
  SET old.validTo = $validFrom, old.spanLevel = ${spanLevelCypher('old.validFrom', '$validFrom')},
      e.version = e.version + 1, e.updatedAt = $recordedAt
  DELETE latest
  CREATE (v:Version)
  SET v = properties(old)
  REMOVE v.spanLevel
  SET v.validFrom = $validFrom, v.validTo = $end, v.recordedAt = $recordedAt, v.changeId = $changeId
  SET v += $patch
  CREATE (e)-[:HAS_VERSION]->(v), (e)-[:LATEST]->(v)
  WITH e, v, old
  CALL (old, v) {
    MATCH (old)-[r:REFERS_TO]->(t:Entity)
    CREATE (v)-[:REFERS_TO {field: r.field}]->(t)
  }
  CREATE (c:Change {
    id: $changeId, entityId: e.id, entityType: e.type, projectId: e.projectId, territoryId: e.territoryId,
    op: 'UPDATE', author: $author, recordedAt: $recordedAt, validFrom: $validFrom, version: toFloat(e.version),
    fields: keys($patch), before: $before, after: $after, title: $title })
  CREATE (c)-[:CHANGED]->(e)
  RETURN e.version AS version`;

const rawId = (prefix: string) => `${prefix}-${randomBytes(8).toString('hex')}`;

/**
 * Sets one field of an entity (a position's value), checking its version like the API: returns
 * the new version, or null when the version was stale.
 */
export async function rawUpdateValue(
  driver: Driver,
  database: string,
  args: { id: string; expected: number; field: string; before: unknown; after: unknown; title: string | null; author: string },
): Promise<number | null> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const now = toNeoDateTime(new Date());
    const result = await session.executeWrite((tx) =>
      tx.run(RAW_UPDATE_CYPHER, {
        id: args.id,
        expected: args.expected,
        end: END,
        validFrom: now,
        recordedAt: now,
        changeId: rawId('chg'),
        patch: { [args.field]: args.after },
        before: JSON.stringify({ [args.field]: args.before }),
        after: JSON.stringify({ [args.field]: args.after }),
        title: args.title,
        author: args.author,
      }),
    );
    const row = result.records[0];
    return row ? Number(row.get('version')) : null;
  } finally {
    await session.close();
  }
}

export const RAW_IMPORT_CYPHER = `
  MATCH (p:Entity {id: $projectId})
  MATCH (t:Entity {id: p.territoryId})
  UNWIND $rows AS row
  CREATE (a:Entity:Actor {
    id: row.actorId, type: 'Actor', territoryId: t.id, version: 1,
    validFrom: $validFrom, validTo: $end, createdAt: $recordedAt, updatedAt: $recordedAt })
  CREATE (av:Version {
    entityId: row.actorId, type: 'Actor', territoryId: t.id,
    validFrom: $validFrom, validTo: $end, recordedAt: $recordedAt, changeId: row.actorChangeId })
  SET av += row.actor
  CREATE (a)-[:HAS_VERSION]->(av), (a)-[:LATEST]->(av), (av)-[:REFERS_TO {field: 'territoryId'}]->(t)
  CREATE (ac:Change {
    id: row.actorChangeId, entityId: row.actorId, entityType: 'Actor', territoryId: t.id,
    op: 'CREATE', author: $author, recordedAt: $recordedAt, validFrom: $validFrom, version: 1.0,
    fields: keys(row.actor), before: '{}', after: row.actorAfter, title: row.actor.name })
  CREATE (ac)-[:CHANGED]->(a)
  CREATE (g:Entity:Engagement {
    id: row.engagementId, type: 'Engagement', projectId: p.id, territoryId: t.id, version: 1,
    validFrom: $validFrom, validTo: $end, createdAt: $recordedAt, updatedAt: $recordedAt })
  CREATE (gv:Version {
    entityId: row.engagementId, type: 'Engagement', projectId: p.id, territoryId: t.id,
    validFrom: $validFrom, validTo: $end, recordedAt: $recordedAt, changeId: row.engagementChangeId })
  SET gv += row.engagement
  CREATE (g)-[:HAS_VERSION]->(gv), (g)-[:LATEST]->(gv),
         (gv)-[:REFERS_TO {field: 'actorId'}]->(a), (gv)-[:REFERS_TO {field: 'projectId'}]->(p)
  CREATE (gc:Change {
    id: row.engagementChangeId, entityId: row.engagementId, entityType: 'Engagement', projectId: p.id, territoryId: t.id,
    op: 'CREATE', author: $author, recordedAt: $recordedAt, validFrom: $validFrom, version: 1.0,
    fields: keys(row.engagement), before: '{}', after: row.engagementAfter, title: row.engagement.level })
  CREATE (gc)-[:CHANGED]->(g)
  RETURN count(g) AS created`;

export interface ImportRow {
  name: string;
  kind: string;
  description: string | null;
  level: string;
  role: string | null;
}

const present = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));

/** Creates each row's actor and its engagement in the project, in one statement. */
export async function rawImportActors(
  driver: Driver,
  database: string,
  projectId: string,
  territoryId: string,
  rows: ImportRow[],
  author: string,
): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const now = toNeoDateTime(new Date());
    const result = await session.executeWrite((tx) =>
      tx.run(RAW_IMPORT_CYPHER, {
        projectId,
        end: END,
        validFrom: now,
        recordedAt: now,
        author,
        rows: rows.map((row) => {
          const actorId = rawId('act');
          const actor = present({ territoryId, name: row.name, kind: row.kind, description: row.description });
          const engagement = present({ actorId, projectId, level: row.level, role: row.role });
          return {
            actorId,
            engagementId: rawId('eng'),
            actorChangeId: rawId('chg'),
            engagementChangeId: rawId('chg'),
            actor,
            engagement,
            actorAfter: JSON.stringify(actor),
            engagementAfter: JSON.stringify(engagement),
          };
        }),
      }),
    );
    return Number(result.records[0]?.get('created') ?? 0);
  } finally {
    await session.close();
  }
}
