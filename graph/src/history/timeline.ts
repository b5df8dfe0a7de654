import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { LIMITS } from '../model/limits.ts';
import type { EntityType } from '../model/enums.ts';
import type { Query } from '../store/queries.ts';
import { toChangeRecord, type ChangeRecord } from '../store/records.ts';
import { toNeoDateTime } from '../time.ts';
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

export function timelineQuery(projectId: string, first: number, after: Cursor | null, filter: TimelineFilter): Query {
  return {
    cypher: `
      MATCH (c:Change)
      WHERE c.projectId = $projectId
        AND ($entityId IS NULL OR c.entityId = $entityId)
        AND ($entityType IS NULL OR c.entityType = $entityType)
        AND ($author IS NULL OR c.author = $author)
        AND ($afterAt IS NULL OR c.recordedAt < $afterAt OR (c.recordedAt = $afterAt AND c.id < $afterId))
      RETURN c {.*} AS change
      ORDER BY c.recordedAt DESC, c.id DESC
      LIMIT $limit`,
    params: {
      projectId,
      entityId: filter.entityId ?? null,
      entityType: filter.entityType ?? null,
      author: filter.author ?? null,
      afterAt: after ? toNeoDateTime(after.recordedAt) : null,
      afterId: after?.id ?? null,
      limit: neo4j.int(first + 1),
    },
  };
}

export async function readTimeline(
  tx: ManagedTransaction,
  projectId: string,
  options: { first?: number; after?: string | null } & TimelineFilter = {},
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
  const { cypher, params } = timelineQuery(projectId, first, after, options);
  const result = await tx.run(cypher, params);
  const changes = result.records.map((r) => toChangeRecord(r.get('change') as Record<string, unknown>));
  const page = changes.slice(0, first);
  const last = page[page.length - 1];
  return { changes: page, endCursor: changes.length > first && last ? encodeCursor(last) : null };
}
