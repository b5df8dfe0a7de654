import { useEffect, useState } from 'react';

/**
 * The URL is the state worth sharing: which project, which date, which comparison. A link
 * reopens the same view. A handful of routes need no router library.
 */
export type Route =
  | { page: 'home' }
  | { page: 'project'; projectId: string; params: URLSearchParams }
  | { page: 'territoryReview'; territoryId: string; params: URLSearchParams }
  | { page: 'projectAnalysis'; projectId: string; params: URLSearchParams }
  | { page: 'notFound' };

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/projets\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (match) return { page: 'project', projectId: match[1]!, params: new URLSearchParams(search) };
  const review = /^\/territoires\/([a-z0-9-]+)\/revue\/?$/.exec(pathname);
  if (review) return { page: 'territoryReview', territoryId: review[1]!, params: new URLSearchParams(search) };
  const analysis = /^\/projets\/([a-z0-9-]+)\/analyse\/?$/.exec(pathname);
  if (analysis) return { page: 'projectAnalysis', projectId: analysis[1]!, params: new URLSearchParams(search) };
  return { page: 'notFound' };
}

export function navigate(url: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Updates some query parameters of the current URL (null removes one). */
export function setParams(changes: Record<string, string | null>, replace = true): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  navigate(`${window.location.pathname}${query ? `?${query}` : ''}`, replace);
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
