import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Graph } from '@trame/graph';
import type { ProjectStateCache } from './project-states.ts';

/** The acting user. One local user until accounts exist; every change is attributed to it. */
export interface User {
  id: string;
  name: string;
}

export type Action = 'read' | 'write';

/** What every resolver receives: a typed bag of dependencies, nothing global. */
export interface GraphQLContext {
  graph: Graph;
  user: User;
  requestId: string;
  log: FastifyBaseLogger;
  /** Project states already read by this query operation (null for mutations). */
  projectStates?: ProjectStateCache | null;
  /** The single authorization point; throws FORBIDDEN when the user may not act. */
  authorize(action: Action, scope?: { projectId?: string | null; territoryId?: string | null }): void;
}

/** What fastify hands to yoga with each request. */
export interface ServerContext {
  req: FastifyRequest;
  reply: FastifyReply;
}
