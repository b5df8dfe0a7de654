import {
  buildProjectMap,
  type DomainError,
  canSeeConfidential,
  changedSince,
  diffProjectMaps,
  isEmptyPatch,
  parseEntityId,
  readHiddenEntityIds,
  scopeOfState,
  visibleProjectState,
  type MapPatch,
  type ProjectMap,
} from '@trame/graph';
import type { GraphQLContext } from '../graphql/context.ts';
import type { ChangesNotice, LiveBus } from './bus.ts';
import { ProjectReads, type Reader } from './project-reads.ts';
import { revokedError, watchRevocation } from './revocation.ts';
import { stoppable } from './stoppable.ts';
import { Wakeup } from './wakeup.ts';

/**
 * One subscriber's feed of a project's map (ADR 0010). Each event is computed for the
 * subscriber alone, exactly as its reads are: the project state redacted for its principal
 * (readVisibleProjectState), the map built from it (`hideConfidential` as the projectMap
 * query), then the difference with the map it had before. Nothing of a change is forwarded.
 */

/**
 * How far before `since` the change log is searched on (re)connection: a change is stamped
 * when its mutation runs and visible at its commit, a moment later; a mutation is cut after
 * the request timeout (30 s by default), so a change committed after the client's last read
 * with an earlier stamp is found.
 */
export const CATCH_UP_MARGIN_MS = 60_000;

/**
 * A subscription is closed after this long (the client reconnects with its `since` and
 * receives nothing when nothing changed): its access is checked again at each connection. A
 * revoked wall link or a signed-out session does not wait for it: revocation.ts ends its
 * feeds at once; this bounds what the bus cannot tell (a grant revoked, a link expiring).
 */
export const FEED_LIFETIME_MS = 10 * 60_000;

export type LiveEventKind = 'READY' | 'PATCH' | 'RESET';

/** One event of the feed, as the `projectLive` subscription sends it. */
export interface ProjectLiveEvent extends MapPatch {
  projectId: string;
  /**
   * READY: connected, nothing missed (empty patch); PATCH: apply the patch; RESET: the whole
   * map (catch-up after a cut during which the project changed): replace the elements.
   */
  kind: LiveEventKind;
  /** When the server read this state: send it back as `since` on reconnection. */
  at: Date;
}

export interface FeedOptions {
  projectId: string;
  hideConfidential: boolean;
  /** The server time of the map the client holds (ProjectMap.asOf, or the last event's `at`); null: none. */
  since: Date | null;
  /** Feed lifetime; default FEED_LIFETIME_MS (tests shorten it). */
  lifetimeMs?: number;
}

/** Whether a notice may concern this project's map. */
function concerns(notice: ChangesNotice, scope: { projectId: string; territoryId: string }): boolean {
  return notice.projectIds.includes(scope.projectId) || notice.territoryIds.includes(scope.territoryId);
}

/** The process's shared reads, one set per bus (one bus per app). */
const readsByBus = new WeakMap<LiveBus, ProjectReads>();

function sharedReads(bus: LiveBus): ProjectReads {
  let reads = readsByBus.get(bus);
  if (!reads) {
    reads = new ProjectReads();
    readsByBus.set(bus, reads);
  }
  return reads;
}

/** The project's hidden ids, when a shared read did not take them (project-reads.ts). */
function hiddenIds(ctx: Pick<GraphQLContext, 'graph'>, projectId: string): Promise<Set<string>> {
  return ctx.graph.read((tx) => readHiddenEntityIds(tx, projectId));
}

function event(projectId: string, kind: LiveEventKind, at: Date, patch: MapPatch): ProjectLiveEvent {
  return { projectId, kind, at, ...patch };
}

function wholeMap(map: ProjectMap): MapPatch {
  return { nodes: map.nodes, edges: map.edges, removedIds: [], ecosystems: map.ecosystems, perimeterOrder: map.perimeterOrder };
}

/**
 * The feed: READY (or RESET when the change log holds changes after `since`), then a PATCH
 * after each committed change that alters this subscriber's map. Notices arriving while a map
 * is being read are merged into one more read (a burst of edits costs one read, not one each).
 * Subscribes to the bus before the first read, so no change falls between the two. Ends at
 * once when the subscriber's credentials are revoked (revocation.ts), with an UNAUTHENTICATED
 * error as its last item (revokedError; the resolver raises it).
 * @throws DomainError NOT_FOUND, INVALID_ID (the first read)
 */
