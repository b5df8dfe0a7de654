import { beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError,
  endEntity,
  getEntity,
  readProjectState,
  readTimeline,
  revertChange,
  updateEntity,
  type EntityRecord,
} from '@trame/graph';
import { TEST_AUTHOR, at, build, buildSmallProject, type SmallProject } from './support/factories.ts';
import { useTestGraph } from './support/app.ts';

const t = useTestGraph();

const ctx = { author: TEST_AUTHOR };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

async function stateAt(projectId: string, date: string) {
  return t.graph.read((tx) => readProjectState(tx, projectId, at(date)));
}

describe('creating entities', () => {
  let small: SmallProject;
  beforeAll(async () => {
    small = await buildSmallProject(t.graph);
  });

  it('stores a position with its scope derived from its objective', async () => {
    const position = await build(
      t.graph,
      'Position',
      { actorId: small.actors[0]!.id, objectiveId: small.objectives[0]!.id, value: 3 },
      { validFrom: at('2019-01-01') },
    );
    expect(position).toMatchObject({
      type: 'Position',
      version: 1,
      projectId: small.project.id,
      territoryId: small.territory.id,
    });
    expect(position.values).toMatchObject({ value: 3, note: null });
  });

  it('refuses a reference to an unknown entity, to the wrong type, or before it existed', async () => {
    const objectiveId = small.objectives[1]!.id;
    expect(await codeOf(build(t.graph, 'Position', { actorId: 'act-nobody', objectiveId, value: 1 }))).toBe('DANGLING_REFERENCE');
    expect(await codeOf(build(t.graph, 'Position', { actorId: objectiveId, objectiveId, value: 1 }))).toBe(
      'WRONG_REFERENCE_TYPE',
    );
    expect(
      await codeOf(
        build(t.graph, 'Position', { actorId: small.actors[1]!.id, objectiveId, value: 1 }, { validFrom: at('2010-01-01') }),
      ),
    ).toBe('DANGLING_REFERENCE');
  });

  it('refuses a second position of the same actor on the same objective', async () => {
    const input = { actorId: small.actors[2]!.id, objectiveId: small.objectives[1]!.id, value: 2 };
    await build(t.graph, 'Position', input);
    expect(await codeOf(build(t.graph, 'Position', { ...input, value: -1 }))).toBe('DUPLICATE_ENTITY');
  });

  it('refuses an actor of another territory', async () => {
    const other = await buildSmallProject(t.graph, 1, 1);
    expect(
      await codeOf(build(t.graph, 'Position', { actorId: other.actors[0]!.id, objectiveId: small.objectives[0]!.id, value: 1 })),
    ).toBe('CROSS_TERRITORY_REFERENCE');
    expect(
      await codeOf(
        build(t.graph, 'Convergence', { objectiveAId: small.objectives[0]!.id, objectiveBId: other.objectives[0]!.id }),
      ),
    ).toBe('CROSS_TERRITORY_REFERENCE');
  });

  it('refuses a client id already taken', async () => {
    expect(await codeOf(build(t.graph, 'Perimeter', { projectId: small.project.id, name: 'P' }, { id: small.project.id }))).toBe(
      'ID_TAKEN',
    );
  });
});

