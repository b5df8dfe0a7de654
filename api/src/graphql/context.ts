import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Graph, Principal } from '@trame/graph';
import type { ProjectStateCache } from './project-states.ts';
import type { MutationOperationState } from './transaction.ts';

/** The acting user. One local user until accounts exist; every change is attributed to it. */
export interface User {
  id: string;
  name: string;
}

export type Action = 'read' | 'write';

/** What every resolver receives: a typed bag of dependencies, nothing global. */
export interface GraphQLContext {
  /** The app's graph; in a mutation operation, the operation's one transaction (transaction.ts). */
  graph: Graph;
  user: User;
  /**
   * Who is asking (issue 12). Every read is redacted for it at the source
   * (project-states.ts, and the reader passed to the graph's use cases).
   */
  principal: Principal;
  requestId: string;
  log: FastifyBaseLogger;
  /** Project states already read by this query operation (null for mutations). */
  projectStates?: ProjectStateCache | null;
  /** Set for mutation operations: which root field failed first, if any (transaction.ts). */
  mutation?: MutationOperationState | null;
  /**
   * The single authorization point. With one local user it lets everything through; when accounts
   * exist it throws a DomainError (FORBIDDEN, added to the catalogue with its first use).
   */
  authorize(action: Action, scope?: { projectId?: string | null; territoryId?: string | null }): void;
}

/**
 * Stand-in until the auth plugin (api/src/plugins/auth.ts) sets `request.principal` on every
 * request: the one local user, as an administrator — what it has been so far. Replaced at the
 * merge of the access wiring.
 */
export const LOCAL_PRINCIPAL: Principal = {
  kind: 'user',
  user: { id: 'pilote-local', email: 'pilote-local@localhost', name: 'pilote-local', createdAt: new Date(0), disabledAt: null },
  grants: [
    {
      id: 'grant-local',
      userId: 'pilote-local',
      role: 'ADMINISTRATEUR',
      territoryId: null,
      projectId: null,
      grantedAt: new Date(0),
      grantedBy: 'system',
      revokedAt: null,
      revokedBy: null,
    },
  ],
  via: 'session',
};

/** What fastify hands to yoga with each request. */
export interface ServerContext {
  req: FastifyRequest;
  reply: FastifyReply;
}
