/**
 * Diagnostics behind the suggestions of the benchmark report: alternative implementations of the
 * hot spots, measured beside the real ones and checked to give the same results. Nothing here is
 * used by Trame; they show, with numbers, what a change in graph/src would buy.
 *
 * - `readProjectStateLean`: readProjectState's query with dates sent as epoch milliseconds, one
 *   map per entity instead of two, and the current actors through LATEST.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import {
  END_OF_TIME,
  ENTITIES,
  latestPerEntity,
  toNeoDateTime,
  type EntityRecord,
  type EntityType,
  type FieldValues,
  type ProjectState,
  type ReadMoment,
} from '@trame/graph';

const LEAN_ITEM = (e: string, v: string) =>
  `${v} {.*, id: ${e}.id, version: ${e}.version, entityFrom: ${e}.validFrom.epochMillis, entityTo: ${e}.validTo.epochMillis, ` +
  `validFrom: ${v}.validFrom.epochMillis, validTo: ${v}.validTo.epochMillis, recordedAt: ${v}.recordedAt.epochMillis}`;

export function leanProjectStateQuery(projectId: string, at: ReadMoment): { cypher: string; params: Record<string, unknown> } {
  const scan =
    at === null
      ? `MATCH (v:Version) WHERE v.projectId = pe.id AND v.validTo = $end`
      : `MATCH (v:Version) USING INDEX v:Version(projectId, validFrom)
         WHERE v.projectId = pe.id AND v.validFrom <= $at AND v.validTo > $at`;
  const actorVersion =
    at === null ? `MATCH (e)-[:LATEST]->(av:Version) WHERE av.validTo = $end` : `MATCH (e)-[:HAS_VERSION]->(av:Version) WHERE av.validFrom <= $at AND av.validTo > $at`;
  const territoryVersion =
    at === null ? `MATCH (e)-[:LATEST]->(tv:Version) WHERE tv.validTo = $end` : `MATCH (e)-[:HAS_VERSION]->(tv:Version) WHERE tv.validFrom <= $at AND tv.validTo > $at`;
  return {
    cypher: `
      MATCH (pe:Entity {id: $projectId, type: 'Project'})
      CALL (pe) {
        ${scan}
        MATCH (e:Entity)-[:HAS_VERSION]->(v)
        RETURN collect(${LEAN_ITEM('e', 'v')}) AS items, collect(v) AS versions
      }
      CALL (versions) {
        UNWIND versions AS v
        MATCH (v)-[:REFERS_TO]->(a:Actor)
        WITH DISTINCT a AS e
        ${actorVersion}
        RETURN collect(${LEAN_ITEM('e', 'av')}) AS actors
      }
      CALL (pe) {
        MATCH (e:Entity {id: pe.territoryId})
        ${territoryVersion}
        RETURN collect(${LEAN_ITEM('e', 'tv')}) AS territory
      }
      RETURN items, actors, territory`,
    params: { projectId, at: at === null ? null : toNeoDateTime(at), end: toNeoDateTime(END_OF_TIME) },
  };
}

function leanRecord(item: Record<string, unknown>): EntityRecord {
  const type = item.type as EntityType;
  const values: FieldValues = {};
  for (const name of Object.keys(ENTITIES[type].fields)) values[name] = (item[name] ?? null) as FieldValues[string];
  return {
    id: item.id as string,
    type,
    version: Number(item.version),
    projectId: (item.projectId as string | undefined) ?? null,
    territoryId: item.territoryId as string,
    validFrom: new Date(Number(item.entityFrom)),
    validTo: new Date(Number(item.entityTo)),
    versionFrom: new Date(Number(item.validFrom)),
    versionTo: new Date(Number(item.validTo)),
    recordedAt: new Date(Number(item.recordedAt)),
    values,
  };
}

/** readProjectState with the lean query: the same ProjectState (checked by the bench). */
export async function readProjectStateLean(tx: ManagedTransaction, projectId: string, moment: ReadMoment): Promise<ProjectState> {
  const at = moment ?? new Date();
  const query = leanProjectStateQuery(projectId, moment);
  const result = await tx.run(query.cypher, query.params);
  const row = result.records[0];
  if (!row) throw new Error(`no project ${projectId}`);
  const items = latestPerEntity((row.get('items') as Record<string, unknown>[]).map(leanRecord));
  const project = items.find((item) => item.type === 'Project' && item.id === projectId)!;
  const territory = latestPerEntity((row.get('territory') as Record<string, unknown>[]).map(leanRecord))[0]!;
  const entities = [...items.filter((item) => item !== project), ...latestPerEntity((row.get('actors') as Record<string, unknown>[]).map(leanRecord))];
  const byId = new Map<string, EntityRecord>([project, territory, ...entities].map((e) => [e.id, e]));
  return { at, project, territory, entities, byId };
}

/** The part of a ProjectState that reads must agree on (not `at`, which is the clock for current reads). */
export function stateKey(state: ProjectState): string {
  const records = [state.project, state.territory, ...state.entities].sort((a, b) => a.id.localeCompare(b.id) || a.type.localeCompare(b.type));
  return JSON.stringify(records);
}
