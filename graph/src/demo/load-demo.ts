import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../db/graph.ts';
import { createEntity, endEntity, updateEntity, type ChangeContext } from '../store/commands.ts';
import { parseInstant } from '../time.ts';
import { SYSTEM_AUTHOR } from '../model/authors.ts';
import { demoSteps, type DemoStep } from './demo-map.ts';

// The demo map is written by the `system` author (model/authors.ts), like any import.
const BATCH = 40;

async function applyStep(tx: ManagedTransaction, ctx: ChangeContext, step: DemoStep): Promise<void> {
  const validFrom = parseInstant(step.at);
  const data = step.data ?? {};
  switch (step.op) {
    case 'create':
      await createEntity(tx, ctx, step.type, data, { id: step.id, validFrom });
      return;
    case 'update':
      await updateEntity(tx, ctx, step.type, step.id, data, { validFrom });
      return;
    case 'end':
      await endEntity(tx, ctx, step.type, step.id, { validFrom });
      return;
  }
}

export function demoSeedQuery() {
  return { cypher: 'MATCH (s:Seed {id: $id}) RETURN s.loadedAt AS loadedAt', params: { id: 'demo' } };
}

/**
 * Loads the demo map through the same domain functions as the API, once per database: a
 * (:Seed {id: 'demo'}) marker remembers it, so a pilot's deletions are not undone at restart.
 * Returns the number of steps applied, 0 when the demo was already there.
 */
export async function loadDemoMap(graph: Graph, steps: readonly DemoStep[] = demoSteps): Promise<number> {
  const seeded = await graph.read(async (tx) => {
    const { cypher, params } = demoSeedQuery();
    return (await tx.run(cypher, params)).records.length > 0;
  });
  if (seeded) return 0;
  const ctx: ChangeContext = { author: SYSTEM_AUTHOR };
  for (let i = 0; i < steps.length; i += BATCH) {
    const batch = steps.slice(i, i + BATCH);
    await graph.write(async (tx) => {
      for (const step of batch) {
        try {
          await applyStep(tx, ctx, step);
        } catch (error) {
          throw new Error(`demo step ${step.op} ${step.type} ${step.id} (${step.at}) failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
    });
  }
  await graph.write((tx) => tx.run('MERGE (s:Seed {id: $id}) ON CREATE SET s.loadedAt = datetime()', { id: 'demo' }));
  return steps.length;
}
