import type { FastifyInstance } from 'fastify';
import { BookmarkChain, MAX_BOOKMARKS, parseBookmarkHeader, withBookmarks, type Graph } from '@trame/graph';

declare module 'fastify' {
  interface FastifyRequest {
    /** The graph for this request: the app's, with the client's bookmark chain (plugins/bookmarks.ts). */
    graph: Graph;
  }
}

/** The header carrying Neo4j bookmarks both ways (HTTP header names are case-insensitive). */
export const BOOKMARK_HEADER = 'Trame-Bookmark';

/**
 * Read-your-own-writes on a cluster, with no state in the API process (docs/operations.md):
 * - a request may send `Trame-Bookmark: <bookmark>[, <bookmark>…]`, the value of the last one it
 *   received; every transaction of the request then waits until the database has applied them;
 * - a response whose request committed a write carries `Trame-Bookmark` with that write's
 *   bookmark, for the client to send with its next requests, to any API process;
 * - a malformed header answers 400 with the code INVALID_BOOKMARK, before anything runs.
 *
 * Each request gets its own Graph (`request.graph`: same driver, its own chain); the GraphQL
 * context must use it, never `app.graph`, or the request's bookmarks are lost.
 */
export function registerBookmarks(app: FastifyInstance): void {
  app.decorateRequest('graph', null as unknown as Graph);
  app.addHook('onRequest', async (request, reply) => {
    const bookmarks = parseBookmarkHeader(request.headers[BOOKMARK_HEADER.toLowerCase()]);
    if (bookmarks === null) {
      return reply.code(400).send({
        errors: [
          {
            message: `l'en-tête ${BOOKMARK_HEADER} n'est pas valide : renvoyez tel quel celui de la dernière réponse (au plus ${MAX_BOOKMARKS} signets séparés par des virgules), ou aucun`,
            extensions: { code: 'INVALID_BOOKMARK' },
          },
        ],
      });
    }
    // yoga writes its response straight to the Node response, past fastify's onSend hooks: the
    // header goes on the raw response as soon as the write commits, before the body is written.
    const chain = new BookmarkChain(bookmarks, (latest) => {
      if (!reply.raw.headersSent) reply.raw.setHeader(BOOKMARK_HEADER, latest.join(', '));
    });
    request.graph = withBookmarks(app.graph, chain);
  });
}
