import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ProjectViewData } from '../api/entityDocuments.ts';
import { queryKeys } from '../api/queryKeys.ts';
import type { ProjectMapData } from '../map/types.ts';
import { applyLiveEvent, PROJECT_LIVE, type LiveEvent } from './applyLiveEvent.ts';
import { subscribeLive, type LiveStatus } from './subscribe.ts';

export interface ProjectLiveOptions {
  /** False: no subscription (a past date, a comparison, no project yet). */
  enabled?: boolean;
  /** Also refresh the project's lists on each change (the editor's panels); the wall needs none. */
  refreshLists?: boolean;
  /**
   * Draws a PATCH straight onto the canvas (`next`: the map after it), before any React render;
   * true when it did. The cached map then follows a frame later (one render for a burst of
   * events, after the canvas is drawn), so the page's other parts stay in step.
   */
  applyDirect?(event: LiveEvent, next: ProjectMapData): boolean;
}

/**
 * How long the cached map may trail the canvas after a live edit drawn directly (ms): past the
 * frame that draws it, and long enough for a burst of edits to cost one render of the page.
 */
const CACHE_DELAY_MS = 50;

/** What tests and the bench read: the last live event applied, per page. */
declare global {
  interface Window {
    __trameLive?: { events: number; lastAt: string | null; connected: boolean; receivedAt: number | null };
  }
}

/**
 * Keeps the cached map of `projectId` now (`useProjectView(projectId, null, hideConfidential)`)
 * in step with everyone's edits: subscribes to `projectLive` and patches the query cache with
 * each event — only the elements that changed, so MapCanvas's in-place sync adds, updates or
 * removes just those and nothing else moves. After a cut it reconnects with the instant of the
 * last state applied and the server replays what was missed (a RESET). Returns the status.
 */
export function useProjectLive(
  projectId: string | null,
  hideConfidential: boolean,
  options: ProjectLiveOptions = {},
): LiveStatus {
  const enabled = (options.enabled ?? true) && projectId !== null;
  const refreshLists = options.refreshLists ?? false;
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>({ connected: false, refused: null });
  const since = useRef<string | null>(null);
  // Read at each event: the wall's step and focus of the moment, not of the subscription's start.
  const applyDirect = useRef(options.applyDirect);
  applyDirect.current = options.applyDirect;

  useEffect(() => {
    if (!enabled || !projectId) return;
    const key = queryKeys.projectView(projectId, null, hideConfidential);
    since.current = null;
    window.__trameLive ??= { events: 0, lastAt: null, connected: false, receivedAt: null };
    /** The map after the events drawn straight onto the canvas and not yet in the cache. */
    let pending: ProjectMapData | null = null;
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      flushTimer = null;
      const map = pending;
      pending = null;
      if (map) queryClient.setQueryData<ProjectViewData>(key, (view) => (view ? { ...view, projectMap: map } : view));
    };
    const subscription = subscribeLive<{ projectLive: LiveEvent }>(
      PROJECT_LIVE,
      () => ({
        projectId,
        hideConfidential,
        // The instant of the state the page holds: its map's, or the last event's.
        since: since.current ?? queryClient.getQueryData<ProjectViewData>(key)?.projectMap.asOf ?? null,
      }),
      ({ projectLive: event }) => {
        since.current = event.at;
        // When the event reached the page (Date.now(): the bench splits server and page time with it).
        window.__trameLive!.receivedAt = Date.now();
        if (event.kind === 'READY') return;
        const live = window.__trameLive!;
        live.events += 1;
        live.lastAt = event.at;
        if (refreshLists) void queryClient.invalidateQueries({ queryKey: queryKeys.projectLists(projectId, null) });
        const held = pending ?? queryClient.getQueryData<ProjectViewData>(key)?.projectMap;
        if (!held) return;
        const next = applyLiveEvent(held, event);
        if (event.kind === 'PATCH' && applyDirect.current?.(event, next)) {
          pending = next;
          if (flushTimer === null) flushTimer = setTimeout(flush, CACHE_DELAY_MS);
          return;
        }
        pending = null;
        if (flushTimer !== null) clearTimeout(flushTimer);
        flushTimer = null;
        queryClient.setQueryData<ProjectViewData>(key, (view) => (view ? { ...view, projectMap: next } : view));
      },
      (next) => {
        window.__trameLive!.connected = next.connected;
        setStatus(next);
      },
    );
    return () => {
      subscription.close();
      if (flushTimer !== null) clearTimeout(flushTimer);
      flush();
    };
  }, [enabled, projectId, hideConfidential, refreshLists, queryClient]);

  return status;
}
