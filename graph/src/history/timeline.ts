import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { LIMITS } from '../model/limits.ts';
import type { EntityType } from '../model/enums.ts';
import type { Query } from '../store/queries.ts';
import { toChangeRecord, type ChangeRecord } from '../store/records.ts';
import { toNeoDateTime } from '../time.ts';
import { readHiddenEntityIds } from '../access/hidden-entities.ts';
import { readsConfidential, redactChanges, type Reader } from '../access/redaction.ts';
import { readProjectResource } from '../access/resources.ts';
import { getChange } from '../store/change-log.ts';
import neo4j from 'neo4j-driver';

/** A page of a project's change log, newest first. */
export interface TimelinePage {
  changes: ChangeRecord[];
  /** Pass as `after` to read the next (older) page; null on the last page. */
  endCursor: string | null;
}

export interface TimelineFilter {
  entityId?: string | null;
  entityType?: EntityType | null;
  author?: string | null;
  /**
   * Also the changes of the actors ever engaged in the project (an actor is the territory's: its
   * creation, renaming and end are recorded without a project). Default false.
   */
  withActors?: boolean | null;
}

interface Cursor {
  recordedAt: Date;
  id: string;
}

export function encodeCursor(change: Pick<ChangeRecord, 'recordedAt' | 'id'>): string {
  return Buffer.from(`${change.recordedAt.toISOString()}|${change.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [at, id] = text.split('|');
  const recordedAt = new Date(at ?? '');
  if (!id || Number.isNaN(recordedAt.getTime())) {
    throw new DomainError('INVALID_CURSOR', `le curseur « ${cursor} » n'est pas valide : reprenez la lecture depuis le début`);
  }
  return { recordedAt, id };
}

/**
 * One page of the change log, newest first, `first + 1` rows (the extra one says whether
 * more follow). `hidden`: entity ids whose changes are left out in the query itself, so that a
 * redacted page is as full as another (ADR 0004); empty for a reader who sees everything.
 */
export function timelineQuery(
  projectId: string,
  first: number,
  after: Cursor | null,
  filter: TimelineFilter,
  hidden: ReadonlySet<string> = new Set(),
  actorIds: readonly string[] = [],
): Query {
  const matching = changesMatching(projectId, filter, hidden, actorIds);
  return {
    cypher: `
      ${matching.cypher}
        AND ($afterAt IS NULL OR c.recordedAt < $afterAt OR (c.recordedAt = $afterAt AND c.id < $afterId))
      RETURN c {.*} AS change
      ORDER BY c.recordedAt DESC, c.id DESC
      LIMIT $limit`,
    params: {
      ...matching.params,
      afterAt: after ? toNeoDateTime(after.recordedAt) : null,
      afterId: after?.id ?? null,
      limit: neo4j.int(first + 1),
    },
  };
}

/** The distinct authors of the changes timelineQuery lists under `filter` (its author ignored), as `authors`. */
export function timelineAuthorsQuery(
  projectId: string,
  filter: TimelineFilter,
  hidden: ReadonlySet<string> = new Set(),
  actorIds: readonly string[] = [],
): Query {
  const matching = changesMatching(projectId, { ...filter, author: null }, hidden, actorIds);
  return { cypher: `${matching.cypher}\n      RETURN collect(DISTINCT c.author) AS authors`, params: matching.params };
}

/**
 * The changes `filter` keeps, bound to `c`, ending in a WHERE a caller may extend with `AND …`.
 * The project's own changes, read off the (projectId, recordedAt) index; with actors, a union
 * with the changes of the engaged actors (read by entityId). `hidden`: entity ids left out.
 */
function changesMatching(
  projectId: string,
  filter: TimelineFilter,
  hidden: ReadonlySet<string>,
  actorIds: readonly string[],
): Query {
  const source =
    actorIds.length === 0
      ? 'MATCH (c:Change) WHERE c.projectId = $projectId'
      : `CALL {
          MATCH (c:Change) WHERE c.projectId = $projectId RETURN c
          UNION
          UNWIND $actorIds AS actorId
          MATCH (c:Change {entityId: actorId}) WHERE c.projectId IS NULL RETURN c
        }
        WITH c WHERE true`;
  return {
    cypher: `
      ${source}
        AND NOT c.entityId IN $hidden
        AND ($entityId IS NULL OR c.entityId = $entityId)
        AND ($entityType IS NULL OR c.entityType = $entityType)
        AND ($author IS NULL OR c.author = $author)`,
    params: {
      projectId,
      entityId: filter.entityId ?? null,
      entityType: filter.entityType ?? null,
      author: filter.author ?? null,
      hidden: [...hidden],
      actorIds: [...actorIds],
    },
  };
}

/**
 * The ids of the entities a reader may not see in this project, or null when they see
 * everything (no reader: a trusted caller). One indexed read for the project's territory, and
 * readHiddenEntityIds when the reader does not read confidential items.
 */
async function hiddenFor(
  tx: ManagedTransaction,
  projectId: string,
  reader: Reader | null | undefined,
): Promise<Set<string> | null> {
  if (!reader) return null;
  const project = await readProjectResource(tx, projectId);
  return readsConfidential(reader, project) ? null : readHiddenEntityIds(tx, projectId);
}

/** The ids of the actors ever engaged in the project (any version of any of its engagements). */
async function engagedActorIds(tx: ManagedTransaction, projectId: string): Promise<string[]> {
  const result = await tx.run(
    `MATCH (:Entity {projectId: $projectId, type: 'Engagement'})-[:HAS_VERSION]->(v:Version)
     RETURN collect(DISTINCT v.actorId) AS ids`,
    { projectId },
  );
  return ((result.records[0]?.get('ids') as (string | null)[] | undefined) ?? []).filter((id): id is string => Boolean(id));
}

