import { canSeeConfidential, type DomainError, parseEntityId, readHiddenEntityIds, readProjectResource } from '@trame/graph';
import type { GraphQLContext } from '../graphql/context.ts';
import type { LiveBus, ProjectionState } from './bus.ts';
import { revokedError, watchRevocation } from './revocation.ts';
import { stoppable } from './stoppable.ts';

/**
 * Projection sessions (ADR 0010): the facilitator, in the editor, sets what the walls of a
 * project show — a milestone or a date, an actor in focus — and every wall of the project
 * (the signed-in projection page, the wall links) follows. The state lives in the bus (Redis
 * when shared), so a wall served by another API process follows too.
 */

export interface ProjectionInput {
  milestoneId?: string | null;
  /** YYYY-MM-DD (the Date scalar has checked it). */
  date?: string | null;
  focusId?: string | null;
}

/**
 * Sets the project's projection state (the whole of it: what is not given is cleared) and
 * tells the walls. Returns the state as stored. @throws DomainError INVALID_ID
 */
export async function setProjection(bus: LiveBus, projectId: string, input: ProjectionInput): Promise<ProjectionState> {
  const id = parseEntityId(projectId, "l'identifiant du projet");
  const state: ProjectionState = {
    projectId: id,
    milestoneId: input.milestoneId ? parseEntityId(input.milestoneId, "l'identifiant du jalon") : null,
    date: input.date ?? null,
    focusId: input.focusId ? parseEntityId(input.focusId, "l'identifiant de l'élément mis en avant") : null,
    updatedAt: new Date().toISOString(),
  };
  await bus.writeProjection(id, state);
  return state;
}

/** Ends the project's projection session: the walls stay where they are and stop following. */
export async function endProjection(bus: LiveBus, projectId: string): Promise<boolean> {
  const id = parseEntityId(projectId, "l'identifiant du projet");
  await bus.writeProjection(id, null);
  return true;
}

/**
 * The state as `ctx.principal` may receive it: a milestone or focus the reader may not see
 * (confidential, or naming a confidential item) is sent as null, as reads leave it out.
 */
async function visibleTo(
  ctx: Pick<GraphQLContext, 'graph' | 'principal'>,
  state: ProjectionState | null,
): Promise<ProjectionState | null> {
  if (!state || (!state.focusId && !state.milestoneId)) return state;
  const hidden = await ctx.graph.read(async (tx) => {
    const project = await readProjectResource(tx, state.projectId);
    return canSeeConfidential(ctx.principal, project) ? null : readHiddenEntityIds(tx, state.projectId);
  });
  if (!hidden) return state;
  return {
    ...state,
    milestoneId: state.milestoneId && hidden.has(state.milestoneId) ? null : state.milestoneId,
    focusId: state.focusId && hidden.has(state.focusId) ? null : state.focusId,
  };
}

/**
 * What a wall follows: the session's current state first (null: no session), then each new
 * one, redacted for the subscriber. Subscribes before reading the current state, so an update
 * in between is not lost (it may come twice: a wall applies a state, not a step). Ends at once
 * when the subscriber's credentials are revoked (revocation.ts), with an UNAUTHENTICATED error
 * as its last item (revokedError; the resolver raises it).
 */
export function projectionFeed(
  ctx: Pick<GraphQLContext, 'graph' | 'principal' | 'sessionToken' | 'log'>,
  bus: LiveBus,
  projectId: string,
): AsyncGenerator<{ projectId: string; state: ProjectionState | null } | DomainError> {
  const id = parseEntityId(projectId, "l'identifiant du projet");
  let end: () => void = () => {};
  const ended = new Promise<{ done: true; value: undefined }>((resolve) => {
    end = () => resolve({ done: true, value: undefined });
  });
  // A client gone ends the wait for the next update at once (stoppable.ts).
  return stoppable(follow(ctx, bus, id, ended, end), end);
}

async function* follow(
  ctx: Pick<GraphQLContext, 'graph' | 'principal' | 'sessionToken' | 'log'>,
  bus: LiveBus,
  id: string,
  ended: Promise<{ done: true; value: undefined }>,
  end: () => void,
): AsyncGenerator<{ projectId: string; state: ProjectionState | null } | DomainError> {
  const updates = bus.projection(id)[Symbol.asyncIterator]();
  let revoked = false;
  const stopWatch = watchRevocation(
    bus,
    ctx,
    () => {
      revoked = true;
      end();
    },
    ctx.log,
  );
  try {
    const first = await visibleTo(ctx, await bus.readProjection(id));
    if (revoked) {
      yield revokedError(ctx);
      return;
    }
    yield { projectId: id, state: first };
    for (;;) {
      const next = await Promise.race([updates.next(), ended]);
      if (next.done) break;
      const state = await visibleTo(ctx, next.value);
      if (revoked) break;
      yield { projectId: id, state };
    }
    if (revoked) yield revokedError(ctx);
  } finally {
    await updates.return?.();
    await stopWatch();
  }
}
