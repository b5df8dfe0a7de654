import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bookmarkHeaders, forgetBookmark, rememberBookmark } from './bookmark.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('the bookmark a tab carries', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('sends nothing before a write, then the last write’s bookmark', () => {
    expect(bookmarkHeaders()).toEqual({});
    rememberBookmark(new Response('{}', { headers: { 'Trame-Bookmark': 'FB:kcwQ1' } }));
    rememberBookmark(new Response('{}')); // a read: no header, the bookmark stays
    expect(bookmarkHeaders()).toEqual({ 'Trame-Bookmark': 'FB:kcwQ1' });
    rememberBookmark(new Response('{}', { headers: { 'Trame-Bookmark': 'FB:kcwQ2' } }));
    expect(bookmarkHeaders()).toEqual({ 'Trame-Bookmark': 'FB:kcwQ2' });
  });

  it('forgets a refused bookmark', () => {
    rememberBookmark(new Response('{}', { headers: { 'Trame-Bookmark': 'FB:kcwQ1' } }));
    forgetBookmark();
    expect(bookmarkHeaders()).toEqual({});
  });

  it('works without storage (privacy settings), sending nothing', () => {
    vi.stubGlobal('sessionStorage', undefined);
    rememberBookmark(new Response('{}', { headers: { 'Trame-Bookmark': 'FB:kcwQ1' } }));
    expect(bookmarkHeaders()).toEqual({});
  });
});
