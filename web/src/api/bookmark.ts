/**
 * The client's side of "read your own writes" across API processes and cluster members
 * (docs/API.md, « Reading your own writes »): the `Trame-Bookmark` of the last write's response
 * is kept for the tab (sessionStorage, so a reload keeps it) and sent with every request.
 */
const KEY = 'trame.bookmark';
export const BOOKMARK_HEADER = 'Trame-Bookmark';

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage refused (privacy settings): reads still work, without the guarantee
  }
}

/** The headers that carry the last bookmark, or none. */
export function bookmarkHeaders(): Record<string, string> {
  const bookmark = storage()?.getItem(KEY);
  return bookmark ? { [BOOKMARK_HEADER]: bookmark } : {};
}

/** Keeps the bookmark a write's response carries (read-only responses carry none). */
export function rememberBookmark(response: Response): void {
  const next = response.headers.get(BOOKMARK_HEADER);
  if (next) storage()?.setItem(KEY, next);
}

/** Forgets a bookmark the server refused (INVALID_BOOKMARK): the next request goes without. */
export function forgetBookmark(): void {
  storage()?.removeItem(KEY);
}
