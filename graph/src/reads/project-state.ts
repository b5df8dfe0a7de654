import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { isoDay } from '../model/dates.ts';
import type { EntityType } from '../model/enums.ts';
import type { Query } from '../store/queries.ts';
import type { EntityRecord } from '../store/records.ts';
import { spanSeeks } from '../store/span.ts';
import { END_OF_TIME, toNeoDateTime } from '../time.ts';
import { withoutBrokenReferences, type BrokenReference } from './broken-references.ts';
import { ENTITY_FIELDS, entityRow, fromEntityRow } from './entity-rows.ts';

export type { BrokenReference } from './broken-references.ts';

/** A project's whole map as it stood at one instant (valid time). */
export interface ProjectState {
  at: Date;
  project: EntityRecord;
  territory: EntityRecord;
  /** Every entity of the project valid at `at`, plus the actors they involve. */
  entities: EntityRecord[];
  byId: Map<string, EntityRecord>;
  /** References the read could not follow, left out or cleared (see broken-references.ts). */
  broken?: BrokenReference[];
}

export interface ReadStateOptions {
  /** Told of the references a read could not follow; defaults to a warning on the console. */
  onBroken?: (projectId: string, at: Date, broken: readonly BrokenReference[]) => void;
}

function warnBroken(projectId: string, at: Date, broken: readonly BrokenReference[]): void {
  const sample = broken
    .slice(0, 5)
    .map((b) => `${b.entityId}.${b.field} → ${b.targetId} (${b.action})`)
    .join(', ');
  console.warn(
    `[trame] project ${projectId} at ${at.toISOString()}: ${broken.length} broken reference(s): ${sample} — run \`trame check\``,
  );
}

/**
 * When to read: a past instant, or the latest state (`null`).
 *
 * Neo4j reads are read-committed, and an update moves the closed version's `validTo` from the
 * end of time to the update's date within the indexes: a range scan racing with that move can
 * miss the version. So the latest state is an equality seek on open versions, which always holds
 * the old or the new one.
 *
 * A past instant reads the open versions begun by then (the same equality seek), then the closed
 * versions valid then through their span levels (graph/src/store/span.ts) — in that order, so a
 * version closed while the read runs is found by one seek or the other. The cost follows the
 * versions near the instant, not the length of the project's history.
 */
export type ReadMoment = Date | null;

function validity(alias: string, at: ReadMoment): string {
  return at === null ? `${alias}.validTo = $end` : `${alias}.validFrom <= $at AND ${alias}.validTo > $at`;
}

/** The versions of project `pe` valid at the moment, as `v`. */
function versionScan(at: ReadMoment): string {
  if (at === null) return `MATCH (v:Version) WHERE v.projectId = pe.id AND v.validTo = $end`;
  return `CALL (pe) {
          MATCH (v:Version) USING INDEX v:Version(projectId, validTo)
          WHERE v.projectId = pe.id AND v.validTo = $end AND v.validFrom <= $at
          RETURN v
          UNION ALL
          UNWIND $spans AS span
          MATCH (v:Version) USING INDEX v:Version(projectId, spanLevel, validFrom)
          WHERE v.projectId = pe.id AND v.spanLevel = span.level AND v.validFrom > span.after AND v.validFrom <= $at
            AND v.validTo > $at
          RETURN v
        }`;
}

/** Which part of the state a row of `projectStateQuery` belongs to (its `part` column). */
const PART = { found: -1, item: 0, actor: 1, territory: 2 } as const;

/**
 * One round trip: the versions of the project valid at the moment, the actors they refer to
 * (at that moment too), and the territory — streamed as one record per entity (`part`, `row`),
 * after one `found` record that says the project exists. One record per entity, not one record
 * of collected lists: a record that spans several Bolt chunks is decoded by the driver through
 * its combined-buffer path, which allocates a string decoder and slices per string — at XL's
 * largest map that was 18 of the read's 72 MiB allocated per request (the peak resident memory
 * under load, issue 11). Small records decode straight from the chunk.
 */
