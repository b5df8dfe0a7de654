import { beforeEach, describe, expect, it } from 'vitest';
import {
  DomainError,
  getChange,
  getEntity,
  mergeActors,
  ofType,
  readProjectState,
  revertChange,
  updateEntity,
  type EntityRecord,
} from '@trame/graph';
import { TEST_AUTHOR, at, build, buildSmallProject, type SmallProject } from './support/factories.ts';
import { useTestApp } from './support/app.ts';

/** mergeActors against the real Neo4j: what moves, what ends, one change set, refusals change nothing. */

const t = useTestApp();
const ctx = { author: TEST_AUTHOR };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const stateAt = (projectId: string, date: string | null) =>
  t.graph.read((tx) => readProjectState(tx, projectId, date === null ? null : at(date)));

/** Everything the database holds about a project and its actors, to compare before and after a refusal. */
async function fingerprint(small: SmallProject): Promise<string> {
  return t.graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (e:Entity) WHERE e.projectId = $p OR e.territoryId = $t
       OPTIONAL MATCH (c:Change)-[:CHANGED]->(e)
       RETURN e.id AS id, e.version AS version, toString(e.validTo) AS validTo, count(c) AS changes ORDER BY id`,
      { p: small.project.id, t: small.territory.id },
    );
    return JSON.stringify(result.records.map((r) => r.toObject()));
  });
}

describe('mergeActors', () => {
  let small: SmallProject;
  let keep: EntityRecord;
  let merge: EntityRecord;
  let other: EntityRecord;

  beforeEach(async () => {
    small = await buildSmallProject(t.graph, 3, 3);
    [keep, merge, other] = small.actors as [EntityRecord, EntityRecord, EntityRecord];
  });

  it('moves positions, relations and engagements to the kept actor, ends the merged one, and keeps both histories', async () => {
    const [o1, o2, o3] = small.objectives as [EntityRecord, EntityRecord, EntityRecord];
    const from = { validFrom: at('2019-01-01') };
    const movedPosition = await build(t.graph, 'Position', { actorId: merge.id, objectiveId: o1.id, value: -2 }, from);
    await build(t.graph, 'Position', { actorId: keep.id, objectiveId: o2.id, value: 3 }, from);
    const twinPosition = await build(t.graph, 'Position', { actorId: merge.id, objectiveId: o2.id, value: 3 }, from);
    const cooperation = await build(
      t.graph,
      'Cooperation',
      { projectId: small.project.id, actorAId: merge.id, actorBId: other.id, commitments: 'Paniers partagés' },
      from,
    );
    const between = await build(
      t.graph,
      'Cooperation',
      { projectId: small.project.id, actorAId: keep.id, actorBId: merge.id, commitments: 'Entre eux' },
      from,
    );
    const influence = await build(
      t.graph,
      'Influence',
      { projectId: small.project.id, fromActorId: other.id, toActorId: merge.id, value: 2 },
      from,
    );
    // An objective carried by the merged actor.
    const carried = await t.graph.write((tx) =>
      updateEntity(tx, ctx, 'Objective', o3.id, { actorId: merge.id }, { validFrom: at('2019-01-01') }),
    );
    const ecosystem = await build(
      t.graph,
      'Ecosystem',
      { projectId: small.project.id, name: 'Boucle alimentaire', memberIds: [keep.id, merge.id, other.id] },
      from,
    );

    const preview = await t.graph.read((tx) =>
      mergeActors(tx, ctx, { keepId: keep.id, mergeId: merge.id, validFrom: at('2020-06-01') }, { dryRun: true }),
    );
    expect(preview.changeId).toBeNull();
    const result = await t.graph.write((tx) =>
      mergeActors(tx, ctx, { keepId: keep.id, mergeId: merge.id, validFrom: at('2020-06-01') }),
    );
    // The preview said exactly what the merge did.
    expect(result.steps).toEqual(preview.steps);
    const byEntity = (id: string) => result.steps.filter((s) => s.entityId === id).map((s) => s.action);
    expect(byEntity(movedPosition.id)).toEqual(['MOVED']);
    expect(byEntity(twinPosition.id)).toEqual(['ENDED']);
    expect(byEntity(cooperation.id)).toEqual(['MOVED']);
    expect(byEntity(between.id)).toEqual(['ENDED']);
    expect(byEntity(influence.id)).toEqual(['MOVED']);
    expect(byEntity(carried.id)).toEqual(['MOVED']);
    expect(byEntity(ecosystem.id)).toEqual(['MOVED']);
    expect(result.steps.find((s) => s.entityType === 'Position' && s.entityId === movedPosition.id)).toMatchObject({
      title: 'Objectif 1',
      value: '-2',
    });

    const now = await stateAt(small.project.id, null);
    expect(now.byId.has(merge.id)).toBe(false);
    expect(now.byId.get(movedPosition.id)?.values.actorId).toBe(keep.id);
    expect(now.byId.has(twinPosition.id)).toBe(false);
    expect(now.byId.get(cooperation.id)?.values.actorAId).toBe(keep.id);
    expect(now.byId.has(between.id)).toBe(false);
    expect(now.byId.get(influence.id)?.values.toActorId).toBe(keep.id);
    expect(now.byId.get(carried.id)?.values.actorId).toBe(keep.id);
    expect(now.byId.get(ecosystem.id)?.values.memberIds).toEqual([keep.id, other.id]);
    // The kept actor was already engaged: one engagement, its own.
    const engagements = ofType(now, 'Engagement').filter((e) => [keep.id, merge.id].includes(e.values.actorId as string));
    expect(engagements.map((e) => e.values.actorId)).toEqual([keep.id]);

    // Before the merge, the map holds both actors as they were.
    const before = await stateAt(small.project.id, '2020-01-01');
    expect(before.byId.has(merge.id)).toBe(true);
    expect(before.byId.get(movedPosition.id)?.values.actorId).toBe(merge.id);
    expect(before.byId.get(twinPosition.id)?.values.value).toBe(3);

    // Ended, not erased; one change set caused by the merged actor's END.
    const ended = await t.graph.read((tx) => getEntity(tx, merge.id));
    expect(ended?.validTo.toISOString()).toBe('2020-06-01T00:00:00.000Z');
    const end = await t.graph.read((tx) => getChange(tx, result.changeId!));
    expect(end).toMatchObject({ op: 'END', entityId: merge.id });
    const caused = await t.graph.read(async (tx) => {
      const r = await tx.run('MATCH (c:Change {causeId: $id}) RETURN count(c) AS n', { id: result.changeId });
      return Number(r.records[0]!.get('n'));
    });
    // Every step is one change caused by the merge (the engagement ended is a step too).
    expect(caused).toBe(result.steps.length);
  });

  it('recreates the engagement in a project where the kept actor was not engaged, and reverting the END undoes the merge', async () => {
    const project2 = await build(
      t.graph,
      'Project',
      { territoryId: small.territory.id, name: 'Second projet' },
      { validFrom: at('2018-01-01') },
    );
    const engagement = await build(
      t.graph,
      'Engagement',
      { actorId: merge.id, projectId: project2.id, level: 'MOTEUR', role: 'porteur' },
      { validFrom: at('2018-03-01') },
    );
    const result = await t.graph.write((tx) =>
      mergeActors(tx, ctx, { keepId: keep.id, mergeId: merge.id, validFrom: at('2021-01-01') }),
    );
    expect(result.steps.filter((s) => s.entityId === engagement.id).map((s) => s.action)).toEqual(['ENDED', 'RECREATED']);
    const state = await stateAt(project2.id, null);
    const engaged = ofType(state, 'Engagement');
    expect(engaged.map((e) => [e.values.actorId, e.values.level, e.values.role])).toEqual([[keep.id, 'MOTEUR', 'porteur']]);
    expect(engaged[0]!.validFrom.toISOString()).toBe('2021-01-01T00:00:00.000Z');
    // The merged actor's level history is still there before the merge.
    const past = await stateAt(project2.id, '2019-01-01');
    expect(ofType(past, 'Engagement').map((e) => e.values.actorId)).toEqual([merge.id]);

    await t.graph.write((tx) => revertChange(tx, ctx, result.changeId!));
    const undone = await stateAt(project2.id, null);
    expect(ofType(undone, 'Engagement').map((e) => e.values.actorId)).toEqual([merge.id]);
    expect((await stateAt(small.project.id, null)).byId.has(merge.id)).toBe(true);
  });

  it('refuses, changing nothing: the same actor, another territory, conflicting positions named, a date too early', async () => {
    const [o1] = small.objectives as [EntityRecord];
    await build(t.graph, 'Position', { actorId: keep.id, objectiveId: o1.id, value: 2 }, { validFrom: at('2019-01-01') });
    await build(t.graph, 'Position', { actorId: merge.id, objectiveId: o1.id, value: -1 }, { validFrom: at('2019-01-01') });
    const elsewhere = await buildSmallProject(t.graph, 1, 0);
    const before = await fingerprint(small);

    const same = await refusal(t.graph.write((tx) => mergeActors(tx, ctx, { keepId: keep.id, mergeId: keep.id })));
    expect(same.code).toBe('MERGE_SAME_ACTOR');

    const territory = await refusal(
      t.graph.write((tx) => mergeActors(tx, ctx, { keepId: keep.id, mergeId: elsewhere.actors[0]!.id })),
    );
    expect(territory.code).toBe('MERGE_OTHER_TERRITORY');
    expect(territory.message).toContain('« Acteur 1 »');

    const conflict = await refusal(t.graph.write((tx) => mergeActors(tx, ctx, { keepId: keep.id, mergeId: merge.id })));
    expect(conflict.code).toBe('MERGE_CONFLICT');
    expect(conflict.message).toContain("sur l'objectif « Objectif 1 », « Acteur 1 » a la position +2 et « Acteur 2 » -1");
    expect(conflict.message).not.toMatch(/act-|obj-/);

    const early = await refusal(
      t.graph.write((tx) => mergeActors(tx, ctx, { keepId: other.id, mergeId: keep.id, validFrom: at('2017-06-01') })),
    );
    expect(early.code).toBe('DATE_BEFORE_LAST_CHANGE');
    expect(early.message).toContain('1 juin 2017');

    expect(await fingerprint(small)).toBe(before);
  });

  it('through the API: a dry run writes nothing, the merge answers its change, a refusal its code and words', async () => {
    const [o1] = small.objectives as [EntityRecord];
    await build(t.graph, 'Position', { actorId: merge.id, objectiveId: o1.id, value: 1 }, { validFrom: at('2019-01-01') });
    const before = await fingerprint(small);
    const query = `mutation($keep: ID!, $merge: ID!, $dry: Boolean) {
      mergeActors(keepId: $keep, mergeId: $merge, validFrom: "2022-02-01", dryRun: $dry) {
        kept { id name } merged { id validTo } validFrom changeId steps { entityType action title value }
      }
    }`;
    const dry = await t.gql<{ mergeActors: { changeId: string | null; merged: { validTo: string | null }; steps: unknown[] } }>(
      query,
      {
        keep: keep.id,
        merge: merge.id,
        dry: true,
      },
    );
    expect(dry.errors).toBeUndefined();
    expect(dry.data?.mergeActors.changeId).toBeNull();
    expect(dry.data?.mergeActors.merged.validTo).toBeNull();
    expect(dry.data?.mergeActors.steps).toContainEqual({
      entityType: 'Position',
      action: 'MOVED',
      title: 'Objectif 1',
      value: '1',
    });
    expect(await fingerprint(small)).toBe(before);

    const done = await t.gql<{ mergeActors: { changeId: string; merged: { validTo: string } } }>(query, {
      keep: keep.id,
      merge: merge.id,
      dry: false,
    });
    expect(done.errors).toBeUndefined();
    expect(done.data?.mergeActors.merged.validTo.slice(0, 10)).toBe('2022-02-01');
    expect(done.data?.mergeActors.changeId).toMatch(/^chg-/);

    const again = await t.gql(query, { keep: keep.id, merge: keep.id, dry: false });
    expect(again.errors?.[0]?.extensions?.code).toBe('MERGE_SAME_ACTOR');
  });
});
