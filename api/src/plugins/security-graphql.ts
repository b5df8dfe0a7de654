/**
 * What /graphql shows to whom (issue 12, part 8): the schema is for signed-in people. An
 * anonymous request gets no introspection, no "did you mean" suggestions naming fields, and no
 * GraphiQL page; GraphiQL's page gets a Content-Security-Policy of its own, allowing exactly its
 * inline script (by hash), its inline styles and its blob: workers — nothing from a CDN: yoga's
 * GraphiQL is bundled in @graphql-yoga/render-graphiql and served from here.
 */
import type { FastifyRequest } from 'fastify';
import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { cspHash } from './security.ts';

/** A signed-in user (session or personal token); a wall link reads its map, not the schema. */
export function isSignedIn(request: FastifyRequest): boolean {
  // plugins/auth.ts sets it on every request that reaches a route.
  return request.principal?.kind === 'user';
}

/** Whether a GET /graphql is a browser asking for GraphiQL's page (not a query over GET). */
export function isGraphiQLPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' || !request.headers.accept?.includes('text/html')) return false;
  return (request.query as Record<string, unknown> | undefined)?.query === undefined;
}

/** Refuses `__schema` and `__type` (introspection); `__typename` stays, clients need it. */
function noIntrospection(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return;
      context.reportError(
        new GraphQLError('connectez-vous pour lire le schéma de l’API (introspection réservée aux comptes)', {
          nodes: node,
          extensions: { code: 'UNAUTHENTICATED' },
        }),
      );
    },
  };
}

/** graphql-js's suggestion sentence, in every validation message that has one. */
const SUGGESTION = /\s*Did you mean [^?]+\?/g;

/**
 * For requests that are not a signed-in user's: introspection refused (UNAUTHENTICATED) and
 * field suggestions removed from validation messages, so the schema cannot be read out by
 * guessing either.
 */
export const useAnonymousLimits: Plugin<{ req?: FastifyRequest }> = {
  onValidate({ context, addValidationRule }) {
    const anonymous = !context.req || !isSignedIn(context.req);
    if (anonymous) addValidationRule(noIntrospection);
    return ({ valid, result, setResult }) => {
      if (valid || !anonymous) return;
      setResult(
        result.map((error) => {
          const message = error.message.replace(SUGGESTION, '');
          if (message === error.message) return error;
          return new GraphQLError(message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            extensions: error.extensions,
          });
        }),
      );
    };
  },
};

/** The sha256 CSP sources of a page's inline `<script>` elements (without a src). */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    hashes.push(cspHash(match[1]!));
  }
  return hashes;
}

let graphiqlPolicy: string | null = null;

/**
 * Wraps GraphiQL's renderer so that the page's script hashes are known for its policy. The page
 * is the same for every request (its options are fixed), so the hash is computed once.
 */
export function withGraphiQLPolicy<O>(render: (options: O) => string | Promise<string>): (options: O) => Promise<string> {
  return async (options) => {
    const html = await render(options);
    graphiqlPolicy ??= [
      "default-src 'self'",
      "base-uri 'none'",
      // Its one inline script, by hash; Monaco's language workers start from blob: URLs.
      `script-src 'self' ${inlineScriptHashes(html).join(' ')} blob:`,
      "script-src-attr 'none'",
      "worker-src 'self' blob:",
      // Monaco and GraphiQL set styles in <style> elements they create at run time.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    return html;
  };
}

/** The policy of GraphiQL's page, once it has been rendered; null before. */
export function graphiqlContentSecurityPolicy(): string | null {
  return graphiqlPolicy;
}

/** What an anonymous browser gets at /graphql instead of GraphiQL (HTTP 401). */
export const GRAPHIQL_SIGN_IN_PAGE =
  '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Trame — GraphQL</title><p>GraphiQL est réservé aux comptes : <a href="/connexion">connectez-vous</a>, puis revenez sur <a href="/graphql">/graphql</a>. Un script s’authentifie par jeton d’accès (<code>Authorization: Bearer trame_pat_…</code>).</p></html>';
