import { useEffect, useRef } from 'react';
import { request } from '../api/client.ts';
import { subscribeLive } from './subscribe.ts';

/** What the facilitator projects (api/schema/live.graphql ProjectionState). */
export interface ProjectionState {
  milestoneId: string | null;
  /** YYYY-MM-DD, or null: now (or the milestone's date). */
  date: string | null;
  focusId: string | null;
}

export const PROJECTION_FOLLOW = `
  subscription ProjectionFollow($projectId: ID!) {
    projection(projectId: $projectId) { projectId state { milestoneId date focusId updatedAt } }
  }
`;

const SET_PROJECTION = `
  mutation SetProjection($projectId: ID!, $milestoneId: ID, $date: Date, $focusId: ID) {
    setProjection(projectId: $projectId, milestoneId: $milestoneId, date: $date, focusId: $focusId) { projectId }
  }
`;

const END_PROJECTION = `mutation EndProjection($projectId: ID!) { endProjection(projectId: $projectId) }`;

/** The facilitator moves the projection: every wall of the project follows. @throws ApiError */
export async function setProjection(projectId: string, state: ProjectionState): Promise<void> {
  await request(SET_PROJECTION, { projectId, ...state });
}

/** The facilitator ends the session: the walls stay where they are and stop following. @throws ApiError */
export async function endProjection(projectId: string): Promise<void> {
  await request(END_PROJECTION, { projectId });
}

export interface ProjectionFollowHandlers {
  /** The milestone to show changed (null: none chosen). */
  onStep?(milestoneId: string | null): void;
  /** The entity in focus changed (null: none — Escape). */
  onFocus?(entityId: string | null): void;
  /** The date to show changed (YYYY-MM-DD; null: now or the milestone's date). */
  onDate?(date: string | null): void;
  /** A session started (true) or ended (false). */
  onSession?(active: boolean): void;
}

/**
 * Follows the facilitator's projection session of `projectId` (null: nothing): each handler is
 * called when its part of the state changes — the current state first when a session runs,
 * then each move, live. Handlers are read through a ref (no resubscription when they change).
 */
export function useProjectionFollow(projectId: string | null, handlers: ProjectionFollowHandlers, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!projectId || !enabled) return;
    let last: ProjectionState | null = null;
    const subscription = subscribeLive<{ projection: { state: ProjectionState | null } }>(
      PROJECTION_FOLLOW,
      () => ({ projectId }),
      ({ projection: { state } }) => {
        const h = ref.current;
        if ((state !== null) !== (last !== null)) h.onSession?.(state !== null);
        // A session's end leaves the wall where it is.
        if (state) {
          if (state.milestoneId !== last?.milestoneId) h.onStep?.(state.milestoneId);
          if (state.date !== last?.date) h.onDate?.(state.date);
          if (state.focusId !== last?.focusId) h.onFocus?.(state.focusId);
        }
        last = state;
      },
    );
    return () => subscription.close();
  }, [projectId, enabled]);
}