async function readChanges(tx: ManagedTransaction, ids: readonly string[]): Promise<ChangeRecord[]> {
  if (ids.length === 0) return [];
  const result = await tx.run('MATCH (c:Change) WHERE c.id IN $ids RETURN c {.*} AS change', { ids: [...ids] });
  return result.records.map((r) => toChangeRecord(r.get('change') as Record<string, unknown>));
}

/**
 * redactChanges over `changes`, also nulling a `causeId` / `revertOf` that names a change the
 * reader may not receive though it is not among `changes` (a hidden entity's cascade, another page).
 */
async function redactWithCauses(
  tx: ManagedTransaction,
  changes: readonly ChangeRecord[],
  hidden: ReadonlySet<string>,
): Promise<ChangeRecord[]> {
  const redacted = redactChanges(changes, hidden);
  const own = new Set(changes.map((c) => c.id));
  const outside = new Set<string>();
  for (const change of redacted) {
    for (const id of [change.causeId, change.revertOf]) if (id && !own.has(id)) outside.add(id);
  }
  if (outside.size === 0) return redacted;
  const referenced = await readChanges(tx, [...outside]);
  const keep = new Set(redacted.map((c) => c.id));
  return redactChanges([...referenced, ...redacted], hidden).filter((c) => keep.has(c.id));
}

/**
 * A page of the project's change log, newest first, as `options.reader` may receive it: for a
 * reader who may not see confidential items (or asked not to), the changes of hidden entities
 * are left out in the query (pages stay full) and the rest goes through redactChanges (notes,
 * the confidential flag and fields naming hidden entities removed; updates left without a field
 * dropped — the page then reads on, so it is still full). No reader: everything (trusted callers).
 * `withActors`: with the changes of the actors ever engaged in the project (TimelineFilter).
 * @throws DomainError OUT_OF_RANGE (first), INVALID_CURSOR, NOT_FOUND (with a reader: no such project)
 */
export async function readTimeline(
  tx: ManagedTransaction,
  projectId: string,
  options: { first?: number; after?: string | null; reader?: Reader | null } & TimelineFilter = {},
): Promise<TimelinePage> {
  const first = options.first ?? 50;
  // A page size out of range is the client's mistake: say so rather than answer another size.
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.timelinePage) {
    throw new DomainError('OUT_OF_RANGE', `la taille de page (first) doit être comprise entre 1 et ${LIMITS.timelinePage}`, {
      field: 'first',
      min: 1,
      max: LIMITS.timelinePage,
    });
  }
  const after = options.after ? decodeCursor(options.after) : null;
  const hidden = await hiddenFor(tx, projectId, options.reader);
  const actorIds = options.withActors ? await engagedActorIds(tx, projectId) : [];
  const changes: ChangeRecord[] = [];
  let cursor = after;
  for (;;) {
    const { cypher, params } = timelineQuery(projectId, first, cursor, options, hidden ?? undefined, actorIds);
    const result = await tx.run(cypher, params);
    const raw = result.records.map((r) => toChangeRecord(r.get('change') as Record<string, unknown>));
    changes.push(...(hidden ? redactChanges(raw, hidden) : raw));
    // Read on past updates redaction dropped, until the page and its look-ahead row are full.
    const last = raw[raw.length - 1];
    if (!hidden || changes.length > first || raw.length <= first || !last) break;
    cursor = { recordedAt: last.recordedAt, id: last.id };
  }
  const page = hidden ? await redactWithCauses(tx, changes.slice(0, first), hidden) : changes.slice(0, first);
  const last = page[page.length - 1];
  return { changes: page, endCursor: changes.length > first && last ? encodeCursor(last) : null };
}

/**
 * Everyone who recorded a change in the project's log that `filter` keeps (its entity and type;
 * its author is ignored), by display name, sorted in French order: the journal's author filter
 * offers them all, not only those of the pages read. The changes of entities the reader may not
 * see are left out, as in readTimeline.
 * @throws DomainError NOT_FOUND (with a reader: no such project)
 */
export async function readTimelineAuthors(
  tx: ManagedTransaction,
  projectId: string,
  options: { reader?: Reader | null } & TimelineFilter = {},
): Promise<string[]> {
  const hidden = await hiddenFor(tx, projectId, options.reader);
  const actorIds = options.withActors ? await engagedActorIds(tx, projectId) : [];
  const { cypher, params } = timelineAuthorsQuery(projectId, options, hidden ?? new Set(), actorIds);
  const result = await tx.run(cypher, params);
  const authors = (result.records[0]?.get('authors') as (string | null)[] | undefined) ?? [];
  return authors.filter((a): a is string => Boolean(a)).sort((a, b) => a.localeCompare(b, 'fr'));
}

/**
 * One recorded change, as `reader` may receive it (no reader: as recorded). A change the reader
 * may not receive (of a hidden entity, or an update of hidden fields only) is answered like a
 * change that does not exist.
 * @throws DomainError CHANGE_NOT_FOUND
 */
export async function readVisibleChange(tx: ManagedTransaction, changeId: string, reader?: Reader | null): Promise<ChangeRecord> {
  const change = await getChange(tx, changeId);
  const hidden = change.projectId ? await hiddenFor(tx, change.projectId, reader) : null;
  if (!hidden) return change;
  const [visible] = await redactWithCauses(tx, [change], hidden);
  if (!visible) throw new DomainError('CHANGE_NOT_FOUND', `le changement « ${changeId} » n'existe pas`, { changeId });
  return visible;
}
