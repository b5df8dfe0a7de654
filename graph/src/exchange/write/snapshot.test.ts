import { describe, expect, it } from 'vitest';
import type { ProjectState } from '../../reads/project-state.ts';
import type { EntityRecord } from '../../store/records.ts';
import { snapshotFromState } from './snapshot.ts';

const END_OF_TIME = new Date(Date.UTC(9999, 11, 31));

function record(
  id: string,
  type: EntityRecord['type'],
  values: EntityRecord['values'],
  validFrom: string,
  validTo: Date = END_OF_TIME,
): EntityRecord {
  const from = new Date(validFrom);
  return {
    id,
    type,
    version: 1,
    projectId: type === 'Territory' || type === 'Actor' ? null : 'prj-1',
    territoryId: 'ter-1',
    validFrom: from,
    validTo,
    versionFrom: from,
    versionTo: validTo,
    recordedAt: from,
    values,
  };
}

describe('snapshotFromState', () => {
  it('turns a ProjectState into plain data: ISO instants, open ends as null, values copied, layout and history passed on', () => {
    const territory = record(
      'ter-1',
      'Territory',
      { name: 'Malaunay', code: '76402', kind: 'COMMUNE', description: null },
      '2019-01-01T00:00:00Z',
    );
    const project = record(
      'prj-1',
      'Project',
      { territoryId: 'ter-1', name: 'Marché et AMAP', description: 'Centre-bourg' },
      '2020-01-06T00:00:00Z',
    );
    const actor = record(
      'act-1',
      'Actor',
      { territoryId: 'ter-1', name: 'AMAP', kind: 'ASSOCIATION', description: null },
      '2020-01-06T00:00:00Z',
    );
    const engagement = record(
      'eng-1',
      'Engagement',
      { actorId: 'act-1', projectId: 'prj-1', level: 'INFORME', role: null, perimeterId: null },
      '2020-01-06T00:00:00Z',
      new Date('2023-06-30T00:00:00Z'),
    );
    const state: ProjectState = {
      at: new Date('2023-01-01T00:00:00Z'),
      project,
      territory,
      entities: [actor, engagement],
      byId: new Map([project, territory, actor, engagement].map((e) => [e.id, e])),
    };
    const history = {
      'eng-1': [{ from: '2020-01-06T00:00:00.000Z', to: '2023-06-30T00:00:00.000Z', values: engagement.values }],
    };
    const snapshot = snapshotFromState(state, { layout: { 'act-1': { x: 1, y: 2 } }, history });
    expect(snapshot).toEqual({
      at: '2023-01-01T00:00:00.000Z',
      territory: { id: 'ter-1', name: 'Malaunay' },
      project: { id: 'prj-1', name: 'Marché et AMAP', description: 'Centre-bourg' },
      entities: [
        { id: 'act-1', type: 'Actor', validFrom: '2020-01-06T00:00:00.000Z', validTo: null, values: actor.values },
        {
          id: 'eng-1',
          type: 'Engagement',
          validFrom: '2020-01-06T00:00:00.000Z',
          validTo: '2023-06-30T00:00:00.000Z',
          values: engagement.values,
          history: history['eng-1'],
        },
      ],
      layout: { 'act-1': { x: 1, y: 2 } },
    });
    // Copies, not the records' own objects.
    expect(snapshot.entities[0]!.values).not.toBe(actor.values);
  });
});
