import { GraphQLError, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { Graph, GraphUnavailableError } from '@trame/graph';
import type { GraphQLContext } from './context.ts';
import { isTransientGraphError, MUTATION_ATTEMPTS, OperationTransaction, useMutationTransaction } from './transaction.ts';

// The replay policy of useMutationTransaction, with executions that touch no database (no unit
// of work runs, so the operation's transaction is never opened). The transaction itself is
// tested against Neo4j in tests/transactions.int.test.ts.

const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'unused'));
afterAll(() => driver.close());
const graph = new Graph(driver, 'neo4j');
const silent = { info: () => {}, warn: () => {}, error: () => {} } as unknown as GraphQLContext['log'];

function transient(): Error {
  return Object.assign(new Error('deadlock'), { code: 'Neo.TransientError.Transaction.DeadlockDetected' });
}

/** Runs one operation through the plugin, with `results` as the successive executions' answers. */
async function run(source: string, results: (() => ExecutionResult)[]) {
  const seen: GraphQLContext[] = [];
  type ExecuteFn = (args: ExecutionArgs) => Promise<ExecutionResult>;
  const holder: { executeFn: ExecuteFn | null } = { executeFn: null };
  const args = { document: parse(source), contextValue: { graph, log: silent } } as unknown as ExecutionArgs;
  const onExecute = useMutationTransaction.onExecute as (payload: unknown) => void;
  onExecute({
    args,
    executeFn: async (execution: ExecutionArgs) => {
      seen.push(execution.contextValue as GraphQLContext);
      return results[seen.length - 1]!();
    },
    setExecuteFn: (fn: ExecuteFn) => {
      holder.executeFn = fn;
    },
  });
  return { seen, executeFn: holder.executeFn, args };
}

describe('useMutationTransaction', () => {
  it('leaves queries alone', async () => {
    const { executeFn } = await run('{ territories { id } }', []);
    expect(executeFn).toBeNull();
  });

  it('gives each attempt its own transaction and replays the operation on a transient error', async () => {
    const failing = () => ({ data: null, errors: [new GraphQLError('x', { path: ['a'], originalError: transient() })] });
    const { executeFn, seen, args } = await run('mutation { a: revertChange(changeId: "c") { id } }', [
      failing,
      () => ({ data: { a: { id: 'x' } } }),
    ]);
    const result = await executeFn!(args);
    expect(result).toEqual({ data: { a: { id: 'x' } } });
    expect(seen).toHaveLength(2);
    expect(seen[0]!.graph).toBeInstanceOf(OperationTransaction);
    expect(seen[0]!.graph).not.toBe(seen[1]!.graph);
  });

  it(`gives up after ${MUTATION_ATTEMPTS} attempts, every error marked rolled back`, async () => {
    const failing = () => ({ data: null, errors: [new GraphQLError('x', { path: ['a'], originalError: transient() })] });
    const { executeFn, seen, args } = await run(
      'mutation { a: revertChange(changeId: "c") { id } b: revertChange(changeId: "d") { id } }',
      Array(5).fill(failing),
    );
    const result = await executeFn!(args);
    expect(seen).toHaveLength(MUTATION_ATTEMPTS);
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => [e.path, e.extensions.code ?? null, e.extensions.rolledBack])).toEqual([
      [['a'], null, true],
      [['b'], 'NOT_EXECUTED', true],
    ]);
  });

  it('does not replay a user error', async () => {
    const refused = () => ({
      data: null,
      errors: [new GraphQLError('x', { path: ['a'], extensions: { code: 'INVALID_POSITION' } })],
    });
    const { executeFn, seen, args } = await run('mutation { a: revertChange(changeId: "c") { id } }', [refused, refused]);
    const result = await executeFn!(args);
    expect(seen).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_POSITION', rolledBack: true, failedField: 'a' });
  });
});

describe('isTransientGraphError', () => {
  it('knows Neo4j transient errors from the rest', () => {
    expect(isTransientGraphError(transient())).toBe(true);
    expect(
      isTransientGraphError(Object.assign(new Error('x'), { code: 'Neo.ClientError.Schema.ConstraintValidationFailed' })),
    ).toBe(false);
    expect(isTransientGraphError(new GraphUnavailableError('down'))).toBe(false);
    expect(isTransientGraphError(null)).toBe(false);
  });
});
