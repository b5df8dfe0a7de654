import { readHiddenEntityIds, readProjectState, refreshProjectState, type Graph, type ProjectState } from '@trame/graph';

/**
 * The latest states of the projects live feeds follow, read once for all the feeds of a process
 * (ADR 0010). A change wakes every feed of its project; they join one read, which reads again
 * only the entities the changes name (refreshProjectState) — not the whole map once per feed.
 * What is shared is the state as stored, before redaction: each feed redacts it for its own
 * principal exactly as readVisibleProjectState does (visibleState below).
 */

/** A read of one project's latest state, shared by the feeds that joined it. */
export interface SharedRead {
  /** The whole state, unredacted: never sent as it is (visibleState). */
  state: ProjectState;
  /** readHiddenEntityIds of the project, read in the same transaction; null when no joiner needed it. */
  hidden: Set<string> | null;
  /** When the read began (its transaction saw every change committed before). */
  startedAt: Date;
  /** What the feeds derive from it (one map per redaction and option), computed once. */
  memo: Map<string, unknown>;
}

/** A whole read at least this often: bounds what a lost bus notice (Redis away) could leave stale. */
export const FULL_READ_EVERY_MS = 5 * 60_000;

/** Who reads: a feed's graph, and where a read's broken references are told. */
export interface Reader {
  graph: Pick<Graph, 'read'>;
  onBroken?: (projectId: string, at: Date, broken: readonly unknown[]) => void;
}

interface Queued {
  /** The graph of the feed that asked first (its request's view, bookmarks included), and its log. */
  reader: Reader;
  /** Entity ids the read must take again; null: read the whole state. */
  ids: Set<string> | null;
  needsHidden: boolean;
  promise: Promise<SharedRead>;
}

interface Entry {
  feeds: number;
  /** The last read completed, base of the next one. */
  last: SharedRead | null;
  lastFullAt: number;
  /** The reads of a project run one after another; each builds on the one before. */
  chain: Promise<unknown>;
  /** A read not started yet: a feed woken now joins it (it will see the change that woke it). */
  queued: Queued | null;
}

export class ProjectReads {
  readonly #entries = new Map<string, Entry>();

  /** A feed of `projectId` starts: its reads are shared from now on. Call `release` when it ends. */
  acquire(projectId: string): void {
    const entry = this.#entries.get(projectId);
    if (entry) entry.feeds += 1;
    else this.#entries.set(projectId, { feeds: 1, last: null, lastFullAt: 0, chain: Promise.resolve(), queued: null });
  }

  release(projectId: string): void {
    const entry = this.#entries.get(projectId);
    if (!entry) return;
    entry.feeds -= 1;
    if (entry.feeds <= 0) this.#entries.delete(projectId);
  }

  /**
   * A read of the project begun after this call, taking in the changes of `changedIds` (null:
   * unknown, or a first read: the whole state). Feeds calling in the same moment share it.
   * `needsHidden`: the caller may not see confidential items (it needs readHiddenEntityIds).
   * `reader`: the caller's graph and log (a read begun for another feed runs on that feed's).
   * @throws DomainError NOT_FOUND, INVALID_ID; the store's errors
   */
  read(reader: Reader, projectId: string, changedIds: ReadonlySet<string> | null, needsHidden: boolean): Promise<SharedRead> {
    const entry = this.#entries.get(projectId);
    if (!entry) throw new Error(`ProjectReads.read before acquire (${projectId})`);
    if (entry.queued) {
      const queued = entry.queued;
      if (changedIds === null) queued.ids = null;
      else if (queued.ids) for (const id of changedIds) queued.ids.add(id);
      queued.needsHidden ||= needsHidden;
      return queued.promise;
    }
    const queued: Queued = {
      reader,
      ids: changedIds === null ? null : new Set(changedIds),
      needsHidden,
      promise: Promise.resolve() as unknown as Promise<SharedRead>,
    };
    // Starts after the reads before it, and after this turn of the event loop: the other feeds
    // woken by the same notice join it meanwhile.
    queued.promise = entry.chain.then(
      () =>
        new Promise<SharedRead>((resolve, reject) => {
          setImmediate(() => {
            if (entry.queued === queued) entry.queued = null;
            this.#run(projectId, entry, queued).then(resolve, reject);
          });
        }),
    );
    entry.queued = queued;
    entry.chain = queued.promise.catch(() => {});
    return queued.promise;
  }

  async #run(projectId: string, entry: Entry, queued: Queued): Promise<SharedRead> {
    const startedAt = new Date();
    const base = entry.last;
    const whole = queued.ids === null || base === null || startedAt.getTime() - entry.lastFullAt >= FULL_READ_EVERY_MS;
    try {
      const { graph, onBroken } = queued.reader;
      const read = await graph.read(async (tx) => {
        // Both queries sent at once (the driver pipelines them on the transaction's connection).
        const [refreshed, hidden] = await Promise.all([
          whole ? null : refreshProjectState(tx, base!.state, queued.ids!),
          queued.needsHidden ? readHiddenEntityIds(tx, projectId) : null,
        ]);
        const state = refreshed ?? (await readProjectState(tx, projectId, null, onBroken ? { onBroken } : {}));
        return { state, hidden, full: refreshed === null };
      });
      const shared: SharedRead = { state: read.state, hidden: read.hidden, startedAt, memo: new Map() };
      entry.last = shared;
      if (read.full) entry.lastFullAt = startedAt.getTime();
      return shared;
    } catch (error) {
      // The ids taken by a failed read are lost: the next read is a whole one.
      entry.last = null;
      throw error;
    }
  }
}