describe('updating with versions and dates', () => {
  let small: SmallProject;
  let engagementId: string;
  beforeAll(async () => {
    small = await buildSmallProject(t.graph, 1, 1);
    const state = await stateAt(small.project.id, '2018-06-01');
    engagementId = state.entities.find((e) => e.type === 'Engagement')!.id;
  });

  it('keeps every version readable at its date', async () => {
    const first = await t.graph.read((tx) => getEntity(tx, engagementId));
    const second = await t.graph.write((tx) =>
      updateEntity(
        tx,
        ctx,
        'Engagement',
        engagementId,
        { level: 'PARTICIPANT' },
        { expectedVersion: first!.version, validFrom: at('2019-03-01') },
      ),
    );
    expect(second.version).toBe(first!.version + 1);
    await t.graph.write((tx) =>
      updateEntity(
        tx,
        ctx,
        'Engagement',
        engagementId,
        { level: 'MOTEUR' },
        { expectedVersion: second.version, validFrom: at('2021-09-01') },
      ),
    );
    const level = async (date: string) =>
      (await stateAt(small.project.id, date)).entities.find((e) => e.id === engagementId)?.values.level;
    expect(await level('2018-06-01')).toBe('INFORME');
    expect(await level('2019-02-28')).toBe('INFORME');
    expect(await level('2019-03-01')).toBe('PARTICIPANT');
    expect(await level('2021-08-31')).toBe('PARTICIPANT');
    expect(await level('2024-01-01')).toBe('MOTEUR');
    // Span levels (graph/src/store/span.ts): 424 days → 2^9, 915 days → 2^10, the open one none.
    const levels = await t.graph.read(async (tx) =>
      (
        await tx.run('MATCH (:Entity {id: $id})-[:HAS_VERSION]->(v) RETURN v.spanLevel AS level ORDER BY v.validFrom', {
          id: engagementId,
        })
      ).records.map((r) => r.get('level')),
    );
    expect(levels).toEqual([9, 10, null]);
  });

  it('refuses a stale version with VERSION_CONFLICT and changes nothing', async () => {
    const before = await t.graph.read((tx) => getEntity(tx, engagementId));
    expect(
      await codeOf(
        t.graph.write((tx) =>
          updateEntity(tx, ctx, 'Engagement', engagementId, { role: 'x' }, { expectedVersion: before!.version - 1 }),
        ),
      ),
    ).toBe('VERSION_CONFLICT');
    const after = await t.graph.read((tx) => getEntity(tx, engagementId));
    expect(after).toEqual(before);
  });

  it('refuses a date before the latest change and a fixed field', async () => {
    const current = await t.graph.read((tx) => getEntity(tx, engagementId));
    expect(
      await codeOf(
        t.graph.write((tx) =>
          updateEntity(
            tx,
            ctx,
            'Engagement',
            engagementId,
            { role: 'x' },
            { expectedVersion: current!.version, validFrom: at('2020-01-01') },
          ),
        ),
      ),
    ).toBe('DATE_BEFORE_LAST_CHANGE');
    expect(
      await codeOf(
        t.graph.write((tx) =>
          updateEntity(
            tx,
            ctx,
            'Engagement',
            engagementId,
            { projectId: 'prj-elsewhere' },
            { expectedVersion: current!.version },
          ),
        ),
      ),
    ).toBe('FIXED_FIELD');
  });

  it('records each change, dated and attributed, with before and after', async () => {
    const page = await t.graph.read((tx) => readTimeline(tx, small.project.id, { entityId: engagementId }));
    expect(page.changes.map((c) => c.op)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    const [latest] = page.changes;
    expect(latest).toMatchObject({
      author: TEST_AUTHOR,
      fields: ['level'],
      before: { level: 'PARTICIPANT' },
      after: { level: 'MOTEUR' },
    });
    expect(latest!.validFrom.toISOString()).toBe('2021-09-01T00:00:00.000Z');
  });
});

describe('ending and reverting', () => {
  let small: SmallProject;
  let position: EntityRecord;
  beforeAll(async () => {
    small = await buildSmallProject(t.graph, 2, 2);
    position = await build(
      t.graph,
      'Position',
      { actorId: small.actors[0]!.id, objectiveId: small.objectives[0]!.id, value: -2 },
      {
        validFrom: at('2019-01-01'),
      },
    );
  });

  it('ending an objective ends its positions too, at the same date, as caused changes', async () => {
    const objective = small.objectives[0]!;
    await t.graph.write((tx) =>
      endEntity(tx, ctx, 'Objective', objective.id, { expectedVersion: 1, validFrom: at('2022-01-01') }),
    );
    const stillThere = await stateAt(small.project.id, '2021-12-31');
    expect(stillThere.byId.has(position.id)).toBe(true);
    const later = await stateAt(small.project.id, '2022-01-01');
    expect(later.byId.has(objective.id)).toBe(false);
    expect(later.byId.has(position.id)).toBe(false);
    const ended = await t.graph.read((tx) => getEntity(tx, position.id));
    expect(ended!.validTo.toISOString()).toBe('2022-01-01T00:00:00.000Z');
  });

  it('an ended entity cannot be updated', async () => {
    const current = await t.graph.read((tx) => getEntity(tx, position.id));
    expect(
      await codeOf(
        t.graph.write((tx) =>
          updateEntity(tx, ctx, 'Position', position.id, { value: 1 }, { expectedVersion: current!.version }),
        ),
      ),
    ).toBe('ENTITY_ENDED');
  });

  it('reverting the end reopens the objective and the positions it took with it', async () => {
    const objective = small.objectives[0]!;
    const page = await t.graph.read((tx) => readTimeline(tx, small.project.id, { entityId: objective.id }));
    const end = page.changes.find((c) => c.op === 'END')!;
    await t.graph.write((tx) => revertChange(tx, ctx, end.id));
    const now = await t.graph.read((tx) => readProjectState(tx, small.project.id, new Date()));
    expect(now.byId.has(objective.id)).toBe(true);
    expect(now.byId.has(position.id)).toBe(true);
    const reopened = await t.graph.read(async (tx) =>
      (
        await tx.run('MATCH (:Entity {id: $id})-[:LATEST]->(v) RETURN v.spanLevel AS level', { id: objective.id })
      ).records[0]?.get('level'),
    );
    expect(reopened).toBeNull(); // open again: found by the open-version seek, not by a span level
    expect(await codeOf(t.graph.write((tx) => revertChange(tx, ctx, end.id)))).toBe('REVERT_NOT_APPLICABLE');
  });

  it('reverting an update restores the values where the update took effect', async () => {
    const current = (await t.graph.read((tx) => getEntity(tx, position.id)))!;
    const updated = await t.graph.write((tx) =>
      updateEntity(
        tx,
        ctx,
        'Position',
        position.id,
        { value: 4 },
        { expectedVersion: current.version, validFrom: at('2023-01-01') },
      ),
    );
    const page = await t.graph.read((tx) => readTimeline(tx, small.project.id, { entityId: position.id, first: 1 }));
    const reverted = await t.graph.write((tx) => revertChange(tx, ctx, page.changes[0]!.id));
    expect(reverted.values.value).toBe(-2);
    expect(reverted.version).toBe(updated.version + 1);
    const at2024 = await stateAt(small.project.id, '2024-01-01');
    expect(at2024.byId.get(position.id)?.values.value).toBe(-2);
    const log = await t.graph.read((tx) => readTimeline(tx, small.project.id, { entityId: position.id, first: 1 }));
    expect(log.changes[0]).toMatchObject({ op: 'UPDATE', revertOf: page.changes[0]!.id });
  });

  it('refuses to revert an unknown change', async () => {
    expect(await codeOf(t.graph.write((tx) => revertChange(tx, ctx, 'chg-unknown')))).toBe('CHANGE_NOT_FOUND');
  });
});
