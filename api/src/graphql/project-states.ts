import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ProjectState, ReadMoment } from '@trame/graph';

/**
 * Project states read during one query operation, by project and moment. The editor asks for
 * `project` and `projectMap` in one request: both are built from the same state, read once.
 * Mutations get no cache — a state read before a write would be stale after it.
 */
export class ProjectStateCache {
  readonly #states = new Map<string, Promise<ProjectState>>();

  get(projectId: string, moment: ReadMoment, read: () => Promise<ProjectState>): Promise<ProjectState> {
    const key = `${projectId}\u0000${moment === null ? 'latest' : moment.getTime()}`;
    let state = this.#states.get(key);
    if (!state) {
      state = read();
      this.#states.set(key, state);
      // A failed read is not remembered: the error reaches its field, a retry reads again.
      state.catch(() => this.#states.delete(key));
    }
    return state;
  }
}

/** Gives query operations (not mutations or subscriptions) a fresh ProjectStateCache. */
export const useProjectStateCache: Plugin<{ projectStates?: ProjectStateCache | null }> = {
  onExecute({ args, extendContext }) {
    const operation = getOperationAST(args.document, args.operationName);
    extendContext({ projectStates: operation?.operation === 'query' ? new ProjectStateCache() : null });
  },
};
