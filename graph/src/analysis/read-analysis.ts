import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { diffProjectStates } from '../history/diff.ts';
import { readMomentOf, resolveMilestone } from '../history/milestones.ts';
import { summarisePath, type PathSummary } from '../history/path.ts';
import type { DiffSummary } from '../model/diff-summary.ts';
import { parseEntityId } from '../model/validation.ts';
import { readProjectState, type ProjectState, type ReadMoment } from '../reads/project-state.ts';
import { listTerritoryEntities } from '../reads/territories.ts';
import { visibleStatesOf } from '../reads/visible-states.ts';
import type { Reader } from '../access/redaction.ts';
import type { Query } from '../store/queries.ts';
import { fromNeoDateTime, toNeoDateTime } from '../time.ts';
import { analyse, type Analysis, type Label } from './assemble.ts';
import { engagementLoadTimeline, quarterMarks, type EngagementVersion, type LoadTimeline } from './load-timeline.ts';

/** How many quarters the review's engagement load goes back (three years). */
export const LOAD_QUARTERS = 12;

/**
 * Every version of the territory's engagements valid at some instant of [from, at], with the
 * name of the actor: the history the quarterly load is read from, in one query.
 */
export function engagementVersionsQuery(territoryId: string, from: Date, at: Date): Query {
  return {
    cypher: `
      MATCH (v:Version)
      WHERE v.territoryId = $territoryId AND v.type = 'Engagement' AND v.validFrom <= $at AND v.validTo > $from
      RETURN v.entityId AS engagementId, v.actorId AS actorId, v.projectId AS projectId, v.level AS level,
             v.validFrom AS validFrom, v.validTo AS validTo, v.recordedAt AS recordedAt`,
    params: { territoryId, from: toNeoDateTime(from), at: toNeoDateTime(at) },
  };
}

/** The names of actors, by id (their latest version). */
export function actorNamesQuery(actorIds: string[]): Query {
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})-[:LATEST]->(v:Version)
      RETURN id, v.name AS name`,
    params: { ids: actorIds },
  };
}

export interface ReviewLoadTimeline extends LoadTimeline {
  /** Labels of the actors in the rows (some may no longer be engaged at the review's date). */
  actors: Label[];
}

/**
 * Each actor's projects and level at the end of each of the last LOAD_QUARTERS quarters up to
 * `at`, over the projects of the review (engagementLoadTimeline).
 */
export async function readLoadTimeline(
  tx: ManagedTransaction,
  territoryId: string,
  at: Date,
  projectIds: ReadonlySet<string>,
): Promise<ReviewLoadTimeline> {
  const earliest = quarterMarks(at, at)[0]!;
  const from = new Date(Date.UTC(earliest.year, (earliest.quarter - 1) * 3 - (LOAD_QUARTERS - 1) * 3, 1));
  const { cypher, params } = engagementVersionsQuery(territoryId, from, at);
  const result = await tx.run(cypher, params);
  const versions: EngagementVersion[] = result.records
    .map((r) => ({
      engagementId: String(r.get('engagementId')),
      actorId: String(r.get('actorId')),
      projectId: String(r.get('projectId')),
      level: String(r.get('level')),
      validFrom: fromNeoDateTime(r.get('validFrom')),
      validTo: fromNeoDateTime(r.get('validTo')),
      recordedAt: fromNeoDateTime(r.get('recordedAt')),
    }))
    .filter((v) => projectIds.has(v.projectId));
  if (versions.length === 0) return { quarters: [], rows: [], actors: [] };
  const start = new Date(Math.max(from.getTime(), Math.min(...versions.map((v) => v.validFrom.getTime()))));
  const timeline = engagementLoadTimeline(versions, quarterMarks(start, at, LOAD_QUARTERS));
  const ids = timeline.rows.map((r) => r.actorId);
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const q = actorNamesQuery(ids);
    for (const r of (await tx.run(q.cypher, q.params)).records) names.set(String(r.get('id')), String(r.get('name')));
  }
  return { ...timeline, actors: ids.map((id) => ({ id, label: names.get(id) ?? id })) };
}

/** When each conflict's current status began: the latest change of its status, up to `at`. */
export function statusSinceQuery(conflictIds: string[], at: Date): Query {
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (c:Change {entityId: id})
      WHERE 'status' IN c.fields AND c.validFrom <= $at
      RETURN id, max(c.validFrom) AS since`,
    params: { ids: conflictIds, at: toNeoDateTime(at) },
  };
}

async function statusSince(tx: ManagedTransaction, states: ProjectState[]): Promise<Map<string, Date>> {
  const ids = states.flatMap((s) => s.entities.filter((e) => e.type === 'Conflict').map((e) => e.id));
  if (ids.length === 0) return new Map();
  const { cypher, params } = statusSinceQuery(ids, states[0]!.at);
  const result = await tx.run(cypher, params);
  return new Map(result.records.map((r) => [r.get('id') as string, fromNeoDateTime(r.get('since'))]));
}

