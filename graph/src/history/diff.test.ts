import { describe, expect, it } from 'vitest';
import { fakeRecord, fakeState } from '../testing/records.ts';
import { diffProjectStates } from './diff.ts';

const actor = (id: string) => fakeRecord('Actor', id, { territoryId: 'ter-1', name: id, kind: 'ASSOCIATION', description: null });
const engagement = (id: string, actorId: string, level: string) =>
  fakeRecord('Engagement', id, { actorId, projectId: 'prj-1', level, role: null, perimeterId: null });
const conflict = (status: string, arbitration: string | null = null) =>
  fakeRecord('Conflict', 'cfl-1', {
    objectiveAId: 'obj-1',
    objectiveBId: 'obj-2',
    intensity: 3,
    status,
    arbitration,
    note: null,
    confidential: false,
  });

describe('diffProjectStates', () => {
  const before = fakeState('2019-01-01', [
    actor('act-a'),
    actor('act-b'),
    engagement('eng-a', 'act-a', 'CONCERNE'),
    engagement('eng-b', 'act-b', 'PARTICIPANT'),
    conflict('IDENTIFIE'),
    fakeRecord('Position', 'pos-1', { actorId: 'act-a', objectiveId: 'obj-1', value: 1, note: null }),
  ]);
  const after = fakeState('2022-01-01', [
    actor('act-a'),
    actor('act-c'),
    engagement('eng-a', 'act-a', 'COOPERANT'),
    engagement('eng-c', 'act-c', 'INFORME'),
    conflict('ARBITRE', 'Jours de marché partagés'),
    fakeRecord('Position', 'pos-1', { actorId: 'act-a', objectiveId: 'obj-1', value: 3, note: null }),
    fakeRecord('SystemicLeap', 'leap-1', {
      projectId: 'prj-1',
      fromPerimeterId: 'per-1',
      toPerimeterId: 'per-2',
      trigger: 'x',
      description: null,
    }),
    fakeRecord('Cooperation', 'coo-1', {
      projectId: 'prj-1',
      actorAId: 'act-a',
      actorBId: 'act-c',
      commitments: 'c',
      counterparts: null,
    }),
  ]);
  const diff = diffProjectStates(before, after);

  it('lists who joined and who left', () => {
    expect(diff.actorsJoined).toEqual(['act-c']);
    expect(diff.actorsLeft).toEqual(['act-b']);
  });

  it('measures engagement moves on the scale', () => {
    expect(diff.engagementChanges).toContainEqual({ actorId: 'act-a', before: 'CONCERNE', after: 'COOPERANT', delta: 3 });
    expect(diff.summary.engagementGained).toBe(1);
    expect(diff.summary.engagementLost).toBe(0);
  });

  it('sees the moved position, the arbitrated conflict, the leap and the new cooperation', () => {
    expect(diff.positionsMoved.map((m) => [m.entity.id, m.before, m.after])).toEqual([['pos-1', 1, 3]]);
    expect(diff.conflictsArbitrated.map((c) => c.id)).toEqual(['cfl-1']);
    expect(diff.conflictStatusChanges.map((m) => [m.before, m.after])).toEqual([['IDENTIFIE', 'ARBITRE']]);
    expect(diff.leaps.map((l) => l.id)).toEqual(['leap-1']);
    expect(diff.cooperationsNew.map((c) => c.id)).toEqual(['coo-1']);
  });

  it('counts added and ended project entities, not actors', () => {
    expect(diff.added.map((e) => e.id).sort()).toEqual(['coo-1', 'eng-c', 'leap-1']);
    expect(diff.ended.map((e) => e.id)).toEqual(['eng-b']);
    expect(diff.summary.changed).toBe(3); // eng-a, cfl-1, pos-1
  });

  it('is empty between a state and itself', () => {
    const same = diffProjectStates(after, after);
    expect(Object.values(same.summary).every((count) => count === 0)).toBe(true);
  });
});