export function projectFeed(
  ctx: Pick<GraphQLContext, 'graph' | 'log' | 'principal' | 'sessionToken'>,
  bus: LiveBus,
  options: FeedOptions,
): AsyncGenerator<ProjectLiveEvent | DomainError> {
  const wakeup = new Wakeup();
  // A client gone ends the wait for the next change at once (stoppable.ts).
  return stoppable(feed(ctx, bus, options, wakeup), () => wakeup.close());
}

async function* feed(
  ctx: Pick<GraphQLContext, 'graph' | 'log' | 'principal' | 'sessionToken'>,
  bus: LiveBus,
  options: FeedOptions,
  wakeup: Wakeup,
): AsyncGenerator<ProjectLiveEvent | DomainError> {
  const notices = bus.changes()[Symbol.asyncIterator]();
  const lifetime = setTimeout(() => wakeup.close(), options.lifetimeMs ?? FEED_LIFETIME_MS);
  let revoked = false;
  const stopWatch = watchRevocation(
    bus,
    ctx,
    () => {
      revoked = true;
      wakeup.close();
    },
    ctx.log,
  );
  let scope: { projectId: string; territoryId: string } | null = null;
  const projectId = parseEntityId(options.projectId, "l'identifiant du projet");
  /** Entities changed since the last read began (null: unknown, read the whole map). */
  let changed: Set<string> | null = new Set();
  const pump = (async () => {
    for (;;) {
      const next = await notices.next();
      if (next.done) return;
      if (scope && !concerns(next.value, scope)) continue;
      const ids = next.value.entityIds;
      if (!ids) changed = null;
      else if (changed) for (const id of ids) changed.add(id);
      wakeup.signal();
    }
  })().catch((error: unknown) => {
    ctx.log.warn({ err: error }, 'live bus: subscription ended');
    wakeup.close();
  });
  const reads = sharedReads(bus);
  const reader: Reader = {
    graph: ctx.graph,
    // A reference the read could not follow goes to the log, as a request's read does.
    onBroken: (project, moment, broken) =>
      ctx.log.warn(
        { projectId: project, at: moment.toISOString(), broken: broken.slice(0, 20) },
        'broken references left out of a project read: run `trame check`',
      ),
  };
  /** The map as this subscriber may receive it: the shared read redacted as readVisibleProjectState does. */
  const readMap = async (first: boolean) => {
    const ids = first ? null : changed;
    changed = new Set();
    const confidential = scope !== null && canSeeConfidential(ctx.principal, scope);
    const read = await reads.read(reader, projectId, ids, !confidential);
    const state = read.state;
    const sees = canSeeConfidential(ctx.principal, scopeOfState(state));
    const key = `${sees}\u0000${options.hideConfidential}`;
    let map = read.memo.get(key) as ProjectMap | undefined;
    if (!map) {
      // (A joiner that may see confidential items asked for no hidden ids: it needs none.)
      const visible = sees ? state : visibleProjectState(ctx.principal, state, read.hidden ?? (await hiddenIds(ctx, projectId)));
      map = buildProjectMap(visible, { hideConfidential: options.hideConfidential });
      read.memo.set(key, map);
    }
    return { at: read.startedAt, state, map };
  };
  reads.acquire(projectId);
  try {
    const first = await readMap(true);
    scope = scopeOfState(first.state);
    let map = first.map;
    const since = options.since;
    const missed =
      since !== null && (await ctx.graph.read((tx) => changedSince(tx, scope!, new Date(since.getTime() - CATCH_UP_MARGIN_MS))));
    // Revoked during a read: what it read is not sent.
    if (revoked) {
      yield revokedError(ctx);
      return;
    }
    yield missed
      ? event(options.projectId, 'RESET', first.at, wholeMap(map))
      : event(options.projectId, 'READY', first.at, diffProjectMaps(map, map));
    while (await wakeup.wait()) {
      const next = await readMap(false);
      const patch = diffProjectMaps(map, next.map);
      map = next.map;
      if (revoked) break;
      if (!isEmptyPatch(patch)) yield event(options.projectId, 'PATCH', next.at, patch);
    }
    if (revoked) yield revokedError(ctx);
  } finally {
    reads.release(projectId);
    clearTimeout(lifetime);
    wakeup.close();
    await notices.return?.();
    await pump;
    await stopWatch();
  }
}
