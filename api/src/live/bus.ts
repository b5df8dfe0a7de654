import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { RecordedChange } from '@trame/graph';

/**
 * The live bus (ADR 0010): how the API processes tell their subscribers that changes were
 * committed, and where a projection session's state lives. In-process (yoga's createPubSub)
 * by default; through Redis when TRAME_REDIS_URL is set, so that two API processes on one Neo4j
 * see each other's changes and share the facilitator's sessions.
 */

/**
 * « Something changed here »: the projects and territories of the changes one mutation
 * committed. A hint only — never content: each subscriber reads its own redacted map.
 */
export interface ChangesNotice {
  /** Project ids of project-scoped changes. */
  projectIds: string[];
  /** Territory ids of territory-scoped changes (an actor renamed shows in all its projects). */
  territoryIds: string[];
  /**
   * Ids of the entities changed: a feed reads only those again (project-reads.ts). Absent from
   * a notice of an older process: the feed reads the whole map.
   */
  entityIds?: string[];
}

/**
 * What the facilitator projects: the step (a milestone, or a date), the focused actor. Kept
 * whole, as the facilitator last set it; the walls follow it (api/src/live/projection.ts).
 */
export interface ProjectionState {
  projectId: string;
  /** The milestone shown, or null. */
  milestoneId: string | null;
  /** The date shown (YYYY-MM-DD), or null for today. */
  date: string | null;
  /** The focused entity (an actor), or null. */
  focusId: string | null;
  /** When the facilitator last changed it (ISO instant). */
  updatedAt: string;
}

/**
 * « These credentials no longer open anything »: a wall link revoked, a session signed out.
 * Every process closes the live subscriptions opened with them at once (revocation.ts). A
 * session is named by its key (a hash of its secret, revocation.ts), never by its secret.
 */
export interface RevocationNotice {
  wallLinkIds: string[];
  sessionKeys: string[];
}

type Topics = {
  'trame:changes': [ChangesNotice];
  'trame:revoked': [RevocationNotice];
  // Wrapped: yoga's pubsub takes a null payload for « no routing id ».
  'trame:projection': [projectId: string, update: { state: ProjectionState | null }];
};

/** A projection session left alone ends by itself after this long (Redis key's time to live). */
export const PROJECTION_TTL_S = 12 * 60 * 60;

export interface LiveBus {
  /** True: shared through Redis by every API process. */
  readonly shared: boolean;
  /** Tells every process's subscribers about committed changes (no-op for none). */
  publishChanges(changes: readonly RecordedChange[]): void;
  /** Every notice from now on; ends when the consumer stops (`return`). */
  changes(): AsyncIterable<ChangesNotice>;
  /** Tells every process's subscriptions that these credentials are revoked. */
  publishRevocation(notice: RevocationNotice): void;
  /** Every revocation from now on; ends when the consumer stops (`return`). */
  revocations(): AsyncIterable<RevocationNotice>;
  /** A project's projection state as last set, or null (no session). */
  readProjection(projectId: string): Promise<ProjectionState | null>;
  /** Sets (null: ends) a project's projection session and tells every process. */
  writeProjection(projectId: string, state: ProjectionState | null): Promise<void>;
  /** Every later state of a project's projection session; `return` ends a pending `next` at once. */
  projection(projectId: string): AsyncIterableIterator<ProjectionState | null>;
  close(): Promise<void>;
}

/** The notice for a mutation's recorded changes, or null when it recorded none. */
export function noticeOf(changes: readonly RecordedChange[]): ChangesNotice | null {
  if (changes.length === 0) return null;
  const projectIds = new Set<string>();
  const territoryIds = new Set<string>();
  const entityIds = new Set<string>();
  for (const change of changes) {
    if (change.projectId) projectIds.add(change.projectId);
    else if (change.territoryId) territoryIds.add(change.territoryId);
    entityIds.add(change.entityId);
  }
  return { projectIds: [...projectIds], territoryIds: [...territoryIds], entityIds: [...entityIds] };
}

