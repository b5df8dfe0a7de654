import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeContext, Graph, Principal, Resource } from '@trame/graph';
import type { LiveBus } from '../live/bus.ts';
import type { ProjectStateCache } from './project-states.ts';
import type { MutationOperationState } from './transaction.ts';

/**
 * The access resources (project or territory, with territory and label) looked up during one
 * operation, by key (`project:prj-…`): a query naming a project in three fields reads its
 * territory once.
 */
export type ResourceCache = Map<string, Promise<Resource>>;

/** What every resolver receives: a typed bag of dependencies, nothing global. */
export interface GraphQLContext {
  /** The app's graph; in a mutation operation, the operation's one transaction (transaction.ts). */
  graph: Graph;
  /**
   * Who asks (resolved once per request by the auth plugin). The access rules
   * (access-rules.ts) have checked every root field before its resolver runs; every read is
   * redacted for it at the source (project-states.ts, and the reader given to the graph's use cases).
   */
  principal: Principal;
  /** Whom the changes of this request are attributed to: `{author: display name, authorId: user id}`. */
  author: ChangeContext;
  /** The cookie's session secret when the request came with one (changePassword keeps it open). */
  sessionToken: string | null;
  /** Where the app is reached from the outside (`https://trame.example.fr`), without trailing slash. */
  publicUrl: string;
  requestId: string;
  log: FastifyBaseLogger;
  /** Access resources already looked up by this operation. */
  resources: ResourceCache;
  /** Project states and territory lists already read by this query operation (null for mutations). */
  projectStates?: ProjectStateCache | null;
  /** The live bus: committed changes go out through it, subscriptions listen to it (api/src/live). */
  live: LiveBus;
  /** Set for mutation operations: which root field failed first, if any (transaction.ts). */
  mutation?: MutationOperationState | null;
}

/** What fastify hands to yoga with each request. */
export interface ServerContext {
  req: FastifyRequest;
  reply: FastifyReply;
}
