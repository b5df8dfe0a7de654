import { lazy, useState, type ComponentType } from 'react';
import type { PageCode } from '../api/pageCode.ts';

/** A page loaded on first use (React.lazy) from `code`, the component `pick` names in it. */
export function lazyPage<M, P extends object>(code: PageCode<M>, pick: (module: M) => ComponentType<P>): ComponentType<P> {
  return lazy(() => code.load().then((module) => ({ default: pick(module) })));
}

/**
 * The page to draw: the component itself when its code has loaded already — main.tsx waits for
 * the wall's before its first render — else `fallback` (lazyPage's). React.lazy suspends its
 * first render even when the code is there (its promise settles a few microtasks later),
 * Suspense shows its fallback, and React holds what replaces a shown fallback at least 300 ms
 * (FALLBACK_THROTTLE_MS): in a CPU profile of `npm run bench:projection` the wall's map data was
 * in at 0.68 s and the page sat idle until 0.88 s before creating the map. Chosen once per mount
 * of the calling component (no remount when the code arrives later).
 */
export function useLoadedPage<M, P extends object>(
  code: PageCode<M>,
  pick: (module: M) => ComponentType<P>,
  fallback: ComponentType<P>,
): ComponentType<P> {
  const [page] = useState<ComponentType<P>>(() => {
    const module = code.loaded();
    return module ? pick(module) : fallback;
  });
  return page;
}
