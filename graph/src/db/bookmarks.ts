import type { BookmarkManager, ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import type { Graph, TxOptions } from './graph.ts';

/**
 * Read-your-own-writes across requests and processes (docs/operations.md).
 *
 * On a Neo4j cluster a read may be served by a secondary that has not yet applied the client's
 * last write. Neo4j answers each committed transaction with a bookmark; a session opened with
 * bookmarks makes its transactions wait until the server has applied them. Trame carries the
 * bookmark with the client (the `Trame-Bookmark` header): no process keeps it, so any API
 * process can serve the client's next request.
 *
 * A chain lives for one request: it starts from the bookmarks the client sent and, each time a
 * write commits through it, holds that write's bookmark instead (the driver reports it through
 * the BookmarkManager interface). Reads wait for the chain but never move it: the bookmark a
 * response hands back is always the client's last write, so a slow read answering after a
 * write cannot send the client back in time.
 */
export class BookmarkChain {
  #bookmarks: Set<string>;
  #written = false;
  readonly #onWrite: ((bookmarks: string[]) => void) | null;

  /**
   * @param initial the bookmarks the client sent (opaque strings), possibly none
   * @param onWrite called, synchronously, each time a write commits, with the chain's new bookmarks
   */
  constructor(initial: Iterable<string> = [], onWrite: ((bookmarks: string[]) => void) | null = null) {
    this.#bookmarks = new Set(initial);
    this.#onWrite = onWrite;
  }

  /** The bookmarks a session of this chain waits for. */
  get bookmarks(): string[] {
    return [...this.#bookmarks];
  }

  /** Whether a write has committed through this chain. */
  get written(): boolean {
    return this.#written;
  }

  /** For read sessions: wait for the chain, leave it as it is. */
  readonly forReads: BookmarkManager = {
    getBookmarks: async () => this.bookmarks,
    updateBookmarks: async () => {},
  };

  /** For write sessions: wait for the chain, then hold the committed write's bookmark. */
  readonly forWrites: BookmarkManager = {
    getBookmarks: async () => this.bookmarks,
    updateBookmarks: async (previous, next) => {
      // Synchronous body: the chain has moved before the driver resolves the transaction.
      for (const bookmark of previous) this.#bookmarks.delete(bookmark);
      for (const bookmark of next) this.#bookmarks.add(bookmark);
      this.#written = true;
      this.#onWrite?.(this.bookmarks);
    },
  };
}

/**
 * The graph as one request sees it: every transaction it runs, through `read`, `write` or a
 * session opened with `sessionConfig`, carries the request's chain. Everything else is the
 * graph's own (the driver, a test's override of `read`): the view delegates, and owns nothing to
 * close.
 */
export function withBookmarks(graph: Graph, chain: BookmarkChain): Graph {
  const view = Object.create(graph) as Graph;
  view.read = <T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}) =>
    graph.read(work, { ...options, bookmarks: chain }).catch(refusedBookmark);
  view.write = <T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}) =>
    graph.write(work, { ...options, bookmarks: chain }).catch(refusedBookmark);
  view.sessionConfig = (mode) => graph.sessionConfig(mode, chain);
  view.close = async () => {};
  return view;
}

/**
 * Neo4j refuses a bookmark it cannot read or that names another database (a header made up,
 * or kept from another installation): the client's mistake, with a code, not an internal error.
 */
function refusedBookmark(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
    throw new DomainError(
      'INVALID_BOOKMARK',
      "l'en-tête Trame-Bookmark désigne une transaction que la base ne connaît pas : renvoyez celui de la dernière réponse, ou aucun",
    );
  }
  throw error;
}

/** The most bookmarks a client may send at once (one per database a request touched, in practice one). */
export const MAX_BOOKMARKS = 16;
const BOOKMARK = /^[A-Za-z0-9:+/=_.-]{1,512}$/;

/**
 * The bookmarks of a `Trame-Bookmark` header: comma-separated opaque strings, as Neo4j wrote
 * them (`FB:…` base64 on Neo4j 5 and Aura). Blank or absent: none.
 * @returns the bookmarks, or null when the header is malformed (unexpected characters, an empty
 *   item, more than MAX_BOOKMARKS)
 */
export function parseBookmarkHeader(header: string | readonly string[] | undefined): string[] | null {
  const text = (Array.isArray(header) ? header.join(',') : ((header as string | undefined) ?? '')).trim();
  if (text === '') return [];
  const items = text.split(',').map((item) => item.trim());
  if (items.length > MAX_BOOKMARKS || !items.every((item) => BOOKMARK.test(item))) return null;
  return [...new Set(items)];
}
