import { describe, expect, it } from 'vitest';
import { BookmarkChain, MAX_BOOKMARKS, parseBookmarkHeader, withBookmarks } from './bookmarks.ts';
import { Graph, type TxOptions } from './graph.ts';

const NEO4J_5 = 'FB:kcwQKvOKLr4aTDKn8CKvZoCt0QeQ';

describe('parseBookmarkHeader', () => {
  it('reads none from an absent or blank header', () => {
    expect(parseBookmarkHeader(undefined)).toEqual([]);
    expect(parseBookmarkHeader('')).toEqual([]);
    expect(parseBookmarkHeader('   ')).toEqual([]);
  });

  it('reads comma-separated bookmarks as Neo4j wrote them, once each', () => {
    expect(parseBookmarkHeader(NEO4J_5)).toEqual([NEO4J_5]);
    expect(parseBookmarkHeader(` ${NEO4J_5} , FB:a+b/c==,${NEO4J_5}`)).toEqual([NEO4J_5, 'FB:a+b/c==']);
    // A header sent twice reaches Node as an array (or joined by commas): both are read.
    expect(parseBookmarkHeader([NEO4J_5, 'neo4j:bookmark:v1:tx42'])).toEqual([NEO4J_5, 'neo4j:bookmark:v1:tx42']);
  });

  it('refuses what Neo4j never writes', () => {
    for (const bad of [
      'not a bookmark',
      'FB:abc;DROP',
      `${NEO4J_5},,${NEO4J_5}`,
      `${NEO4J_5},`,
      'FB:é',
      'x'.repeat(513),
      '"FB:abc"',
    ]) {
      expect(parseBookmarkHeader(bad), bad).toBeNull();
    }
  });

  it('refuses more than MAX_BOOKMARKS', () => {
    const many = Array.from({ length: MAX_BOOKMARKS + 1 }, (_, i) => `FB:${i}`);
    expect(parseBookmarkHeader(many.slice(0, MAX_BOOKMARKS).join(','))).toHaveLength(MAX_BOOKMARKS);
    expect(parseBookmarkHeader(many.join(','))).toBeNull();
  });
});

describe('BookmarkChain', () => {
  it('makes reads and writes wait for the bookmarks the client sent', async () => {
    const chain = new BookmarkChain(['FB:a', 'FB:b']);
    expect([...(await chain.forReads.getBookmarks())]).toEqual(['FB:a', 'FB:b']);
    expect([...(await chain.forWrites.getBookmarks())]).toEqual(['FB:a', 'FB:b']);
    expect(chain.written).toBe(false);
  });

  it("holds a committed write's bookmark in place of those it waited for, and says so", async () => {
    const seen: string[][] = [];
    const chain = new BookmarkChain(['FB:a', 'FB:b'], (bookmarks) => seen.push(bookmarks));
    await chain.forWrites.updateBookmarks(['FB:a', 'FB:b'], ['FB:c']);
    expect(chain.bookmarks).toEqual(['FB:c']);
    expect(chain.written).toBe(true);
    await chain.forWrites.updateBookmarks(['FB:c'], ['FB:d']);
    expect(seen).toEqual([['FB:c'], ['FB:d']]);
  });

  it('is moved synchronously, before the driver goes on', () => {
    const chain = new BookmarkChain([]);
    void chain.forWrites.updateBookmarks([], ['FB:c']);
    expect(chain.bookmarks).toEqual(['FB:c']);
  });

  it('is never moved by a read: a late read cannot send the client back before its write', async () => {
    const chain = new BookmarkChain(['FB:a']);
    await chain.forReads.updateBookmarks(['FB:a'], ['FB:older']);
    expect(chain.bookmarks).toEqual(['FB:a']);
    expect(chain.written).toBe(false);
  });
});

describe("the Graph executor and a request's chain", () => {
  // No driver is needed to see how sessions would be opened.
  const graph = new Graph(null as never, 'trame');

  it('opens READ and WRITE sessions on the named database, routed by access mode', () => {
    expect(graph.sessionConfig('READ')).toEqual({ database: 'trame', defaultAccessMode: 'READ' });
    expect(graph.sessionConfig('WRITE')).toEqual({ database: 'trame', defaultAccessMode: 'WRITE' });
  });

  it('gives reads and writes their side of the chain', () => {
    const chain = new BookmarkChain(['FB:a']);
    expect(graph.sessionConfig('READ', chain).bookmarkManager).toBe(chain.forReads);
    expect(graph.sessionConfig('WRITE', chain).bookmarkManager).toBe(chain.forWrites);
  });

  it("makes every transaction of a request's view carry the chain, through the graph's own read and write", async () => {
    const seen: [string, TxOptions][] = [];
    class Recording extends Graph {
      override async read<T>(_work: unknown, options: TxOptions = {}): Promise<T> {
        seen.push(['read', options]);
        return undefined as T;
      }
      override async write<T>(_work: unknown, options: TxOptions = {}): Promise<T> {
        seen.push(['write', options]);
        return undefined as T;
      }
    }
    const chain = new BookmarkChain(['FB:a']);
    const base = new Recording(null as never, 'trame');
    const view = withBookmarks(base, chain);
    await view.read(async () => 1, { timeout: 5_000 });
    await view.write(async () => 1);
    expect(seen).toEqual([
      ['read', { timeout: 5_000, bookmarks: chain }],
      ['write', { bookmarks: chain }],
    ]);
    expect(view.sessionConfig('WRITE').bookmarkManager).toBe(chain.forWrites);
    expect(view.database).toBe('trame');
    await view.close(); // owns nothing: the shared driver (here none) is not touched
  });
});