/**
 * The MACTOR and network analysis of one project, as of a date, computed from the state
 * `reader` may receive (visibleStatesOf: confidential items removed for a reader who may not
 * see them, or who asked for the version without them). No reader: everything (trusted callers).
 */
export async function readProjectAnalysis(
  tx: ManagedTransaction,
  projectId: string,
  moment: ReadMoment,
  reader?: Reader | null,
): Promise<Analysis> {
  const [state] = await visibleStatesOf(tx, reader, [await readProjectState(tx, projectId, moment)]);
  return analyse([state!], await statusSince(tx, [state!]));
}

export interface ProjectProgress {
  project: Label;
  summary: DiffSummary;
  /** The same comparison in words (summarisePath): its line counts agree with `summary`. */
  path: PathSummary;
}

export interface TerritoryReview extends Analysis {
  territory: Label;
  since: Date | null;
  progress: ProjectProgress[];
  /** Each loaded actor's projects and level by quarter (the exhaustion risk over time). */
  loadTimeline: ReviewLoadTimeline;
}

/**
 * The DGS review: every project of the territory as of a date, analysed together (actors
 * shared across projects), with the progress of each project since `since`. Each project is
 * read as `reader` may receive it, project by project (a pilot sees their own project's
 * confidential items and not the others'); the progress compares the two dates' states redacted
 * together. No reader: everything (trusted callers).
 */
export async function readTerritoryReview(
  tx: ManagedTransaction,
  territoryId: string,
  moment: ReadMoment,
  since: Date | null,
  reader?: Reader | null,
): Promise<TerritoryReview> {
  const at = moment ?? new Date();
  const [territory] = await listTerritoryEntities(tx, territoryId, ['Territory'], at);
  if (!territory)
    throw new DomainError('NOT_FOUND', `le territoire « ${territoryId} » n'existe pas à cette date`, {
      id: territoryId,
      entityType: 'Territory',
    });
  const projects = await listTerritoryEntities(tx, territoryId, ['Project'], at);
  const full: ProjectState[] = [];
  for (const project of projects) full.push(await readProjectState(tx, project.id, moment));
  const states: ProjectState[] = [];
  for (const state of full) states.push(...(await visibleStatesOf(tx, reader, [state])));
  const analysis = analyse(states, await statusSince(tx, states));
  const progress: ProjectProgress[] = [];
  if (since) {
    if (since.getTime() > at.getTime())
      throw new DomainError('INVALID_RANGE', 'la date de comparaison doit précéder la date de la revue');
    for (const [index, now] of full.entries()) {
      const label = { id: now.project.id, label: String(now.project.values.name) };
      if (now.project.validFrom.getTime() > since.getTime()) {
        // A project born since then: everything in it is progress.
        const state = states[index]!;
        const empty = { ...state, at: since, entities: [], byId: new Map() };
        const diff = diffProjectStates(empty, state);
        progress.push({ project: label, summary: diff.summary, path: summarisePath(diff, empty, state) });
        continue;
      }
      const [before, after] = await visibleStatesOf(tx, reader, [await readProjectState(tx, now.project.id, since), now]);
      const diff = diffProjectStates(before!, after!);
      progress.push({ project: label, summary: diff.summary, path: summarisePath(diff, before!, after!) });
    }
  }
  const loadTimeline = await readLoadTimeline(tx, territoryId, at, new Set(states.map((s) => s.project.id)));
  return {
    ...analysis,
    at,
    territory: { id: territory.id, label: String(territory.values.name) },
    since,
    progress,
    loadTimeline,
  };
}

/** The review as a client asks for it: ids are raw input, checked here. */
export interface ReviewRequest {
  territoryId: string;
  /** The review's date; absent, now or later: the latest state. */
  asOf?: Date | null;
  /** Progress since a date, or since a milestone of any of the territory's projects (not both). */
  since?: Date | null;
  sinceMilestone?: string | null;
}

/**
 * The DGS review use case: resolves the milestone to its instant (the end of its day), then
 * reads the review (readTerritoryReview) as `reader` may receive it, all in the caller's transaction.
 * @throws DomainError INVALID_ID, INVALID_RANGE (since and sinceMilestone both given, or a
 *   comparison date after the review's), NOT_FOUND (territory or milestone)
 */
export async function reviewTerritory(
  tx: ManagedTransaction,
  request: ReviewRequest,
  reader?: Reader | null,
): Promise<TerritoryReview> {
  const territoryId = parseEntityId(request.territoryId, "l'identifiant du territoire");
  if (request.since && request.sinceMilestone) {
    throw new DomainError('INVALID_RANGE', 'donnez la date de comparaison (since) ou un jalon (sinceMilestone), pas les deux');
  }
  const since = request.sinceMilestone
    ? await resolveMilestone(tx, null, parseEntityId(request.sinceMilestone, "l'identifiant du jalon"))
    : (request.since ?? null);
  return readTerritoryReview(tx, territoryId, readMomentOf(request.asOf), since, reader);
}
