import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  canSeeConfidential,
  parseEntityId,
  readHiddenEntityIds,
  readProjectState,
  scopeOfState,
  visibleProjectState,
  type ProjectState,
  type ReadMoment,
} from '@trame/graph';
import type { GraphQLContext } from './context.ts';

/**
 * Reads made during one query operation: project states by project and moment, territory lists
 * by territory, type and moment. The editor asks for `project` and `projectMap` in one request:
 * both are built from the same state, read once.
 * Mutations get no cache — a state read before a write would be stale after it.
 * What it holds is already redacted for the operation's principal (readVisibleProjectState).
 */
export class ProjectStateCache {
  readonly #reads = new Map<string, Promise<unknown>>();

  get(projectId: string, moment: ReadMoment, read: () => Promise<ProjectState>): Promise<ProjectState> {
    return this.remember(`state\u0000${projectId}\u0000${moment === null ? 'latest' : moment.getTime()}`, read);
  }

  /**
   * Any other read of the query operation, by a key naming what it reads: the same key answers
   * the same promise. `territories { actors { territory { actors } } }` reads each territory's
   * list once, not once per actor.
   */
  remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    let answer = this.#reads.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = read();
      this.#reads.set(key, answer);
      // A failed read is not remembered: the error reaches its field, a retry reads again.
      answer.catch(() => this.#reads.delete(key));
    }
    return answer;
  }
}

/** Gives query operations (not mutations or subscriptions) a fresh ProjectStateCache. */
export const useProjectStateCache: Plugin<{ projectStates?: ProjectStateCache | null }> = {
  onExecute({ args, extendContext }) {
    const operation = getOperationAST(args.document, args.operationName);
    extendContext({ projectStates: operation?.operation === 'query' ? new ProjectStateCache() : null });
  },
};

/**
 * The one way resolvers read a project state (queries and mutations alike): read, then
 * redacted for `ctx.principal` — visibleProjectState with the project's hidden ids
 * (readHiddenEntityIds, read in the same transaction and only for a principal who may not see
 * the project's confidential items) — then cached for the query operation. Whatever a resolver
 * builds from it (entity fields, lists, map, references followed) cannot carry what was removed.
 * @throws DomainError INVALID_ID, NOT_FOUND
 */
export function readVisibleProjectState(
  ctx: Pick<GraphQLContext, 'graph' | 'log' | 'principal' | 'projectStates'>,
  projectId: string,
  at: ReadMoment,
): Promise<ProjectState> {
  const id = parseEntityId(projectId, "l'identifiant du projet");
  // A reference the read could not follow goes to the request's log, not the console.
  const onBroken = (project: string, moment: Date, broken: readonly { entityId: string; field: string; targetId: string }[]) =>
    ctx.log.warn(
      { projectId: project, at: moment.toISOString(), broken: broken.slice(0, 20) },
      'broken references left out of a project read: run `trame check`',
    );
  const read = () =>
    ctx.graph.read(async (tx) => {
      const state = await readProjectState(tx, id, at, { onBroken });
      if (canSeeConfidential(ctx.principal, scopeOfState(state))) return state;
      return visibleProjectState(ctx.principal, state, await readHiddenEntityIds(tx, id));
    });
  return ctx.projectStates ? ctx.projectStates.get(id, at, read) : read();
}