class PubSubBus implements LiveBus {
  constructor(
    readonly shared: boolean,
    private readonly pubsub: PubSub<Topics>,
    private readonly store: {
      get(projectId: string): Promise<ProjectionState | null>;
      set(projectId: string, state: ProjectionState | null): Promise<void>;
    },
    private readonly onClose: () => Promise<void>,
  ) {}

  publishChanges(changes: readonly RecordedChange[]): void {
    const notice = noticeOf(changes);
    if (notice) this.pubsub.publish('trame:changes', notice);
  }

  changes(): AsyncIterable<ChangesNotice> {
    return this.pubsub.subscribe('trame:changes');
  }

  publishRevocation(notice: RevocationNotice): void {
    if (notice.wallLinkIds.length + notice.sessionKeys.length > 0) this.pubsub.publish('trame:revoked', notice);
  }

  revocations(): AsyncIterable<RevocationNotice> {
    return this.pubsub.subscribe('trame:revoked');
  }

  readProjection(projectId: string): Promise<ProjectionState | null> {
    return this.store.get(projectId);
  }

  async writeProjection(projectId: string, state: ProjectionState | null): Promise<void> {
    await this.store.set(projectId, state);
    this.pubsub.publish('trame:projection', projectId, { state });
  }

  projection(projectId: string): AsyncIterableIterator<ProjectionState | null> {
    // Not an async generator: a generator's `return` waits for its pending `next` (the next
    // update, maybe never); the pubsub's iterator ends a pending `next` at once.
    const updates = this.pubsub.subscribe('trame:projection', projectId)[Symbol.asyncIterator]();
    return {
      next: async () => {
        const next = await updates.next();
        return next.done ? { done: true, value: undefined } : { done: false, value: next.value.state };
      },
      return: async () => {
        await updates.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  close(): Promise<void> {
    return this.onClose();
  }
}

/** One process's bus: events and sessions in memory. */
export function createLocalBus(): LiveBus {
  const sessions = new Map<string, ProjectionState>();
  return new PubSubBus(
    false,
    createPubSub<Topics>(),
    {
      get: async (projectId) => sessions.get(projectId) ?? null,
      set: async (projectId, state) => {
        if (state) sessions.set(projectId, state);
        else sessions.delete(projectId);
      },
    },
    async () => {},
  );
}

const sessionKey = (projectId: string) => `trame:projection:${projectId}`;

/**
 * The bus shared by every API process through Redis at `url` (redis://host:port/db): events on
 * Redis pub/sub (@graphql-yoga/redis-event-target, two connections), sessions as keys with a
 * time to live. ioredis reconnects by itself; a publish while Redis is away is lost (a wall
 * catches up from the change log when it reconnects, ADR 0010).
 */
export function createRedisBus(url: string, log?: { warn(obj: unknown, msg: string): void }): LiveBus {
  const options = { lazyConnect: false, maxRetriesPerRequest: 2 };
  const publishClient = new Redis(url, options);
  const subscribeClient = new Redis(url, options);
  for (const client of [publishClient, subscribeClient])
    client.on('error', (error: Error) => log?.warn({ err: error }, 'Redis (bus des mises à jour en direct) ne répond pas'));
  const eventTarget = createRedisEventTarget<never>({ publishClient, subscribeClient });
  return new PubSubBus(
    true,
    createPubSub<Topics>({ eventTarget }),
    {
      get: async (projectId) => {
        const text = await publishClient.get(sessionKey(projectId));
        return text ? (JSON.parse(text) as ProjectionState) : null;
      },
      set: async (projectId, state) => {
        if (state) await publishClient.set(sessionKey(projectId), JSON.stringify(state), 'EX', PROJECTION_TTL_S);
        else await publishClient.del(sessionKey(projectId));
      },
    },
    async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  );
}

/** The bus for a configuration: Redis when `redisUrl` is given, else in-process. */
export function createLiveBus(redisUrl: string | null | undefined, log?: { warn(obj: unknown, msg: string): void }): LiveBus {
  return redisUrl ? createRedisBus(redisUrl, log) : createLocalBus();
}
