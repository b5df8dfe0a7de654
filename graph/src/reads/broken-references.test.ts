import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../store/records.ts';
import { END_OF_TIME } from '../time.ts';
import { withoutBrokenReferences } from './broken-references.ts';

const record = (id: string, type: EntityRecord['type'], values: EntityRecord['values']): EntityRecord => ({
  id,
  type,
  version: 1,
  projectId: 'prj-1',
  territoryId: 'ter-1',
  validFrom: new Date(0),
  validTo: END_OF_TIME,
  versionFrom: new Date(0),
  versionTo: END_OF_TIME,
  recordedAt: new Date(0),
  values,
});

describe('withoutBrokenReferences', () => {
  const project = record('prj-1', 'Project', {});
  const a1 = record('act-1', 'Actor', {});
  const a2 = record('act-2', 'Actor', {});
  const objective = record('obj-1', 'Objective', { projectId: 'prj-1', actorId: 'act-gone' });
  const position = record('pos-1', 'Position', { actorId: 'act-1', objectiveId: 'obj-gone', value: 1 });
  const ecosystem = record('eco-1', 'Ecosystem', { projectId: 'prj-1', memberIds: ['act-1', 'act-2', 'act-gone'] });
  const leap = record('leap-1', 'SystemicLeap', { projectId: 'prj-1', fromPerimeterId: 'per-gone', toPerimeterId: 'per-gone2' });

  it('keeps a sound state as it is', () => {
    const sound = [
      a1,
      a2,
      record('pos-2', 'Position', { actorId: 'act-1', objectiveId: 'obj-1', value: 1 }),
      { ...objective, values: { ...objective.values, actorId: 'act-2' } },
    ];
    expect(withoutBrokenReferences(sound, [project])).toEqual({ entities: sound, broken: [] });
  });

  it('leaves out a required reference, clears an optional one, trims a list', () => {
    const { entities, broken } = withoutBrokenReferences([a1, a2, objective, position, ecosystem, leap], [project]);
    expect(entities.map((e) => e.id)).toEqual(['act-1', 'act-2', 'obj-1', 'eco-1']);
    expect(entities.find((e) => e.id === 'obj-1')!.values.actorId).toBeNull();
    expect(entities.find((e) => e.id === 'eco-1')!.values.memberIds).toEqual(['act-1', 'act-2']);
    expect(broken.map((b) => [b.entityId, b.field, b.action])).toEqual([
      ['obj-1', 'actorId', 'cleared'],
      ['pos-1', 'objectiveId', 'skipped'],
      ['eco-1', 'memberIds', 'cleared'],
      ['leap-1', 'fromPerimeterId', 'skipped'],
      ['leap-1', 'toPerimeterId', 'skipped'],
    ]);
  });

  it('follows what it leaves out: what refers to a left-out entity goes too', () => {
    const orphanObjective = record('obj-2', 'Objective', { projectId: 'prj-gone' });
    const onIt = record('pos-3', 'Position', { actorId: 'act-1', objectiveId: 'obj-2', value: 2 });
    const { entities, broken } = withoutBrokenReferences([a1, orphanObjective, onIt], [project]);
    expect(entities.map((e) => e.id)).toEqual(['act-1']);
    expect(broken.map((b) => b.entityId)).toEqual(['obj-2', 'pos-3']);
  });
});