export function projectStateQuery(projectId: string, at: ReadMoment): Query {
  const versionOf = (alias: string) => `MATCH (e)-[:HAS_VERSION]->(${alias}:Version) WHERE ${validity(alias, at)}`;
  return {
    cypher: `
      MATCH (pe:Entity {id: $projectId, type: 'Project'})
      CALL (pe) {
        ${versionScan(at)}
        MATCH (e:Entity)-[:HAS_VERSION]->(v)
        RETURN collect(${entityRow('e', 'v')}) AS items, collect(v) AS versions
      }
      CALL (versions) {
        UNWIND versions AS v
        MATCH (v)-[:REFERS_TO]->(e:Actor)
        WITH DISTINCT e
        ${versionOf('av')}
        RETURN collect(${entityRow('e', 'av')}) AS actors
      }
      CALL (pe) {
        MATCH (e:Entity {id: pe.territoryId})
        ${versionOf('tv')}
        RETURN collect(${entityRow('e', 'tv')}) AS territory
      }
      UNWIND [[${PART.found}, null]] + [row IN items | [${PART.item}, row]] + [row IN actors | [${PART.actor}, row]]
        + [row IN territory | [${PART.territory}, row]] AS tagged
      RETURN tagged[0] AS part, tagged[1] AS row`,
    params: {
      projectId,
      at: at === null ? null : toNeoDateTime(at),
      spans: at === null ? null : spanSeeks(at),
      end: toNeoDateTime(END_OF_TIME),
      fields: ENTITY_FIELDS,
    },
  };
}

/**
 * A read racing with a write may see an entity's old and new version both: keep the newer.
 */
export function latestPerEntity(records: EntityRecord[]): EntityRecord[] {
  const byId = new Map<string, EntityRecord>();
  for (const record of records) {
    const seen = byId.get(record.id);
    if (
      !seen ||
      record.versionFrom.getTime() > seen.versionFrom.getTime() ||
      (record.versionFrom.getTime() === seen.versionFrom.getTime() && record.recordedAt.getTime() > seen.recordedAt.getTime())
    ) {
      byId.set(record.id, record);
    }
  }
  return [...byId.values()];
}

/** The project as it stood at `at`, or as it stands now (`null`: the latest recorded state). */
export async function readProjectState(
  tx: ManagedTransaction,
  projectId: string,
  moment: ReadMoment,
  options: ReadStateOptions = {},
): Promise<ProjectState> {
  const at = moment ?? new Date();
  const query = projectStateQuery(projectId, moment);
  const result = await tx.run(query.cypher, query.params);
  if (result.records.length === 0)
    throw new DomainError('NOT_FOUND', `le projet « ${projectId} » n'existe pas`, { id: projectId, entityType: 'Project' });
  const parts: EntityRecord[][] = [[], [], []];
  for (const record of result.records) {
    const part = record.get(0) as number;
    if (part !== PART.found) parts[part]!.push(fromEntityRow(record.get(1) as unknown[]));
  }
  const [itemRows, actorRows, territoryRows] = parts as [EntityRecord[], EntityRecord[], EntityRecord[]];
  const items = latestPerEntity(itemRows);
  const project = items.find((item) => item.type === 'Project' && item.id === projectId);
  const territory = latestPerEntity(territoryRows)[0];
  if (!project || !territory) {
    throw new DomainError('NOT_FOUND', `le projet « ${projectId} » n'existe pas au ${isoDay(at)}`, {
      id: projectId,
      entityType: 'Project',
      at: at.toISOString(),
    });
  }
  const read = [...items.filter((item) => item !== project), ...latestPerEntity(actorRows)];
  const { entities, broken } = withoutBrokenReferences(read, [project, territory]);
  if (broken.length > 0) (options.onBroken ?? warnBroken)(projectId, at, broken);
  const byId = new Map<string, EntityRecord>([project, territory, ...entities].map((e) => [e.id, e]));
  return { at, project, territory, entities, byId, broken };
}

export function ofType(state: ProjectState, type: EntityType): EntityRecord[] {
  return state.entities.filter((entity) => entity.type === type);
}
