import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, ENTITIES, createEntity, endEntity, updateEntity, type EntityRecord, type EntityType } from '@trame/graph';
import { checkIntegrity } from '../graph/src/integrity/check.ts';
import { build, buildSmallProject, TEST_AUTHOR } from './support/factories.ts';
import { gql } from './support/http.ts';
import { useTestApp } from './support/app.ts';

const t = useTestApp();

const ROUNDS = 40;

describe('a position created while its objective ends', () => {
  it(`never leaves an open position on an ended objective (${ROUNDS} rounds through the API)`, async () => {
    const small = await buildSmallProject(t.graph, 2, 0);
    const actor = small.actors[0]!;
    let created = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const objective = await build(t.graph, 'Objective', {
        projectId: small.project.id,
        title: `Objectif ${round}`,
        dimensions: ['SOCIAL'],
        nature: 'MATERIEL',
        confidential: false,
      });
      const [create, end] = await Promise.all([
        gql<{ createPosition: { id: string } }>(
          t.app,
          `mutation($a: ID!, $o: ID!) { createPosition(input: { actorId: $a, objectiveId: $o, value: 2 }) { id } }`,
          { a: actor.id, o: objective.id },
        ),
        gql(t.app, `mutation($o: ID!) { endObjective(id: $o, version: 1) { id } }`, { o: objective.id }),
      ]);
      expect(end.errors).toBeUndefined();
      if (create.errors) {
        expect(create.errors[0]!.extensions?.code).toBe('DANGLING_REFERENCE');
        refused += 1;
      } else {
        created += 1;
      }
    }
    const result = await t.graph.read((tx) =>
      tx.run(
        `MATCH (p:Entity:Position {projectId: $projectId})-[:LATEST]->(:Version)-[:REFERS_TO {field: 'objectiveId'}]->(o:Entity)
         WHERE p.validTo > o.validTo
         RETURN count(p) AS bad`,
        { projectId: small.project.id },
      ),
    );
    const bad = Number(result.records[0]!.get('bad'));
    console.info(
      `[race] ${ROUNDS} rounds: ${created} positions created (then ended with their objective), ${refused} refused, ${bad} left open on an ended objective`,
    );
    expect(bad).toBe(0);
    const read = await gql(t.app, `query($id: ID!) { project(id: $id) { positions { id objective { id } } } }`, {
      id: small.project.id,
    });
    expect(read.errors).toBeUndefined();
    const report = await t.graph.read((tx) => checkIntegrity(tx, { territoryId: small.territory.id }));
    expect(report.danglingReferences).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random concurrent creates, updates and ends across all entity types.

/** The types created and ended in the property (territory and project stay: they hold the world). */
const TYPES = Object.keys(ENTITIES).filter((type) => type !== 'Territory' && type !== 'Project') as EntityType[];

type Op =
  | { kind: 'create'; type: EntityType; picks: number[]; variant: number }
  | { kind: 'update'; pick: number; picks: number[]; variant: number }
  | { kind: 'end'; pick: number };

const pickArb = fc.nat({ max: 1000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      type: fc.constantFrom(...TYPES),
      picks: fc.array(pickArb, { minLength: 4, maxLength: 4 }),
      variant: fc.nat({ max: 7 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      pick: pickArb,
      picks: fc.array(pickArb, { minLength: 4, maxLength: 4 }),
      variant: fc.nat({ max: 7 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('end' as const), pick: pickArb }) },
);

interface World {
  territoryId: string;
  projectId: string;
  /** Every entity ever created in this world (ended ones too: that is where races are). */
  ids: Map<EntityType, string[]>;
  types: Map<string, EntityType>;
}

function pickOf<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Field values for a type: references picked among the world's entities of the target type. */
function valuesFor(world: World, type: EntityType, picks: number[], variant: number, only?: 'refs'): Record<string, unknown> {
  const spec = ENTITIES[type];
  const values: Record<string, unknown> = {};
  let p = 0;
  for (const [name, field] of Object.entries(spec.fields)) {
    const n = picks[p++ % picks.length]! + variant;
    if (field.kind === 'ref') {
      if (field.target === 'Project') values[name] = world.projectId;
      else if (field.target === 'Territory') values[name] = world.territoryId;
      else if (field.required || n % 3 !== 0) values[name] = pickOf(world.ids.get(field.target) ?? [], n);
    } else if (field.kind === 'refList') {
      const pool = world.ids.get(field.target) ?? [];
      values[name] = [...new Set([pickOf(pool, n), pickOf(pool, n + 1), pickOf(pool, n + 2)].filter(Boolean))];
    } else if (only === 'refs' || field.fixed) {
    } else if (field.kind === 'text') values[name] = `Texte ${variant}`;
    else if (field.kind === 'int') values[name] = field.min + (n % (field.max - field.min + 1));
    else if (field.kind === 'bool') values[name] = n % 2 === 0;
    else if (field.kind === 'enum') values[name] = field.values[n % field.values.length];
    else if (field.kind === 'enumList') values[name] = [field.values[n % field.values.length]];
    else if (field.kind === 'date') values[name] = `202${variant % 6}-0${1 + (n % 9)}-1${n % 9}`;
  }
  return values;
}

async function buildWorld(): Promise<World> {
  const small = await buildSmallProject(t.graph, 4, 3);
  const ids = new Map<EntityType, string[]>([
    ['Actor', small.actors.map((a) => a.id)],
    ['Objective', small.objectives.map((o) => o.id)],
  ]);
  const types = new Map<string, EntityType>();
  for (const [type, list] of ids) for (const id of list) types.set(id, type);
  return { territoryId: small.territory.id, projectId: small.project.id, ids, types };
}

async function runOp(world: World, op: Op): Promise<EntityRecord | null> {
  const ctx = { author: TEST_AUTHOR };
  const all = [...world.types.keys()];
  try {
    if (op.kind === 'create') {
      const input = valuesFor(world, op.type, op.picks, op.variant);
      return await t.graph.write((tx) => createEntity(tx, ctx, op.type, input));
    }
    const id = pickOf(all, op.pick);
    if (!id) return null;
    if (op.kind === 'end') {
      await t.graph.write((tx) => endEntity(tx, ctx, null, id, {}));
      return null;
    }
    const type = world.types.get(id)!;
    const patch = valuesFor(world, type, op.picks, op.variant, op.variant % 2 === 0 ? 'refs' : undefined);
    for (const [name, field] of Object.entries(ENTITIES[type].fields)) if (field.fixed) delete patch[name];
    await t.graph.write((tx) => updateEntity(tx, ctx, null, id, patch, {}));
    return null;
  } catch (error) {
    if (error instanceof DomainError) return null; // refused cleanly: a rule or a race lost
    throw error;
  }
}

describe('property: concurrent writes across all entity types', () => {
  it('leave no version referring to an entity that did not exist during its validity', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(opArb, { minLength: 4, maxLength: 6 }), { minLength: 4, maxLength: 6 }),
        async (waves) => {
          runs += 1;
          const world = await buildWorld();
          for (const wave of waves) {
            // One wave's operations run at the same time, each in its own transaction.
            const created = await Promise.all(wave.map((op) => runOp(world, op)));
            for (const entity of created) {
              if (!entity) continue;
              world.types.set(entity.id, entity.type);
              world.ids.set(entity.type, [...(world.ids.get(entity.type) ?? []), entity.id]);
            }
          }
          const report = await t.graph.read((tx) => checkIntegrity(tx, { territoryId: world.territoryId }));
          expect(report.danglingReferences).toEqual([]);
          expect(report.overlappingVersions).toEqual([]);
          expect(report.identityMismatches).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 20261130, endOnFailure: true },
    );
    expect(runs).toBe(12);
  }, 300_000);
});
