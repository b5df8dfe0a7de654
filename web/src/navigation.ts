import { useEffect, useState } from 'react';
import { parseRoute, withParams, type Route } from './routes.ts';

/**
 * The browser's history, without a router library: a handful of routes (routes.ts) and a
 * `popstate` event the shell listens to.
 */
export function navigate(url: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Updates some query parameters of the current URL (null removes one); replaces the history entry by default. */
export function setParams(changes: Record<string, string | null>, replace = true): void {
  navigate(withParams(window.location.pathname, window.location.search, changes), replace);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname, window.location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname, window.location.search));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
