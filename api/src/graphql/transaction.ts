import {
  defaultFieldResolver,
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ManagedTransaction, type Session, type Transaction } from 'neo4j-driver';
import { Graph, mapGraphError, type RecordedChange } from '@trame/graph';
import type { GraphQLContext } from './context.ts';
import { isTransientGraphError, withExtensions } from './errors.ts';

/**
 * One GraphQL mutation operation = one Neo4j transaction. The root fields of a mutation run in
 * order in one explicit transaction: all of them commit, or none does.
 *
 * Resolvers need no change: the plugin hands them, as `ctx.graph`, an OperationTransaction —
 * a Graph whose `read` and `write` run their unit of work in the operation's transaction.
 */

/** Attempts of a whole mutation operation when Neo4j reports a transient error (a deadlock…). */
export const MUTATION_ATTEMPTS = 3;

export { isTransientGraphError };

/**
 * A Graph whose units of work all run in one explicit transaction, opened on first use. Units
 * run one at a time (a transaction runs one query at a time; nested resolvers ask in parallel).
 * Explicit transactions are not retried by the driver: the plugin retries the whole operation.
 */
export class OperationTransaction extends Graph {
  #session: Session | null = null;
  #transaction: Promise<Transaction> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #finished = false;

  /** The request's graph: its session configuration carries the client's bookmarks. */
  readonly #source: Graph;

  constructor(graph: Graph) {
    super(graph.driver, graph.database);
    this.#source = graph;
  }

  override read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.#run(work);
  }

  override write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.#run(work);
  }

  #run<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const next = this.#queue.then(async () => {
      if (this.#finished) throw new Error('the operation transaction is already finished');
      try {
        // Units see only `run`: committing is the plugin's job, as with managed transactions.
        return await work(ManagedTransaction.fromTransaction(await this.#open()));
      } catch (error) {
        throw mapGraphError(error);
      }
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #open(): Promise<Transaction> {
    this.#transaction ??= (async () => {
      // Opened as the request's graph opens a write session: on a cluster it goes to the leader, waits
      // for the client's bookmarks, and the commit's bookmark reaches the response header.
      this.#session = this.driver.session(this.#source.sessionConfig('WRITE'));
      return this.#session.beginTransaction({ metadata: { app: 'trame', scope: 'graphql-mutation' } });
    })();
    return this.#transaction;
  }

  /** Commits what the units wrote (nothing to do if none ran). @throws the mapped driver error */
  async commit(): Promise<void> {
    await this.#finish(async (tx) => tx.commit());
  }

  /** Rolls back whatever the units wrote; never throws (a failed rollback leaves nothing either). */
  async rollback(): Promise<void> {
    await this.#finish(async (tx) => {
      if (tx.isOpen()) await tx.rollback();
    }).catch(() => undefined);
  }

  async #finish(end: (tx: Transaction) => Promise<void>): Promise<void> {
    await this.#queue;
    this.#finished = true;
    try {
      if (this.#transaction) await end(await this.#transaction);
    } catch (error) {
      throw mapGraphError(error);
    } finally {
      await this.#session?.close();
    }
  }

  /** The shared driver is the app's: an operation never closes it. */
  override async close(): Promise<void> {}
}

/** What one mutation operation remembers across its root fields. */
export interface MutationOperationState {
  /** The response name (alias) of the first root field that failed, if any. */
  failedField: string | null;
  /** Response names of the root fields whose resolver started. */
  started: Set<string>;
  /** Run once the operation has committed (live/revocation.ts: a revoked link's streams end after it holds). */
  afterCommit: (() => void)[];
}

/** The response names (aliases) of an operation's root fields, in order, through fragments. */
function rootFieldNames(document: DocumentNode, selectionSet: SelectionSetNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.alias?.value ?? selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  walk(selectionSet, new Set());
  return [...new Set(names)].filter((name) => name !== '__typename');
}

function notExecuted(field: string, failedField: string): GraphQLError {
  return new GraphQLError(
    `« ${field} » n'a pas été exécuté : le champ « ${failedField} » de la même mutation a échoué, rien n'a été enregistré`,
    { path: [field], extensions: { code: 'NOT_EXECUTED', failedField, rolledBack: true } },
  );
}

function rolledBack(error: GraphQLError, failedField: string | null): GraphQLError {
  return withExtensions(error, { rolledBack: true, ...(failedField ? { failedField } : {}) });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function causes(error: GraphQLError): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    chain.push(current);
    current = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * Runs every mutation operation in one transaction: committed if the operation has no error,
 * else rolled back, with `data: null` and every error kept, marked `rolledBack` (and
 * `failedField`, the first root field that failed). A transient Neo4j error (deadlock) replays
 * the whole operation, up to MUTATION_ATTEMPTS times. After a commit, the changes the operation
 * recorded are published on the live bus (api/src/live). Queries are left alone.
 */
export const useMutationTransaction: Plugin<GraphQLContext> = {
  onExecute({ args, executeFn, setExecuteFn }) {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== 'mutation') return;
    const rootFields = rootFieldNames(args.document, operation.selectionSet);
    setExecuteFn(async (executionArgs) => {
      const base = executionArgs.contextValue as GraphQLContext;
      for (let attempt = 1; ; attempt++) {
        const transaction = new OperationTransaction(base.graph);
        const mutation: MutationOperationState = { failedField: null, started: new Set(), afterCommit: [] };
        // The changes this attempt records: told to live subscribers once committed, never before.
        const recorded: RecordedChange[] = [];
        const author = { ...base.author, onRecorded: (change: RecordedChange) => void recorded.push(change) };
        const contextValue: GraphQLContext = { ...base, graph: transaction, mutation, author };
        const result = (await executeFn({ ...executionArgs, contextValue })) as ExecutionResult;
        let errors = result.errors ?? [];
        if (errors.length === 0) {
          try {
            await transaction.commit();
            base.live?.publishChanges(recorded);
            for (const run of mutation.afterCommit) run();
            return result;
          } catch (error) {
            errors = [new GraphQLError('the transaction could not be committed', { originalError: error as Error })];
          }
        } else {
          await transaction.rollback();
          // Refused before any field ran (variables that do not fit the schema): nothing to mark.
          if (result.data === undefined) return result;
        }
        if (attempt < MUTATION_ATTEMPTS && errors.some((error) => causes(error).some(isTransientGraphError))) {
          base.log.info({ attempt }, 'transient Neo4j error: the whole mutation operation is replayed');
          await delay(25 * attempt + Math.random() * 50);
          continue;
        }
        // A failed non-null root field stops the operation: the fields after it never start.
        const failedField = mutation.failedField ?? (errors[0]?.path?.[0] as string | undefined) ?? null;
        const answered = new Set([...mutation.started, ...errors.map((error) => error.path?.[0])]);
        const skipped = failedField
          ? rootFields.filter((name) => !answered.has(name)).map((name) => notExecuted(name, failedField))
          : [];
        return { data: null, errors: [...errors.map((error) => rolledBack(error, failedField)), ...skipped] };
      }
    });
  },
};

/**
 * Wraps the root fields of the Mutation type: once a field has failed, the later fields of the
 * same operation are not run (their writes would be rolled back anyway) and say why.
 */
export function allOrNothingMutations(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, ctx: GraphQLContext, info) => {
      const state = ctx.mutation;
      if (state?.failedField) throw notExecuted(String(info.path.key), state.failedField);
      state?.started.add(String(info.path.key));
      try {
        return await resolve(source, args, ctx, info);
      } catch (error) {
        if (state) state.failedField ??= String(info.path.key);
        throw error;
      }
    };
  }
  return schema;
}
